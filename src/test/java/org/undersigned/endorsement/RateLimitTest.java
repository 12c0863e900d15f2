package org.undersigned.endorsement;

import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * What retries cost. The limits themselves, and that a spent budget of an address is silent, are
 * tried in BurstTest and SignerIndistinguishabilityTest, behind a trusted proxy where each client
 * has an address of its own.
 */
@QuarkusTest
class RateLimitTest {

  @Inject TestLetters fixtures;

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
}
