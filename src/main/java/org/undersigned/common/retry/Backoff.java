package org.undersigned.common.retry;

import java.time.Duration;

/** The wait before retrying a side effect: doubling at each failure, up to a ceiling. */
public final class Backoff {

  private Backoff() {}

  /** The wait after {@code attempts} failures (1 for the first). */
  public static Duration after(int attempts, Duration initial, Duration max) {
    Duration wait = initial.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
