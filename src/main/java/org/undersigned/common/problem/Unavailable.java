package org.undersigned.common.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure of the database's availability (down, unreachable, restarting, out of
 * connections) from any other: those are answered 503 with Retry-After, never 500.
 */
public final class Unavailable {

  /** SQL states of a server that is going away, starting, or full. */
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "53400");

  /** What a 503 asks the caller to wait: about the time a database restart or a burst takes. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private Unavailable() {}

  public static boolean isDatabaseDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      if (t instanceof SQLTransientConnectionException
          || type.equals("org.hibernate.exception.JDBCConnectionException")
          || type.equals("org.postgresql.util.PSQLException") && connectionState(t)
          || type.startsWith("io.agroal") && mentionsAcquisition(t)) {
        return true;
      }
      if (t instanceof SQLException sql && (connectionState(sql) || mentionsAcquisition(sql))) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionState(Throwable t) {
    if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
      return false;
    }
    String state = sql.getSQLState();
    return state.startsWith("08") || STATES.contains(state);
  }

  /** Agroal's pool timeout carries no SQL state; its message is read, never logged. */
  private static boolean mentionsAcquisition(Throwable t) {
    String message = t.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
  }
}
