package org.undersigned.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the fault tests share: their database, their settings, their requests. */
final class Faults {

  static final String DATABASE = "undersigned_faults";
  static final String SLUG = "un-china-human-rights";

  /**
   * The port of the PostgreSQL on this machine the fault tests use: the one
   * QUARKUS_DATASOURCE_JDBC_URL names (its host must be this machine: the tests cut the database
   * with a proxy on loopback), else the embedded server, as the other tests do.
   */
  static final int POSTGRES_PORT = postgresPort();

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Faults() {}

  private static int postgresPort() {
    String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    String url =
        configured != null && !configured.isBlank()
            ? configured
            : org.undersigned.common.config.EmbeddedDatabase.url(
                java.util.Optional.empty(), "postgres");
    int port = URI.create(url.substring("jdbc:".length())).getPort();
    return port > 0 ? port : 5432;
  }

  /** A database of their own, empty: the service's migrations and seed make it. */
  static void freshDatabase() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
  }

  /** A connection to that database, straight, never through a proxy. */
  static Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + DATABASE, "postgres", "");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static GreenMail smtp(int port) {
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  /** Production settings but for the addresses of this machine's database and mail server. */
  static Map<String, String> settings(int databasePort, int smtpPort) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + DATABASE);
    s.put("quarkus.datasource.username", "postgres");
    s.put("quarkus.mailer.host", "127.0.0.1");
    s.put("quarkus.mailer.port", String.valueOf(smtpPort));
    s.put("quarkus.mailer.start-tls", "DISABLED");
    s.put("quarkus.mailer.tls", "false");
    s.put("undersigned.crypto.keys", "5MK2JRIi6n5TLxZQ+Y3muskWNVtwkqD3/fRgEnApz8s=");
    s.put("undersigned.crypto.hash-key", "VprURQdBcY17qAtjvDdeXqG9SQnUIPmW40iMolZldko=");
    s.put(
        "undersigned.log.signing-key",
        "PRIVATE+KEY+undersigned.test+863b6aa6+AXLyQmkO1jdqP09xz2Cr4DF1YD0khlvfsy8a+7eO9GBS");
    s.put("undersigned.outbox.poll-interval", "0.2S");
    s.put("undersigned.outbox.retry-initial", "0.5S");
    s.put("undersigned.outbox.retry-max", "2S");
    // A killed instance's claimed e-mails are sent again once their lease ends: short here, so that
    // the tests that kill do not wait minutes (a send to the local server takes milliseconds).
    s.put("undersigned.outbox.lease", "10S");
    s.put("undersigned.rate-limit.per-address", "100000");
    s.put("undersigned.rate-limit.per-domain", "100000");
    s.put("undersigned.links.base-url", "http://localhost:8080");
    return s;
  }

  static String newEmail() {
    return "fault-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
  }

  static String submission(String name, String email) {
    return "{\"kind\":\"ORGANISATION\",\"name\":\""
        + name
        + "\",\"country\":\"FR\",\"website\":\"https://www.example.org\","
        + "\"contactName\":\"Fault Tester\",\"contactEmail\":\""
        + email
        + "\",\"anonymous\":false,\"language\":\"fr\",\"consent\":true}";
  }

  static HttpResponse<String> post(String url, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> sign(ServiceProcess service, String name, String email)
      throws IOException, InterruptedException {
    return post(
        service.baseUrl() + "/api/v1/letters/" + SLUG + "/endorsements", submission(name, email));
  }

  /** How many messages each recipient received. */
  static Map<String, Integer> received(GreenMail mail) throws MessagingException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      for (var to : m.getRecipients(Message.RecipientType.TO)) {
        counts.merge(to.toString(), 1, Integer::sum);
      }
    }
    return counts;
  }

  static List<MimeMessage> messagesTo(GreenMail mail, String address) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
              } catch (MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  /** Waits until the condition holds, or fails with the message. */
  static void await(Duration timeout, String what, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Timed out waiting until " + what);
  }

  interface Check {
    boolean holds() throws Exception;
  }
}
