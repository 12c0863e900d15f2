package org.undersigned.endorsement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/**
 * With every logger of the service at DEBUG into a file and every span exported, a whole life of
 * two endorsements (one anonymous), their failures included, leaves no contact e-mail, token or
 * anonymous name in the log or in any span, and no span carries the caller's address or browser.
 */
@QuarkusTest
@TestProfile(LogPrivacyTest.LogEverything.class)
class LogPrivacyTest {

  static final Path LOG = Path.of("target", "logs", "everything.log");

  /**
   * Every category at DEBUG (the lowest level the build keeps), written to a file; tracing on, its
   * spans exported to memory (InMemoryTraces).
   */
  public static class LogEverything implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> settings = new java.util.HashMap<>();
      settings.put("quarkus.otel.sdk.disabled", "false");
      settings.put("quarkus.otel.bsp.schedule.delay", "100ms");
      settings.putAll(everyLogger());
      return settings;
    }

    private static Map<String, String> everyLogger() {
      return Map.of(
          "quarkus.log.level", "DEBUG",
          "quarkus.log.category.\"org.undersigned\".level", "DEBUG",
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG.toString(),
          "quarkus.log.file.level", "ALL",
          "quarkus.log.console.level", "INFO",
          // The tests' own HTTP client and request validator log what the tests send; they are
          // not the service.
          "quarkus.log.category.\"com.atlassian\".level", "WARN",
          "quarkus.log.category.\"org.apache.http\".level", "WARN");
    }
  }

  @Inject TestLetters fixtures;
  @Inject InMemorySpanExporter traces;

  @Test
  void noPersonalDatumOrSecretIsEverLoggedOrTraced() throws Exception {
    // Publishing after approval: a letter that publishes on confirmation takes no anonymous
    // signature.
    Letter letter = fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    String path = "/api/v1/letters/" + letter.slug + "/endorsements";
    String anonymousEmail = Mails.newAddress("logged-never.example");
    String namedEmail = Mails.newAddress("logged-never.example");
    String anonymousName = "Zqwyx Unloggable Collective";
    List<String> secrets = new ArrayList<>(List.of(anonymousEmail, namedEmail, anonymousName));

    Map<String, Object> anonymous = Submissions.valid(anonymousName, anonymousEmail);
    anonymous.put("anonymous", true);
    api().contentType("application/json").body(anonymous).post(path).then().statusCode(202);
    api()
        .contentType("application/json")
        .body(Submissions.valid("Logged Public Org", namedEmail))
        .post(path)
        .then()
        .statusCode(202);
    for (String email : List.of(anonymousEmail, namedEmail)) {
      String token = mail(email).token();
      secrets.add(token);
      api()
          .contentType("application/json")
          .body(Map.of("token", token))
          .post("/api/v1/confirmations")
          .then()
          .statusCode(200);
    }
    // The same anonymous organisation again: a duplicate, held.
    String again = Mails.newAddress("logged-never.example");
    secrets.add(again);
    Map<String, Object> duplicate =
        Submissions.valid(anonymousName.toUpperCase(Locale.ROOT), again);
    duplicate.put("anonymous", true);
    api().contentType("application/json").body(duplicate).post(path).then().statusCode(202);
    String againToken = mail(again).token();
    secrets.add(againToken);
    api()
        .contentType("application/json")
        .body(Map.of("token", againToken))
        .post("/api/v1/confirmations")
        .then()
        .statusCode(200);
    // Withdrawal, a used token, a bad token, bad bodies that quote an address.
    api()
        .contentType("application/json")
        .body(Map.of("email", namedEmail))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    String withdrawal = Mails.awaitLink(namedEmail, "/withdraw").token();
    secrets.add(withdrawal);
    // The link as the e-mail gives it: the token in the query string.
    io.restassured.RestAssured.given()
        .queryParam("token", withdrawal)
        .get("/withdraw")
        .then()
        .statusCode(200);
    for (int i = 0; i < 2; i++) {
      api()
          .contentType("application/json")
          .body(Map.of("token", withdrawal))
          .post("/api/v1/withdrawals");
    }
    badRequest()
        .contentType("application/json")
        .body(Map.of("token", "not-" + withdrawal))
        .post("/api/v1/withdrawals")
        .then()
        .statusCode(404);
    badRequest()
        .contentType("application/json")
        .body("{\"contactEmail\": \"" + anonymousEmail + "\", \"name\": ")
        .post(path)
        .then()
        .statusCode(400);
    badRequest()
        .contentType("application/json")
        .body(Map.of("contactEmail", anonymousEmail, "name", anonymousName, "bogus", anonymousName))
        .post(path)
        .then()
        .statusCode(400);
    // Moderators read everything; that is not a reason to log it.
    String moderator = "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator");
    api()
        .header("Authorization", moderator)
        .get("/api/v1/admin/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(200);
    api()
        .header("Authorization", moderator)
        .accept("text/csv")
        .get("/api/v1/admin/letters/" + letter.slug + "/endorsements.csv")
        .then()
        .statusCode(200);

    Thread.sleep(500);
    assertTrue(Files.exists(LOG), "the log file was written");
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertTrue(log.contains("DEBUG"), "DEBUG lines were written");
    String lower = log.toLowerCase(Locale.ROOT);
    for (String secret : secrets) {
      assertFalse(
          lower.contains(secret.toLowerCase(Locale.ROOT)),
          "a contact e-mail, token or anonymous name was logged");
    }
    assertFalse(lower.contains("zqwyx"), "no part of the anonymous name was logged");

    // Every span exported, with its attributes and its events' (exceptions included).
    List<SpanData> spans = traces.getFinishedSpanItems();
    assertTrue(
        spans.stream().anyMatch(span -> "/withdraw".equals(span.getAttributes().get(URL_PATH))),
        "the requests were traced: " + spans.size() + " spans");
    StringBuilder exported = new StringBuilder();
    for (SpanData span : spans) {
      exported.append(span.getName()).append(' ').append(span.getAttributes()).append('\n');
      span.getEvents().forEach(e -> exported.append(e.getAttributes()).append('\n'));
      for (String key : List.of("client.address", "network.peer.address", "user_agent.original")) {
        Object value = span.getAttributes().get(AttributeKey.stringKey(key));
        assertTrue(value == null || value.toString().isEmpty(), key + " in a span: " + value);
      }
    }
    String exportedLower = exported.toString().toLowerCase(Locale.ROOT);
    for (String secret : secrets) {
      assertFalse(
          exportedLower.contains(secret.toLowerCase(Locale.ROOT)),
          "a contact e-mail, token or anonymous name was in a span");
    }
    assertFalse(exportedLower.contains("zqwyx"), "no part of the anonymous name was traced");
  }

  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  /**
   * The one e-mail to an address, waited for longer than elsewhere: with every logger at DEBUG this
   * JVM is slow, and a send that times out (10 s) is retried before it arrives.
   */
  private static Mails.Read mail(String address) {
    return Mails.read(Smtp.awaitMessagesTo(address, 1, Duration.ofSeconds(45)).get(0));
  }
}
