package org.undersigned.endorsement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.Mails;
import org.undersigned.testing.RawSmtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * The confirmation mail against a mail server whose scanner follows each link before it has even
 * acknowledged the message, and the service's own budget of confirmation mails (three an hour in
 * this profile).
 */
@QuarkusTest
@TestProfile(MailPipelineTest.EagerScanner.class)
class MailPipelineTest {

  static final RawSmtp SMTP = RawSmtp.listening(0);

  /** The mail server is the eager scanner; the service may send three confirmations an hour. */
  public static class EagerScanner implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.port",
          String.valueOf(SMTP.port()),
          "undersigned.rate-limit.confirmation-mails-per-hour",
          "3");
    }
  }

  @jakarta.inject.Inject TestLetters fixtures;
  private static final Pattern TOKEN =
      Pattern.compile("[?&]token=3D([A-Za-z0-9_-]+)|[?&]token=([A-Za-z0-9_-]{43})");

  private static boolean isConfirmation(String message) {
    return message.replace("=\n", "").contains("/confirm?token");
  }

  private static long confirmations() {
    return SMTP.received().stream().filter(MailPipelineTest::isConfirmation).count();
  }

  private static String token(String message) {
    Matcher m = TOKEN.matcher(message.replace("=\n", ""));
    assertTrue(m.find(), message);
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /**
   * The link works the instant the mail arrives: its token was committed before the mail left, not
   * after the mail server took it. Then the fourth confirmation mail of the hour waits for the
   * next: the service cannot be made to mail strangers faster than its budget.
   */
  @Test
  void theLinkWorksTheInstantTheMailArrivesAndTheServiceMailsNoFasterThanItsBudget()
      throws Exception {
    // This test alone mails this hour: what earlier tests left is set aside.
    fixtures.setAsideOutboxAndMailBudget();
    org.undersigned.letter.Letter letter =
        fixtures.letter(org.undersigned.letter.LetterStatus.OPEN, "en");
    List<Integer> clicks = new CopyOnWriteArrayList<>();
    // Only confirmation links are clicked and counted: a confirmed signer is also sent its domain
    // challenge, which only the signer's own click can cause, and which no budget holds back.
    SMTP.onMessage(
        message -> {
          if (isConfirmation(message)) {
            clicks.add(
                api()
                    .contentType("application/json")
                    .body(Map.of("token", token(message)))
                    .post("/api/v1/confirmations")
                    .statusCode());
          }
        });
    for (int i = 0; i < 4; i++) {
      api()
          .contentType("application/json")
          .body(Submissions.valid("Eager Scanner Org " + i, Mails.newAddress(Mails.newDomain())))
          .post("/api/v1/letters/" + letter.slug + "/endorsements")
          .then()
          .statusCode(202);
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (confirmations() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(2000);
    assertEquals(3, confirmations(), "three confirmation mails, the hour's budget");
    assertEquals(List.of(200, 200, 200), clicks);
  }
}
