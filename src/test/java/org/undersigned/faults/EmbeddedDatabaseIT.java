package org.undersigned.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on a machine with Java and no database: the packaged service in the dev
 * profile, with no datasource configured, starts an embedded PostgreSQL, says so, serves the
 * bundled letter with its counts, and keeps what it acknowledged across a restart. Production never
 * falls back: without a database it refuses to start.
 *
 * <p>PostgreSQL refuses to run as root; where these tests run as root (CI), the service runs as the
 * unprivileged user 65534 ({@code setpriv}), as a person's laptop runs it.
 */
class EmbeddedDatabaseIT {

  private static final Path HOME = Path.of("target", "embedded-database").toAbsolutePath();
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @BeforeAll
  static void home() throws Exception {
    if (Files.exists(HOME)) {
      try (var files = Files.walk(HOME)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(HOME.resolve("tmp"));
    for (String log : List.of("embedded-first", "embedded-second", "embedded-production")) {
      Files.deleteIfExists(Path.of("target", "faults", log + ".log"));
    }
    if (ROOT) {
      assertEquals(
          0,
          new ProcessBuilder("chown", "-R", "65534:65534", HOME.toString())
              .inheritIO()
              .start()
              .waitFor());
    }
  }

  /** The service as a user of the machine runs it: its own home, no database configured. */
  private static ServiceProcess asAUser(String name, String profile) throws Exception {
    ServiceProcess service =
        new ServiceProcess(name, Map.of("quarkus.profile", profile))
            .jvmOptions(List.of("-Xmx256m", "-Djava.io.tmpdir=" + HOME.resolve("tmp")))
            .environment("QUARKUS_DATASOURCE_JDBC_URL", null)
            .environment("HOME", HOME.toString())
            .environment("XDG_DATA_HOME", HOME.resolve("data").toString());
    if (ROOT) {
      service.prefix(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    return service;
  }

  private static HttpResponse<String> submit(ServiceProcess service, String key, String name)
      throws Exception {
    return Faults.HTTP.send(
        HttpRequest.newBuilder(
                URI.create(service.baseUrl() + "/api/v1/letters/" + Faults.SLUG + "/endorsements"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("Idempotency-Key", key)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Faults.submission(name, "embedded-" + UUID.randomUUID() + "@example.org")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withNoDatabaseConfiguredTheServiceRunsOnAnEmbeddedPostgresAndKeepsItsData()
      throws Exception {
    String key = UUID.randomUUID().toString();
    try (ServiceProcess first = asAUser("embedded-first", "dev").start()) {
      String log = Files.readString(first.log());
      assertTrue(
          log.contains("using an embedded PostgreSQL 17")
              && log.contains(HOME.resolve("data").resolve("undersigned").toString()),
          "the first log lines say which database is used and where its data is");
      HttpResponse<String> counts =
          Faults.get(first.baseUrl() + "/api/v1/letters/" + Faults.SLUG + "/counts");
      assertEquals(200, counts.statusCode());
      assertTrue(
          counts.body().contains("\"named\":262"), "the bundled letter and its counts are served");
      assertEquals(202, submit(first, key, "Embedded Test Organisation").statusCode());
    }
    assertTrue(
        Files.exists(HOME.resolve("data/undersigned/postgres-17/PG_VERSION")),
        "the data lives in the user's data directory");

    try (ServiceProcess second = asAUser("embedded-second", "dev").start()) {
      // The key is known after the restart: the same key with another body is refused, which it
      // could not be had the first run's acknowledged submission been lost with its database.
      HttpResponse<String> reused = submit(second, key, "Another Organisation");
      assertEquals(422, reused.statusCode(), reused.body());
      assertTrue(reused.body().contains("idempotency-key-reused"), reused.body());
    }
  }

  @Test
  void productionWithoutADatabaseRefusesToStart() throws Exception {
    Map<String, String> settings = new java.util.LinkedHashMap<>(Faults.settings(1, 1));
    settings.remove("quarkus.datasource.jdbc.url");
    ServiceProcess service =
        new ServiceProcess("embedded-production", settings)
            .environment("QUARKUS_DATASOURCE_JDBC_URL", null);
    try (service) {
      int exit = service.runToExit(Duration.ofSeconds(60));
      assertNotEquals(0, exit, "it exits");
      String log = Files.readString(service.log());
      assertTrue(log.contains("quarkus.datasource.jdbc.url"), "it names the missing setting");
      assertTrue(!log.contains("embedded PostgreSQL 17"), "it starts no embedded database");
    }
  }
}
