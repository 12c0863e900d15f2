package org.undersigned.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.BehindProxy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/**
 * Behind a trusted reverse proxy: the client address is the forwarded one, throttling counts per
 * client address, and moderators find and reject bursts by network, e-mail domain and time.
 */
@QuarkusTest
@TestProfile(BehindProxy.class)
@io.quarkus.test.common.QuarkusTestResource(Smtp.class)
class BurstTest {

  @Inject TestLetters fixtures;

  private static RequestSpecification from(String address) {
    return api().header("X-Forwarded-For", address).contentType("application/json");
  }

  private static RequestSpecification asModerator() {
    return api()
        .header("Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
        .contentType("application/json");
  }

  @Test
  void eachClientAddressHasItsOwnLimit() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String path = "/api/v1/letters/" + letter.slug + "/endorsements";
    for (int i = 0; i < 3; i++) {
      from("192.0.2.10")
          .body(Submissions.valid("Address Org " + i, Mails.newAddress(Mails.newDomain())))
          .post(path)
          .then()
          .statusCode(202);
    }
    from("192.0.2.10")
        .body(Submissions.valid("Address Org 4", Mails.newAddress(Mails.newDomain())))
        .post(path)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("^[1-9][0-9]*$"));
    // Another client, even in the same network, is not held back.
    from("192.0.2.11")
        .body(Submissions.valid("Address Org 5", Mails.newAddress(Mails.newDomain())))
        .post(path)
        .then()
        .statusCode(202);
  }

  /** An IPv6 client is its /64: a host there can take any of its addresses. */
  @Test
  void anIpv6ClientIsItsWholeSlash64() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String path = "/api/v1/letters/" + letter.slug + "/endorsements";
    for (String address :
        new String[] {"2001:db8:1:2::10", "2001:db8:1:2::11", "2001:db8:1:2::12"}) {
      from(address)
          .body(Submissions.valid("V6 Org " + address, Mails.newAddress(Mails.newDomain())))
          .post(path)
          .then()
          .statusCode(202);
    }
    from("2001:db8:1:2:ffff:ffff:ffff:ffff")
        .body(Submissions.valid("V6 Org Next", Mails.newAddress(Mails.newDomain())))
        .post(path)
        .then()
        .statusCode(429)
        .header("Retry-After", matchesPattern("^[1-9][0-9]*$"));
    from("2001:db8:1:3::10")
        .body(Submissions.valid("V6 Org Neighbour", Mails.newAddress(Mails.newDomain())))
        .post(path)
        .then()
        .statusCode(202);
  }

  /**
   * Three submissions and two withdrawal requests naming one address, each from another client:
   * every one is answered 202 (the address's budget is spent silently, so that no answer tells
   * whether it signed), and the address receives three e-mails, its budget for the window.
   */
  @Test
  void anAddressCanBeMailedOnlyAFewTimesWhateverTheCallerDoes() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String email = Mails.newAddress(Mails.newDomain());
    for (int i = 0; i < 4; i++) {
      from("192.0.2." + (100 + i))
          .body(Submissions.valid("Mailed Org " + i, email))
          .post("/api/v1/letters/" + letter.slug + "/endorsements")
          .then()
          .statusCode(202);
    }
    String withdrawals = "/api/v1/letters/" + letter.slug + "/withdrawal-requests";
    from("192.0.2.110").body(Map.of("email", email)).post(withdrawals).then().statusCode(202);
    from("192.0.2.111").body(Map.of("email", email)).post(withdrawals).then().statusCode(202);
    Smtp.awaitMessagesTo(email, 3, java.time.Duration.ofSeconds(45));
    // Time for the outbox to send anything more it would (it is woken by each commit).
    Thread.sleep(3000);
    org.junit.jupiter.api.Assertions.assertEquals(3, Smtp.messagesTo(email).size());
  }

  @Test
  void aBurstIsPreviewedThenRejectedAndCountsFollow() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    String path = "/api/v1/letters/" + letter.slug + "/endorsements";
    Instant start = Instant.now().minusSeconds(1);
    // Four from one network and one mail domain, two of them confirmed (so published).
    for (int i = 0; i < 4; i++) {
      Map<String, Object> body =
          Submissions.valid("Burst Bot Org " + i, Mails.newAddress("burst-mail.example"));
      if (i < 2) {
        Submissions.confirmed(from("203.0.113." + (i + 1)), letter.slug, body);
      } else {
        from("203.0.113." + (i + 1)).body(body).post(path).then().statusCode(202);
      }
    }
    // A genuine signer elsewhere, confirmed.
    Submissions.confirmed(
        from("198.51.100.20"),
        letter.slug,
        Submissions.valid("Genuine Org", Mails.newAddress("genuine.example")));
    api().get("/api/v1/letters/" + letter.slug + "/counts").then().body("total", equalTo(3));

    String bursts = "/api/v1/admin/letters/" + letter.slug + "/burst-rejections";
    asModerator()
        .body(Map.of("network", "203.0.113.0/24"))
        .post(bursts)
        .then()
        .statusCode(200)
        .body("preview", equalTo(true))
        .body("matched", equalTo(4))
        .body("byStatus.published", equalTo(2))
        .body("byStatus.pendingConfirmation", equalTo(2))
        .body("rejected", equalTo(0));
    asModerator()
        .body(Map.of("emailDomain", "burst-mail.example"))
        .post(bursts)
        .then()
        .body("matched", equalTo(4));
    asModerator()
        .body(Map.of("receivedFrom", start.toString(), "network", "198.51.100.0/24"))
        .post(bursts)
        .then()
        .body("matched", equalTo(1));
    // The preview changed nothing.
    api().get("/api/v1/letters/" + letter.slug + "/counts").then().body("total", equalTo(3));

    Map<String, Object> reject = new HashMap<>();
    reject.put("network", "203.0.113.0/24");
    reject.put("emailDomain", "burst-mail.example");
    reject.put("preview", false);
    reject.put("reason", "A burst of fake signatures from one network.");
    asModerator()
        .body(reject)
        .post(bursts)
        .then()
        .statusCode(200)
        .body("matched", equalTo(4))
        .body("rejected", equalTo(4));
    api()
        .get("/api/v1/letters/" + letter.slug + "/counts")
        .then()
        .body("total", equalTo(1))
        .body("named", equalTo(1));
    asModerator()
        .body(Map.of("network", "203.0.113.0/24"))
        .post(bursts)
        .then()
        .body("matched", equalTo(0));
  }

  @Test
  void badBurstCriteriaAreRefusedWithProblems() {
    String bursts = "/api/v1/admin/letters/" + TestLetters.BUNDLED + "/burst-rejections";
    for (Map<String, Object> body :
        new Map[] {
          Map.of(),
          Map.of("preview", false, "network", "203.0.113.0/24"),
          Map.of("network", "203.0.113.7/32"),
          Map.of("network", "example.org/24"),
          Map.of("network", "999.1.1.1/8"),
          Map.of("emailDomain", "not a domain"),
          Map.of("receivedFrom", "yesterday")
        }) {
      badRequest()
          .header(
              "Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
          .contentType("application/json")
          .body(body)
          .post(bursts)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    badRequest()
        .contentType("application/json")
        .body(Map.of("network", "203.0.113.0/24"))
        .post(bursts)
        .then()
        .statusCode(401);
    asModerator()
        .body(Map.of("network", "203.0.113.0/24"))
        .post("/api/v1/admin/letters/no-such-letter/burst-rejections")
        .then()
        .statusCode(404);
  }
}
