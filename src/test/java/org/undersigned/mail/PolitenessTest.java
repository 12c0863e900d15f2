package org.undersigned.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps per receiving domain: connections at once, and sends a second. */
class PolitenessTest {

  @Test
  void aDomainHasItsConnectionsAndNoMoreUntilOneIsGivenBack() {
    Politeness politeness = new Politeness(2, 0);
    Politeness.Permit first = politeness.admit(List.of("big.example"));
    politeness.admit(List.of("big.example"));
    OutboxHandler.NotYet busy =
        assertThrows(OutboxHandler.NotYet.class, () -> politeness.admit(List.of("big.example")));
    assertTrue(busy.waitFor().compareTo(Duration.ZERO) > 0);
    // Another domain is not held up.
    assertDoesNotThrow(() -> politeness.admit(List.of("other.example")));
    first.close();
    first.close();
    assertDoesNotThrow(() -> politeness.admit(List.of("big.example")));
    assertThrows(OutboxHandler.NotYet.class, () -> politeness.admit(List.of("big.example")));
  }

  @Test
  void aDomainHasItsSendsASecondAndWaitsForTheNext() {
    Politeness politeness = new Politeness(100, 5);
    for (int i = 0; i < 5; i++) {
      politeness.admit(List.of("big.example")).close();
    }
    OutboxHandler.NotYet later =
        assertThrows(OutboxHandler.NotYet.class, () -> politeness.admit(List.of("big.example")));
    // The next token comes within a fifth of a second.
    assertTrue(later.waitFor().compareTo(Duration.ofMillis(200)) <= 0, later.waitFor().toString());
    assertDoesNotThrow(() -> politeness.admit(List.of("other.example")));
  }

  @Test
  void aMessageToSeveralDomainsTakesAllOrNone() {
    Politeness politeness = new Politeness(1, 0);
    politeness.admit(List.of("b.example"));
    assertThrows(
        OutboxHandler.NotYet.class, () -> politeness.admit(List.of("a.example", "b.example")));
    // a.example was given back when b.example had no room.
    assertDoesNotThrow(() -> politeness.admit(List.of("a.example")));
  }
}
