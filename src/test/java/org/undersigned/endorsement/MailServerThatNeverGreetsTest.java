package org.undersigned.endorsement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.RawSmtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * A mail server that accepts connections and never greets the first ones, against two senders: the
 * service closes the silent connections after its timeout, and every e-mail still leaves. (With
 * Quarkus Mailer's own client, the two silent connections kept both slots for ever and no e-mail
 * left again.)
 */
@QuarkusTest
@TestProfile(MailServerThatNeverGreetsTest.SilentServer.class)
class MailServerThatNeverGreetsTest {

  static final RawSmtp SMTP = RawSmtp.listening(2);

  /** The silent server, two connections at most, a 2 s timeout. */
  public static class SilentServer implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.port", String.valueOf(SMTP.port()),
          "undersigned.outbox.senders", "2",
          "quarkus.mailer.timeout", "2S");
    }
  }

  @Inject TestLetters fixtures;

  @Test
  void silentConnectionsAreClosedAndEveryMailLeaves() throws Exception {
    fixtures.setAsideOutboxAndMailBudget();
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    for (int i = 0; i < 3; i++) {
      api()
          .contentType("application/json")
          .body(Submissions.valid("Patient Org " + i, Mails.newAddress(Mails.newDomain())))
          .post("/api/v1/letters/" + letter.slug + "/endorsements")
          .then()
          .statusCode(202);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (SMTP.received().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(3, SMTP.received().size(), "every e-mail left");
    assertEquals(
        2, SMTP.silentConnectionsClosedByTheClient(), "the silent connections were closed");
  }
}
