package org.undersigned.endorsement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.RawSmtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * The mail server goes away: the queue's figures show the e-mail waiting, and once sends have
 * failed for twice {@code stall-after} the liveness check says DOWN (an orchestrator would restart
 * the instance). The server comes back: the e-mail leaves, and liveness is UP again.
 */
@QuarkusTest
@TestProfile(MailOutageTest.Outage.class)
class MailOutageTest {

  static final RawSmtp SMTP = RawSmtp.listening(0);

  /** Stalled after a second without a send. */
  public static class Outage implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.port", String.valueOf(SMTP.port()),
          "quarkus.mailer.timeout", "1S",
          "undersigned.outbox.stall-after", "1S");
    }
  }

  @Inject TestLetters fixtures;

  static RequestSpecification management() {
    return given()
        .port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
  }

  private static JsonPath liveness() {
    return JsonPath.from(management().get("/q/health/live").asString());
  }

  private static JsonPath awaitLiveness(String status) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonPath live = liveness();
    while (!live.getString("status").equals(status) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      live = liveness();
    }
    assertEquals(status, live.getString("status"), live.prettify());
    return live;
  }

  @Test
  void anOutageIsToldByLivenessAndTheMailLeavesWhenTheServerIsBack() throws Exception {
    fixtures.setAsideOutboxAndMailBudget();
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    awaitLiveness("UP");
    SMTP.stop();
    String email = Mails.newAddress(Mails.newDomain());
    api()
        .contentType("application/json")
        .body(Submissions.valid("Patient Org", email))
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(202);
    JsonPath down = awaitLiveness("DOWN");
    assertTrue(
        down.getString("checks.find { it.name == 'outbox' }.data.problem")
            .startsWith("no e-mail has left"),
        down.prettify());
    management()
        .get("/q/metrics")
        .then()
        .body(containsString("undersigned_outbox_waiting"))
        .body(containsString("undersigned_outbox_oldest_due_seconds"));
    assertTrue(
        down.getInt("checks.find { it.name == 'outbox' }.data.waiting") >= 1, down.prettify());

    SMTP.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (SMTP.received().stream().noneMatch(m -> m.contains("To: " + email))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(SMTP.received().stream().anyMatch(m -> m.contains("To: " + email)));
    awaitLiveness("UP");
    management()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("outbox"));
  }
}
