package org.undersigned.common.pagination;

import org.undersigned.common.problem.ProblemException;

/** The {@code limit} query parameter of every list: 1 to 200, 50 when absent. */
public final class Limits {

  public static final int DEFAULT = 50;
  public static final int MAX = 200;

  private Limits() {}

  /** The limit a caller asked for; anything but a whole number in range is a 400 problem. */
  public static int parse(String limit) {
    if (limit == null) {
      return DEFAULT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Answered below like any other value out of range.
    }
    throw ProblemException.invalidField("limit", "field.limit.invalid", MAX);
  }
}
