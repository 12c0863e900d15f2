package org.undersigned.endorsement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * Throttling per contact e-mail (3 per window in every profile). The per-address and per-domain
 * limits are raised in the test profile, where every request comes from 127.0.0.1.
 */
@QuarkusTest
class RateLimitTest {

  @Inject TestLetters fixtures;

  @Test
  void aFourthSubmissionForOneAddressWaits() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String email = Mails.newAddress("example.org");
    String path = "/api/v1/letters/" + letter.slug + "/endorsements";
    for (int i = 0; i < 3; i++) {
      api()
          .contentType("application/json")
          .body(Submissions.valid("Org " + i, email))
          .post(path)
          .then()
          .statusCode(202);
    }
    api()
        .contentType("application/json")
        .body(Submissions.valid("Org 4", email))
        .post(path)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("^[1-9][0-9]*$"))
        .body("type", equalTo("urn:undersigned:problem:too-many-requests"));
    // Another address is not held back.
    api()
        .contentType("application/json")
        .body(Submissions.valid("Org 5", Mails.newAddress("example.org")))
        .post(path)
        .then()
        .statusCode(202);
  }

  @Test
  void retriesWithTheSameIdempotencyKeyAreNotAttempts() {
    Map<String, Object> body =
        Submissions.valid("Flaky Network Org", Mails.newAddress("example.org"));
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 6; i++) {
      api()
          .header("Idempotency-Key", key)
          .contentType("application/json")
          .body(body)
          .post("/api/v1/letters/" + TestLetters.BUNDLED + "/endorsements")
          .then()
          .statusCode(202);
    }
  }

  @Test
  void withdrawalRequestsAreThrottledWhetherOrNotTheAddressSigned() {
    String email = Mails.newAddress("example.org");
    String path = "/api/v1/letters/" + TestLetters.BUNDLED + "/withdrawal-requests";
    for (int i = 0; i < 3; i++) {
      api()
          .contentType("application/json")
          .body(Map.of("email", email))
          .post(path)
          .then()
          .statusCode(202);
    }
    api()
        .contentType("application/json")
        .body(Map.of("email", email))
        .post(path)
        .then()
        .statusCode(429)
        .header("Retry-After", matchesPattern("^[1-9][0-9]*$"));
  }
}
