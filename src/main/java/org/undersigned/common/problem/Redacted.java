package org.undersigned.common.problem;

import java.sql.SQLException;

/**
 * Describes an exception for the log without its messages: a database error's message quotes the
 * values of the row at fault (a name, an e-mail), and those must never reach a log line.
 */
public final class Redacted {

  private static final int FRAMES = 12;

  private Redacted() {}

  /** The chain of exception types (with SQL states), then where it was thrown from. */
  public static String describe(Throwable exception) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (out.length() > 0) {
        out.append(" <- ");
      }
      out.append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        out.append(" [SQLState ").append(sql.getSQLState()).append(']');
      }
    }
    StackTraceElement[] frames = exception.getStackTrace();
    for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
      out.append("\n\tat ").append(frames[i]);
    }
    return out.toString();
  }
}
