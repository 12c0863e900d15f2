package org.undersigned.endorsement;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.endorsement.service.Retention;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.TestLetters;
import org.undersigned.testing.Tokens;

/**
 * After the retention period, only the public endorsement (or the fact of an anonymous one) stays.
 */
@QuarkusTest
class RetentionTest {

  @Inject TestLetters fixtures;
  @Inject Retention retention;

  @Test
  void personalDataIsErasedOnceALetterHasBeenClosedLongEnough() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement named = fixtures.published(letter, "Kept Public Org", false);
    Endorsement hidden = fixtures.published(letter, "Qxz Retained Secret", true);
    Endorsement pending =
        fixtures.endorsement(
            letter, "Never Confirmed", false, EndorsementStatus.PENDING_CONFIRMATION);
    Endorsement withdrawn =
        fixtures.endorsement(letter, "Qxw Withdrawn Person", false, EndorsementStatus.WITHDRAWN);
    // The public log has taken both publications (its sequencer runs every second).
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!(fixtures.hasLogSalt(named.id) && fixtures.hasLogSalt(hidden.id))
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(fixtures.hasLogSalt(hidden.id), "logged");
    fixtures.closedDaysAgo(letter, 181);

    retention.eraseExpired();

    // The log keeps a named signatory's salt (its public proof opens its entry), not an anonymous
    // one's: its leaf stays, opaque.
    assertTrue(fixtures.hasLogSalt(named.id));
    assertFalse(fixtures.hasLogSalt(hidden.id));

    Endorsement n = fixtures.find(named.id);
    assertEquals("Kept Public Org", n.name);
    assertNull(n.contactEmail);
    assertNull(n.contactName);
    assertNull(n.contactEmailHash);
    assertNotNull(n.contactErasedAt);
    Endorsement h = fixtures.find(hidden.id);
    assertNull(h.name);
    assertNull(h.normalizedName);
    assertNull(h.anonymousName);
    assertNull(h.nameHash);
    assertNull(h.contactEmail);
    assertNull(h.website());
    assertNull(h.country());
    Endorsement p = fixtures.find(pending.id);
    assertNull(p.contactEmail);
    // The names the public never saw, or saw withdrawn, go too.
    assertNull(p.name);
    assertNull(p.searchKey);
    assertNull(p.nameHash);
    Endorsement w = fixtures.find(withdrawn.id);
    assertNull(w.name);
    assertNull(w.normalizedName);
    assertNull(w.collationKey);
    for (String table :
        new String[] {"endorsements", "endorsement_tokens", "outbox", "idempotency_keys"}) {
      String rows = fixtures.tableAsText(table);
      assertFalse(rows.contains("Qxw"), table);
      assertFalse(rows.contains("Never Confirmed"), table);
      assertFalse(rows.contains("Qxz"), table);
    }
    api()
        .get("/api/v1/letters/" + letter.slug)
        .then()
        .body("counts.total", equalTo(2))
        .body("counts.named", equalTo(1))
        .body("counts.anonymous", equalTo(1));
    String export =
        api()
            .header(
                "Authorization", "Bearer " + Tokens.withRoles("moira@coalition.test", "moderator"))
            .get("/api/v1/admin/letters/" + letter.slug + "/endorsements.csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(export.contains("@example.org"), export);
    assertFalse(export.contains("Qxz"), export);
  }

  @Test
  void aRecentlyClosedLetterKeepsItsContacts() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement e = fixtures.published(letter, "Recent Org", false);
    fixtures.closedDaysAgo(letter, 10);
    retention.eraseExpired();
    assertNotNull(fixtures.find(e.id).contactEmail);
  }
}
