package org.undersigned.letter.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.text.Collation;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.letter.Signatures;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.letter.repository.LetterTranslationRepository;
import org.undersigned.webhook.WebhookEvents;

/** The coalition's management of letters: creating them, their texts, their settings. */
@ApplicationScoped
public class LetterManagement {

  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final Signatures signatures;
  private final WebhookEvents webhooks;

  public LetterManagement(
      LetterRepository letters,
      LetterTranslationRepository translations,
      Signatures signatures,
      WebhookEvents webhooks) {
    this.letters = letters;
    this.translations = translations;
    this.signatures = signatures;
    this.webhooks = webhooks;
  }

  /** A letter with its latest texts and its counts, as managed. */
  public record Managed(Letter letter, List<LetterTranslation> texts, Counts counts) {}

  /** The text of one language, as given. */
  public record Text(
      String title,
      List<String> recipients,
      List<String> paragraphs,
      String closing,
      String countSentence) {}

  /** A new draft letter with its text in its original language. */
  @Transactional
  public Managed create(
      String slug, String language, ModerationPolicy policy, Instant closesAt, Text text) {
    // Two admins creating one slug at once: the second waits, then finds it taken.
    letters
        .getEntityManager()
        .createNativeQuery(
            "SELECT pg_advisory_xact_lock(hashtext('undersigned.letter'), hashtext(:slug))")
        .setParameter("slug", slug)
        .getSingleResult();
    if (letters.findBySlug(slug).isPresent()) {
      throw new ProblemException(ProblemType.SLUG_TAKEN);
    }
    Instant now = Instant.now();
    Letter letter = new Letter();
    letter.id = UUID.randomUUID();
    letter.slug = slug;
    letter.originalLanguage = language;
    letter.status = LetterStatus.DRAFT;
    letter.moderationPolicy = policy == null ? ModerationPolicy.PUBLISH_ON_APPROVAL : policy;
    letter.closesAt = closesAt;
    letter.collationVersion = Collation.version(language);
    letter.createdAt = now;
    letter.updatedAt = now;
    letters.persist(letter);
    addVersion(letter, language, text, 1);
    translations.flush();
    return managed(letter);
  }

  /** The letter with this slug, drafts included. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Managed> find(String slug) {
    return Letter.isSlug(slug) ? letters.findBySlug(slug).map(this::managed) : Optional.empty();
  }

  /** Replaces the settings of a letter. */
  @Transactional
  public Managed configure(
      String slug,
      LetterStatus status,
      ModerationPolicy policy,
      Instant closesAt,
      Instant embargoUntil,
      boolean countsDuringEmbargo) {
    Letter letter = locked(slug);
    if (status == LetterStatus.DRAFT && letter.status != LetterStatus.DRAFT) {
      throw new ProblemException(ProblemType.INVALID_TRANSITION);
    }
    if (policy == ModerationPolicy.PUBLISH_ON_CONFIRMATION
        && letter.moderationPolicy != ModerationPolicy.PUBLISH_ON_CONFIRMATION
        && signatures.anyAnonymous(letter.id)) {
      // Publishing on confirmation would let a confirmed name's absence from the list tell that
      // it signed anonymously (see SubmissionService).
      throw ProblemException.invalidField("moderationPolicy", "field.moderation-policy.anonymous");
    }
    boolean closing = status == LetterStatus.CLOSED && letter.status != LetterStatus.CLOSED;
    letter.status = status;
    letter.moderationPolicy = policy;
    letter.closesAt = closesAt;
    boolean embargoMoved = !java.util.Objects.equals(letter.embargoUntil, embargoUntil);
    letter.embargoUntil = embargoUntil;
    letter.countsDuringEmbargo = countsDuringEmbargo;
    if (embargoMoved) {
      webhooks.embargoChanged(letter);
    }
    letter.updatedAt = Instant.now();
    if (closing) {
      letter.closedAt = letter.updatedAt;
      webhooks.letterClosed(letter);
    } else if (status != LetterStatus.CLOSED) {
      letter.closedAt = null;
    }
    return managed(letter);
  }

  /** The letter after a text was put, and whether the text's language was new. */
  public record TextPut(boolean newLanguage, Managed letter) {}

  /**
   * Adds a language, or a new version of a language's text. Earlier versions stay: each endorsement
   * keeps pointing at the text its signer saw.
   */
  @Transactional
  public TextPut putText(String slug, String language, Text text) {
    Letter letter = locked(slug);
    int latest =
        translations.list("letterId = ?1 and language = ?2", letter.id, language).stream()
            .mapToInt(t -> t.textVersion)
            .max()
            .orElse(0);
    addVersion(letter, language, text, latest + 1);
    letter.updatedAt = Instant.now();
    translations.flush();
    return new TextPut(latest == 0, managed(letter));
  }

  private void addVersion(Letter letter, String language, Text text, int version) {
    LetterTranslation t = new LetterTranslation();
    t.id = UUID.randomUUID();
    t.letterId = letter.id;
    t.language = language;
    t.textVersion = version;
    t.title = text.title().strip();
    t.recipients = text.recipients().stream().map(String::strip).toList();
    t.paragraphs = text.paragraphs().stream().map(String::strip).toList();
    t.closing = text.closing().strip();
    t.countSentence = text.countSentence().strip();
    t.createdAt = Instant.now();
    translations.persist(t);
  }

  private Letter locked(String slug) {
    if (!Letter.isSlug(slug)) {
      throw new ProblemException(ProblemType.LETTER_NOT_FOUND);
    }
    return letters
        .find("slug", slug)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional()
        .orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND));
  }

  private Managed managed(Letter letter) {
    return new Managed(letter, translations.latestOf(letter.id), signatures.counts(letter.id));
  }
}
