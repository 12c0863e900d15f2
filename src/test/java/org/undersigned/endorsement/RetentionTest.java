package org.undersigned.endorsement;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    fixtures.closedDaysAgo(letter, 181);

    retention.eraseExpired();

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
    assertNull(fixtures.find(pending.id).contactEmail);
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
