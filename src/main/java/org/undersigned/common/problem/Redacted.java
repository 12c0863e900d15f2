package org.undersigned.common.problem;

import java.sql.SQLException;

/**
 * Describes an exception for the log without its messages: a database error's message quotes the
 * values of the row at fault (a name, an e-mail), and those must never reach a log line.
 */
public final class Redacted {

  private static final int FRAMES = 16;
  private static final int FIRST_FRAMES = 4;
  private static final String OWN_PACKAGE = "org.undersigned.";

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
    // The first frames say what failed; the service's own frames say on which path.
    StackTraceElement[] frames = exception.getStackTrace();
    int shown = 0;
    for (int i = 0; i < frames.length && shown < FRAMES; i++) {
      if (i < FIRST_FRAMES || frames[i].getClassName().startsWith(OWN_PACKAGE)) {
        out.append("\n\tat ").append(frames[i]);
        shown++;
      }
    }
    return out.toString();
  }
}
