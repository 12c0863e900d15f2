package org.undersigned.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Receiver;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.Tokens;

/** Webhooks to a real receiver: signed, public facts only, retried, never delivered twice. */
@QuarkusTest
class WebhookTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject org.undersigned.testing.TestLetters letters;

  private final List<String> registered = new ArrayList<>();

  private static RequestSpecification asAdmin() {
    return api()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"));
  }

  private String register(Receiver receiver, List<String> events) {
    var answer =
        asAdmin()
            .contentType("application/json")
            .body(Map.of("url", receiver.url(), "events", events))
            .post("/api/v1/admin/webhooks")
            .then()
            .statusCode(201)
            .body("secret", startsWith("whsec_"))
            .extract();
    registered.add(answer.path("id"));
    return answer.path("secret");
  }

  @AfterEach
  void unregister() {
    for (String id : registered) {
      asAdmin().delete("/api/v1/admin/webhooks/" + id).then().statusCode(204);
    }
  }

  private static String signAndConfirm(String slug, Map<String, Object> submission) {
    return Submissions.confirmed(slug, submission).id();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean about(Receiver.Received r, String slug, String type) {
    JsonNode body = json(r.body());
    return body.path("type").asText().equals(type)
        && body.path("data").path("letter").asText().equals(slug);
  }

  private static void assertSigned(Receiver.Received r, String secret) throws Exception {
    String id = r.headers().get("webhook-id");
    String timestamp = r.headers().get("webhook-timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (id + "." + timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, r.headers().get("webhook-signature"));
  }

  @Test
  void aPublicationIsDeliveredSignedWithPublicFactsOnly() throws Exception {
    Letter letter =
        letters.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    try (Receiver receiver = new Receiver(0)) {
      String secret = register(receiver, List.of("endorsement.published"));
      String email = Mails.newAddress("example.org");
      signAndConfirm(letter.slug, Submissions.valid("Hooked Org", email));
      List<Receiver.Received> got =
          receiver.awaitDelivered(
              r -> about(r, letter.slug, "endorsement.published"), Duration.ofSeconds(15));
      Receiver.Received delivery = got.get(0);
      assertSigned(delivery, secret);
      JsonNode endorsement = json(delivery.body()).path("data").path("endorsement");
      assertEquals("Hooked Org", endorsement.path("name").asText());
      assertEquals("FR", endorsement.path("country").asText());
      assertFalse(delivery.body().contains(email));
      assertFalse(delivery.body().contains("Marie Dupont"));
    }
  }

  @Test
  void anAnonymousPublicationCarriesNothingThatSinglesItOut() {
    Letter letter = letters.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_APPROVAL, "en");
    try (Receiver receiver = new Receiver(0)) {
      register(receiver, List.of("endorsement.published"));
      String id =
          signAndConfirm(
              letter.slug,
              Submissions.with(
                  Submissions.valid("Zqv Secret Hooked", Mails.newAddress("example.org")),
                  "anonymous",
                  true));
      api()
          .header(
              "Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
          .post("/api/v1/admin/endorsements/" + id + "/approve")
          .then()
          .statusCode(200);
      Receiver.Received delivery =
          receiver
              .awaitDelivered(
                  r -> about(r, letter.slug, "endorsement.published"), Duration.ofSeconds(15))
              .get(0);
      JsonNode endorsement = json(delivery.body()).path("data").path("endorsement");
      assertTrue(endorsement.path("anonymous").asBoolean());
      assertEquals("PUBLISHED", endorsement.path("status").asText());
      // No name, country, kind or id: nothing to tell it from any other anonymous signature.
      assertEquals(
          java.util.Set.of("anonymous", "status"),
          com.google.common.collect.ImmutableSet.copyOf(endorsement.fieldNames()));
      assertFalse(delivery.body().contains("Zqv"));
      assertFalse(delivery.body().contains(id));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An endpoint must be on the public internet: addresses of this machine, of private networks, of
   * the cloud's metadata service, and the same hidden in IPv6 forms or other spellings, are
   * refused, as are names that resolve to them.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "https://10.0.0.5/hook",
        "https://192.168.1.20/hook",
        "https://172.16.0.1/hook",
        "https://127.0.0.1/hook",
        "https://127.1.2.3:8443/hook",
        "https://2130706433/hook",
        "https://0.0.0.0/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:10.0.0.5]/hook",
        "https://[64:ff9b::a00:5]/hook",
        "https://[2002:a00:5::1]/hook",
        "https://[fd00::1]/hook",
        "https://[fe80::1]/hook",
        "https://localhost/hook",
        "https://anything.localhost/hook",
        "http://10.0.0.5/hook",
        "http://integrator.example/hook",
        "https://user:secret@integrator.example/hook",
      })
  void endpointsOffThePublicInternetAreRefused(String url) {
    asAdmin()
        .contentType("application/json")
        .body(Map.of("url", url, "events", List.of("endorsement.published")))
        .post("/api/v1/admin/webhooks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("url"));
  }

  /**
   * Under embargo the letter's own page hides its list: a partner is told of a publication only
   * once the list is public, here when the embargo is lifted.
   */
  @Test
  void publicationsUnderEmbargoAreHeldUntilTheListIsPublic() throws Exception {
    Letter letter =
        letters.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    Map<String, Object> settings = new java.util.HashMap<>();
    settings.put("status", "OPEN");
    settings.put("moderationPolicy", "PUBLISH_ON_CONFIRMATION");
    settings.put("countsDuringEmbargo", true);
    settings.put(
        "embargoUntil",
        java.time.Instant.now()
            .plusSeconds(3600)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString());
    try (Receiver receiver = new Receiver(0)) {
      register(receiver, List.of("endorsement.published"));
      asAdmin()
          .contentType("application/json")
          .body(settings)
          .put("/api/v1/letters/" + letter.slug)
          .then()
          .statusCode(200);
      signAndConfirm(
          letter.slug, Submissions.valid("Embargoed Hook Org", Mails.newAddress("example.org")));
      Thread.sleep(2000);
      assertTrue(
          receiver.received().stream()
              .noneMatch(r -> about(r, letter.slug, "endorsement.published")),
          "nothing told while the list is hidden");
      settings.put("embargoUntil", null);
      asAdmin()
          .contentType("application/json")
          .body(settings)
          .put("/api/v1/letters/" + letter.slug)
          .then()
          .statusCode(200);
      Receiver.Received delivery =
          receiver
              .awaitDelivered(
                  r -> about(r, letter.slug, "endorsement.published"), Duration.ofSeconds(15))
              .get(0);
      assertTrue(delivery.body().contains("Embargoed Hook Org"));
    }
  }

  @Test
  void failedDeliveriesAreRetriedAndNeverDeliveredTwice() throws Exception {
    Letter letter =
        letters.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    try (Receiver receiver = new Receiver(2)) {
      String secret = register(receiver, List.of("endorsement.published"));
      signAndConfirm(
          letter.slug, Submissions.valid("Patient Hook Org", Mails.newAddress("example.org")));
      List<Receiver.Received> attempts =
          receiver.awaitDelivered(
              r -> about(r, letter.slug, "endorsement.published"), Duration.ofSeconds(20));
      Thread.sleep(2500);
      List<Receiver.Received> all =
          receiver.received().stream()
              .filter(r -> about(r, letter.slug, "endorsement.published"))
              .toList();
      assertEquals(3, all.size(), all.toString());
      assertEquals(1, all.stream().filter(r -> r.answered() < 300).count());
      assertEquals(1, all.stream().map(r -> r.headers().get("webhook-id")).distinct().count());
      assertSigned(attempts.get(attempts.size() - 1), secret);
      asAdmin()
          .get("/api/v1/admin/webhooks/" + registered.get(0) + "/deliveries")
          .then()
          .statusCode(200)
          .body("[0].status", equalTo("DELIVERED"))
          .body("[0].attempts", equalTo(3))
          .body("[0].lastStatus", equalTo(204));
    }
  }

  /**
   * An endpoint that takes requests and never answers holds one lane for its time-out (10 s):
   * another endpoint's deliveries of the same events arrive meanwhile, while the first request to
   * the dead one is still unanswered.
   */
  @Test
  void aDeadEndpointDelaysNoOther() throws Exception {
    Letter letter =
        letters.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    try (Receiver dead = Receiver.hanging();
        Receiver alive = new Receiver(0)) {
      register(dead, List.of("endorsement.published"));
      register(alive, List.of("endorsement.published"));
      for (int i = 0; i < 3; i++) {
        signAndConfirm(
            letter.slug,
            Submissions.valid("Lively Hook Org " + i, Mails.newAddress("example.org")));
      }
      long deadline = System.nanoTime() + 8_000_000_000L;
      while (alive.received().stream()
                  .filter(r -> about(r, letter.slug, "endorsement.published"))
                  .count()
              < 3
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(
          3,
          alive.received().stream()
              .filter(r -> about(r, letter.slug, "endorsement.published"))
              .count(),
          "the live endpoint waited for the dead one");
      assertEquals(1, dead.held(), "the dead endpoint holds one request, and one lane");
    }
  }

  @Test
  void closingALetterAndWithdrawingAreAnnounced() throws Exception {
    Letter letter =
        letters.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    try (Receiver receiver = new Receiver(0)) {
      register(receiver, List.of("letter.closed", "endorsement.withdrawn"));
      String email = Mails.newAddress("example.org");
      signAndConfirm(letter.slug, Submissions.valid("Leaving Hook Org", email));
      api()
          .contentType("application/json")
          .body(Map.of("email", email))
          .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
          .then()
          .statusCode(202);
      String token = Mails.awaitLink(email, "/withdraw").token();
      api()
          .contentType("application/json")
          .body(Map.of("token", token))
          .post("/api/v1/withdrawals")
          .then()
          .statusCode(200);
      receiver.awaitDelivered(
          r -> about(r, letter.slug, "endorsement.withdrawn"), Duration.ofSeconds(15));
      asAdmin()
          .contentType("application/json")
          .body(
              Map.of(
                  "status",
                  "CLOSED",
                  "moderationPolicy",
                  "PUBLISH_ON_CONFIRMATION",
                  "countsDuringEmbargo",
                  true))
          .put("/api/v1/letters/" + letter.slug)
          .then()
          .statusCode(200);
      receiver.awaitDelivered(r -> about(r, letter.slug, "letter.closed"), Duration.ofSeconds(15));
      assertTrue(
          receiver.received().stream()
              .noneMatch(r -> about(r, letter.slug, "endorsement.published")));
    }
  }

  @Test
  void endpointsMustBeHttpsAndEventsKnown() {
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"))
        .contentType("application/json")
        .body(
            Map.of(
                "url",
                "http://integrator.example/hook",
                "events",
                List.of("endorsement.published")))
        .post("/api/v1/admin/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("url"));
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("ada@coalition.test", "admin"))
        .contentType("application/json")
        .body(Map.of("url", "https://integrator.example/hook", "events", List.of("letter.burned")))
        .post("/api/v1/admin/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("events"));
    badRequest()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .get("/api/v1/admin/webhooks")
        .then()
        .statusCode(403);
  }

  @Test
  void listingNeverShowsSecrets() {
    try (Receiver receiver = new Receiver(0)) {
      register(receiver, List.of("letter.closed"));
      String body =
          asAdmin().get("/api/v1/admin/webhooks").then().statusCode(200).extract().asString();
      assertFalse(body.contains("whsec_"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
