package org.undersigned.letter.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.undersigned.common.http.Negotiation;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.Signatures;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.letter.repository.LetterTranslationRepository;

/** Reads letters as the public sees them. */
@ApplicationScoped
public class LetterService {

  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final Signatures signatures;

  public LetterService(
      LetterRepository letters, LetterTranslationRepository translations, Signatures signatures) {
    this.letters = letters;
    this.translations = translations;
    this.signatures = signatures;
  }

  /** Every public letter, each in the language the caller asked for where it exists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PublicLetter> listPublic(String lang, String acceptLanguage) {
    return letters.listPublic().stream()
        .map(letter -> present(letter, lang, acceptLanguage))
        .flatMap(Optional::stream)
        .toList();
  }

  /** One public letter in the language the caller asked for, or its original language. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublicLetter> findPublic(String slug, String lang, String acceptLanguage) {
    return findPublicLetter(slug).flatMap(letter -> present(letter, lang, acceptLanguage));
  }

  /**
   * A public letter whose counts the public may see now: not one under an embargo that hides them
   * (what it has gathered, and how it grew, are then as unknown as its list).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublicLetter> findPublicCounts(String slug) {
    return findPublic(slug, null, null).filter(letter -> letter.counts() != null);
  }

  /** The public letter with this slug; drafts are not found. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Letter> findPublicLetter(String slug) {
    if (!Letter.isSlug(slug)) {
      return Optional.empty();
    }
    return letters.findBySlug(slug).filter(Letter::isPublic);
  }

  private Optional<PublicLetter> present(Letter letter, String lang, String acceptLanguage) {
    List<LetterTranslation> texts = translations.latestOf(letter.id);
    if (texts.isEmpty()) {
      return Optional.empty();
    }
    List<String> languages = texts.stream().map(t -> t.language).toList();
    String chosen = Negotiation.language(lang, acceptLanguage, languages, letter.originalLanguage);
    LetterTranslation text =
        texts.stream().filter(t -> t.language.equals(chosen)).findFirst().orElse(texts.get(0));
    Instant now = Instant.now();
    return Optional.of(
        new PublicLetter(
            letter,
            text,
            languages,
            letter.countsPublicAt(now) ? signatures.counts(letter.id) : null,
            letter.listPublicAt(now),
            letter.isOpenAt(now)));
  }
}
