package org.undersigned.endorsement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.RawSmtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * The outbox against a mail server that greets the instant it accepts (as a local relay does), cuts
 * a connection in the middle of a message, restarts, or is slow for one domain: every e-mail
 * arrives, once; connections are reused; one domain never has more than its share of the senders,
 * and a slow domain does not hold the others up. (A server that never greets:
 * MailServerThatNeverGreetsTest.)
 */
@QuarkusTest
@TestProfile(MailServerFaultsTest.Relay.class)
class MailServerFaultsTest {

  static final RawSmtp SMTP = RawSmtp.listening(0);

  /** Four senders, one connection at a time to a domain, a 2 s timeout. */
  public static class Relay implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.port", String.valueOf(SMTP.port()),
          "quarkus.mailer.timeout", "2S",
          "undersigned.outbox.senders", "4",
          "undersigned.outbox.per-domain-connections", "1");
    }
  }

  @Inject TestLetters fixtures;

  private Letter letter;

  @BeforeEach
  void quietServer() {
    fixtures.setAsideOutboxAndMailBudget();
    SMTP.onMessage(message -> {});
    letter = fixtures.letter(LetterStatus.OPEN, "en");
  }

  private void submit(String email) {
    api()
        .contentType("application/json")
        .body(Submissions.valid("Relayed Org " + email, email))
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(202);
  }

  /** How many messages each of these addresses received, once each have at least one. */
  private static Map<String, Long> awaitOneEach(List<String> addresses) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    Map<String, Long> received = Map.of();
    while (System.nanoTime() < deadline) {
      received =
          SMTP.received().stream()
              .flatMap(m -> addresses.stream().filter(a -> m.contains("To: " + a)))
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      if (received.size() == addresses.size()) {
        // Time for a duplicate, were one to come.
        Thread.sleep(1000);
        return SMTP.received().stream()
            .flatMap(m -> addresses.stream().filter(a -> m.contains("To: " + a)))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        (addresses.size() - received.size()) + " of " + addresses.size() + " never arrived");
  }

  private static Map<String, Long> once(List<String> addresses) {
    return addresses.stream().collect(Collectors.toMap(Function.identity(), a -> 1L));
  }

  @Test
  void aServerThatGreetsAtOnceGetsEveryMailOnceOverConnectionsKeptOpen() throws Exception {
    int before = SMTP.connections();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      addresses.add(Mails.newAddress(Mails.newDomain()));
    }
    addresses.forEach(this::submit);
    assertEquals(once(addresses), awaitOneEach(addresses));
    int opened = SMTP.connections() - before;
    assertTrue(opened <= 8, opened + " connections for 60 e-mails: they are not kept open");
  }

  @Test
  void aMessageCutOffInTheMiddleIsSentAgainAndArrivesOnce() throws Exception {
    SMTP.dropInTheMiddle(1);
    List<String> addresses = List.of(Mails.newAddress(Mails.newDomain()));
    addresses.forEach(this::submit);
    assertEquals(once(addresses), awaitOneEach(addresses));
  }

  @Test
  void aServerThatRestartsLosesNoMail() throws Exception {
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      first.add(Mails.newAddress(Mails.newDomain()));
    }
    first.forEach(this::submit);
    assertEquals(once(first), awaitOneEach(first));
    // The connections the senders keep are now dead.
    SMTP.restart();
    List<String> second = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      second.add(Mails.newAddress(Mails.newDomain()));
    }
    second.forEach(this::submit);
    assertEquals(once(second), awaitOneEach(second));
  }

  /**
   * Six e-mails to a domain the server takes slowly, and six to six other domains: the slow domain
   * never has two at once, and the others all arrive before it has its last one.
   */
  @Test
  void aSlowDomainHasOneConnectionAndHoldsNoOtherUp() throws Exception {
    String slow = Mails.newDomain();
    SMTP.onMessage(
        message -> {
          if (message.contains("@" + slow)) {
            try {
              Thread.sleep(400);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    List<String> slowOnes = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slowOnes.add(Mails.newAddress(slow));
      others.add(Mails.newAddress(Mails.newDomain()));
    }
    slowOnes.forEach(this::submit);
    others.forEach(this::submit);
    List<String> all = new ArrayList<>(slowOnes);
    all.addAll(others);
    assertEquals(once(all), awaitOneEach(all));
    assertEquals(1, SMTP.mostAtOnceTo(slow), "at most one connection at a time to a domain");
    List<String> order =
        SMTP.received().stream()
            .map(m -> all.stream().filter(a -> m.contains("To: " + a)).findFirst().orElse(""))
            .filter(a -> !a.isEmpty())
            .toList();
    int lastSlow =
        order.indexOf(slowOnes.stream().max((a, b) -> order.indexOf(a) - order.indexOf(b)).get());
    for (String other : others) {
      assertTrue(order.indexOf(other) < lastSlow, "the slow domain held up another: " + order);
    }
  }
}
