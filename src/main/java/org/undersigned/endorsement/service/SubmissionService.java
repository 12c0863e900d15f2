package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementSource;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.letter.repository.LetterTranslationRepository;
import org.undersigned.letter.service.LetterService;
import org.undersigned.mail.Outbox;

/**
 * Takes a submission: the endorsement and its confirmation e-mail are committed together, so an
 * acknowledged submission is never lost and always gets its e-mail. Every submission is a new
 * endorsement, whatever name or address it carries: the answer never says whether either signed.
 */
@ApplicationScoped
public class SubmissionService {

  private final LetterService letters;
  private final LetterTranslationRepository translations;
  private final EndorsementRepository endorsements;
  private final Outbox outbox;
  private final Set<String> partners;
  private final ReadCache cache;

  public SubmissionService(
      LetterService letters,
      LetterTranslationRepository translations,
      EndorsementRepository endorsements,
      Outbox outbox,
      ReadCache cache,
      UndersignedConfig config) {
    this.cache = cache;
    this.partners = Set.copyOf(config.partners().ids().orElse(List.of()));
    this.letters = letters;
    this.translations = translations;
    this.endorsements = endorsements;
    this.outbox = outbox;
  }

  /**
   * What a submission needs of its letter, read once a second at most ({@link ReadCache#fact}) and
   * at once after this instance changes the letter: a burst of signatures does not read the letter
   * and its texts again for each one. A letter closed on another instance refuses signatures here
   * within that second, as a submission already under way when it closed would be accepted anyway.
   */
  private record Target(
      UUID letterId,
      LetterStatus status,
      ModerationPolicy policy,
      Instant closesAt,
      String originalLanguage,
      List<Text> texts) {

    boolean isOpenAt(Instant now) {
      return Letter.isOpenAt(status, closesAt, now);
    }
  }

  private record Text(UUID id, String language) {}

  private Target target(String slug) {
    return cache.fact(
        "signing|" + slug,
        () ->
            letters
                .findPublicLetter(slug)
                .map(
                    letter ->
                        new Target(
                            letter.id,
                            letter.status,
                            letter.moderationPolicy,
                            letter.closesAt,
                            letter.originalLanguage,
                            translations.latestOf(letter.id).stream()
                                .map(t -> new Text(t.id, t.language))
                                .toList()))
                .orElse(null));
  }

  /** A new endorsement awaiting the proof of its contact address. */
  @Transactional
  public Endorsement submit(String slug, NewSignature submission, String clientNetwork) {
    Target letter = target(slug);
    if (letter == null) {
      throw new ProblemException(ProblemType.LETTER_NOT_FOUND);
    }
    Instant now = Instant.now();
    if (!letter.isOpenAt(now)) {
      throw new ProblemException(ProblemType.LETTER_CLOSED);
    }
    if (submission.anonymous() && letter.policy() == ModerationPolicy.PUBLISH_ON_CONFIRMATION) {
      // On such a letter, whether a confirmed name is listed would tell whether the same name had
      // signed anonymously (it is then held as a duplicate): its anonymous signatures could not
      // stay anonymous.
      throw ProblemException.invalidField("anonymous", "field.anonymous.publish-on-confirmation");
    }
    String language =
        Texts.fromTag(
                submission.language(),
                Texts.fromTag(letter.originalLanguage(), Texts.SUPPORTED.get(0)))
            .getLanguage();
    Endorsement e =
        Endorsement.create(
            letter.letterId(),
            letter.originalLanguage(),
            submission.kind(),
            submission.name(),
            submission.anonymous(),
            EndorsementStatus.PENDING_CONFIRMATION,
            EndorsementSource.WEB,
            now);
    e.translationId = textSeen(letter, submission.language()).id();
    e.details(submission.country(), submission.website());
    e.contact(submission.contactName(), submission.contactEmail());
    e.clientNetwork = clientNetwork;
    e.language = language;
    if (submission.source() != null) {
      // Named by a partner's widget; without a source, the service's own pages (WEB).
      if (!partners.contains(submission.source())) {
        throw ProblemException.invalidField("source", "field.source.unknown");
      }
      e.source = EndorsementSource.PARTNER;
      e.sourcePartner = submission.source();
    }
    endorsements.persist(e);
    outbox.enqueue(Outbox.CONFIRMATION_MAIL, e.id, "{}");
    return e;
  }

  /** The text the signer saw: in the language they asked for if it exists, else the original. */
  private static Text textSeen(Target letter, String language) {
    List<Text> texts = letter.texts();
    String wanted = language == null ? letter.originalLanguage() : language;
    String primary = java.util.Locale.forLanguageTag(wanted).getLanguage();
    return texts.stream()
        .filter(t -> t.language().equalsIgnoreCase(wanted))
        .findFirst()
        .or(() -> texts.stream().filter(t -> t.language().equals(primary)).findFirst())
        .or(
            () ->
                texts.stream()
                    .filter(t -> t.language().equals(letter.originalLanguage()))
                    .findFirst())
        .orElseThrow(() -> new IllegalStateException("A public letter without its original text"));
  }
}
