package org.undersigned.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.EndorsementSource;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.letter.repository.LetterTranslationRepository;

/**
 * Creates the letters and endorsements a test needs, through the service's own repositories, each
 * with a fresh slug so that tests never depend on one another.
 */
@ApplicationScoped
public class TestLetters {

  /** The bundled letter's slug. */
  public static final String BUNDLED = "un-china-human-rights";

  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final EndorsementRepository endorsements;
  private final jakarta.persistence.EntityManager entityManager;

  public TestLetters(
      LetterRepository letters,
      LetterTranslationRepository translations,
      EndorsementRepository endorsements,
      jakarta.persistence.EntityManager entityManager) {
    this.entityManager = entityManager;
    this.letters = letters;
    this.translations = translations;
    this.endorsements = endorsements;
  }

  /** A new letter with texts in the given languages, the first being the original. */
  @Transactional
  public Letter letter(LetterStatus status, String... languages) {
    return letter(status, ModerationPolicy.PUBLISH_ON_APPROVAL, languages);
  }

  /** A new letter with a moderation policy. */
  @Transactional
  public Letter letter(LetterStatus status, ModerationPolicy policy, String... languages) {
    Instant now = Instant.now();
    Letter letter = new Letter();
    letter.id = UUID.randomUUID();
    letter.slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
    letter.originalLanguage = languages[0];
    letter.status = status;
    letter.moderationPolicy = policy;
    letter.createdAt = now;
    letter.updatedAt = now;
    letters.persist(letter);
    for (String language : languages) {
      LetterTranslation text = new LetterTranslation();
      text.id = UUID.randomUUID();
      text.letterId = letter.id;
      text.language = language;
      text.textVersion = 1;
      text.title = "Title " + language;
      text.recipients = List.of("Recipient " + language);
      text.paragraphs = List.of("Paragraph one " + language, "Paragraph two " + language);
      text.closing = "Closing " + language;
      text.countSentence =
          "* " + language + ": {total} in all, {named} named, {anonymous} anonymous.";
      text.createdAt = now;
      translations.persist(text);
    }
    return letter;
  }

  /** A published endorsement, named or anonymous (an anonymous one still has a name stored). */
  @Transactional
  public Endorsement published(Letter letter, String name, boolean anonymous) {
    return endorsement(letter, name, anonymous, EndorsementStatus.PUBLISHED);
  }

  /** An endorsement in any status. */
  @Transactional
  public Endorsement endorsement(
      Letter letter, String name, boolean anonymous, EndorsementStatus status) {
    Instant now = Instant.now();
    Endorsement e =
        Endorsement.create(
            letter.id,
            letter.originalLanguage,
            EndorsementKind.ORGANISATION,
            name,
            anonymous,
            status,
            EndorsementSource.WEB,
            now);
    e.details("FR", "https://example.org");
    e.contact("Contact Person", "contact-" + e.id + "@example.org");
    e.emailConfirmedAt = status == EndorsementStatus.PENDING_CONFIRMATION ? null : now;
    e.approvedAt = status == EndorsementStatus.PUBLISHED ? now : null;
    e.approvedBy = status == EndorsementStatus.PUBLISHED ? "moderator@test" : null;
    endorsements.persist(e);
    return e;
  }

  /** A published endorsement from this country (null: none), published at that time. */
  @Transactional
  public Endorsement publishedAt(
      Letter letter, String name, boolean anonymous, String country, Instant at) {
    Endorsement e = endorsement(letter, name, anonymous, EndorsementStatus.PUBLISHED);
    e.details(country, "https://example.org");
    e.publishedAt = at;
    return e;
  }

  /** A published endorsement withdrawn at that time. */
  @Transactional
  public void withdrawnAt(UUID id, Instant at) {
    Endorsement e = endorsements.findById(id);
    e.status = EndorsementStatus.WITHDRAWN;
    e.withdrawnAt = at;
  }

  /** An endorsement as it is stored now. */
  @Transactional
  public Endorsement find(UUID id) {
    return endorsements.findById(id);
  }

  /** Makes every link of an endorsement expired. */
  @Transactional
  public void expireTokens(UUID endorsementId) {
    endorsements
        .getEntityManager()
        .createNativeQuery(
            "UPDATE endorsement_tokens SET expires_at = now() - interval '1 second'"
                + " WHERE endorsement_id = :id")
        .setParameter("id", endorsementId)
        .executeUpdate();
  }

  /** Closes a letter. */
  @Transactional
  public void close(Letter letter) {
    letters.update("status = ?1 where id = ?2", LetterStatus.CLOSED, letter.id);
  }

  /**
   * Marks every pending outbox message sent and forgets the hour's count of confirmation mails: for
   * a test that counts the mails the service sends, whatever earlier tests left.
   */
  @Transactional
  public void setAsideOutboxAndMailBudget() {
    entityManager
        .createNativeQuery(
            "UPDATE outbox SET status = 'SENT', sent_at = now() WHERE status = 'PENDING'")
        .executeUpdate();
    entityManager
        .createNativeQuery("DELETE FROM rate_limit_counters WHERE bucket LIKE 'mail:all#%'")
        .executeUpdate();
  }

  /** Puts a letter's list under embargo until then. */
  @Transactional
  public void embargo(Letter letter, Instant until) {
    letters.update("embargoUntil = ?1 where id = ?2", until, letter.id);
  }

  /** The language and version of the text an endorsement's signer saw. */
  @Transactional
  public String textSeenBy(UUID endorsementId) {
    Endorsement e = endorsements.findById(endorsementId);
    LetterTranslation t = translations.findById(e.translationId);
    return t.language + " v" + t.textVersion;
  }

  /** Pretends an older ICU computed a letter's sort keys (and scrambles them). */
  @Transactional
  public void outdateCollation(Letter letter) {
    letters.update("collationVersion = 'old' where id = ?1", letter.id);
    endorsements.update(
        "collationKey = ?1 where letterId = ?2 and collationKey is not null",
        new byte[] {0},
        letter.id);
  }

  /** Closes a letter as if a moderator had closed it some days ago. */
  @Transactional
  public void closedDaysAgo(Letter letter, int days) {
    letters.update(
        "status = ?1, closedAt = ?2 where id = ?3",
        LetterStatus.CLOSED,
        Instant.now().minus(java.time.Duration.ofDays(days)),
        letter.id);
  }

  /** Whether the public log keeps an endorsement's salt. */
  @Transactional
  public boolean hasLogSalt(UUID endorsementId) {
    return Boolean.TRUE.equals(
        entityManager
            .createNativeQuery("SELECT log_salt IS NOT NULL FROM endorsements WHERE id = :id")
            .setParameter("id", endorsementId)
            .getSingleResult());
  }

  /** Every row of a table as PostgreSQL prints it: what a copy of the database would show. */
  @Transactional
  public String tableAsText(String table) {
    Object text =
        entityManager
            .createNativeQuery(
                "SELECT coalesce(string_agg(CAST(t AS text), '\n'), '') FROM " + table + " t")
            .getSingleResult();
    return (String) text;
  }
}
