package org.undersigned.endorsement.service;

import java.util.Arrays;
import java.util.Optional;

/** The orders of the public list of signatories. */
public enum SignatoryOrder {
  /** The order they were added; imported ones keep the order of their source. */
  ADDED("added"),
  /** By name, in the collation of the letter's language. */
  NAME("name");

  private final String param;

  SignatoryOrder(String param) {
    this.param = param;
  }

  /** The value of the {@code sort} query parameter. */
  public String param() {
    return param;
  }

  public static Optional<SignatoryOrder> fromParam(String value) {
    return Arrays.stream(values()).filter(o -> o.param.equals(value)).findFirst();
  }
}
