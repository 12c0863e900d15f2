package org.undersigned.endorsement.importing;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.text.Collation;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.EndorsementSource;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.letter.repository.LetterTranslationRepository;

/**
 * Loads the bundled letters on start: the letter, its named signatories in the order of the file,
 * and its anonymous ones, all as published, imported endorsements. A letter whose slug exists is
 * left alone, so nothing is ever loaded twice, even by instances starting together.
 */
@ApplicationScoped
public class SeedLoader {

  /** The bundled letters, by the name of their files under {@code seed/}. */
  static final List<String> SEEDS = List.of("000_8b384728fad9123b");

  private final UndersignedConfig config;
  private final EntityManager entityManager;
  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final EndorsementRepository endorsements;

  public SeedLoader(
      UndersignedConfig config,
      EntityManager entityManager,
      LetterRepository letters,
      LetterTranslationRepository translations,
      EndorsementRepository endorsements) {
    this.config = config;
    this.entityManager = entityManager;
    this.letters = letters;
    this.translations = translations;
    this.endorsements = endorsements;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.seed().enabled()) {
      return;
    }
    for (String seed : SEEDS) {
      load(read(seed));
    }
  }

  /** Reads a bundled letter from the class path. */
  public static SeedLetter read(String seed) {
    Properties descriptor = new Properties();
    try (InputStream properties = resource("seed/" + seed + ".properties");
        InputStream text = resource("seed/" + seed + ".txt")) {
      descriptor.load(new InputStreamReader(properties, StandardCharsets.UTF_8));
      return SeedLetter.parse(new String(text.readAllBytes(), StandardCharsets.UTF_8), descriptor);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled letter " + seed, e);
    }
  }

  /** Loads a letter unless one with its slug exists; answers whether it loaded it. */
  @Transactional
  public boolean load(SeedLetter seed) {
    // One loader at a time across every instance; the lock ends with the transaction.
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('undersigned.seed'))")
        .getSingleResult();
    if (letters.findBySlug(seed.slug()).isPresent()) {
      return false;
    }
    Instant now = Instant.now();
    Letter letter = new Letter();
    letter.id = UUID.randomUUID();
    letter.slug = seed.slug();
    letter.originalLanguage = seed.language();
    letter.status = seed.status();
    letter.moderationPolicy = seed.moderationPolicy();
    letter.collationVersion = Collation.version(seed.language());
    letter.createdAt = now;
    letter.updatedAt = now;
    letters.persist(letter);

    LetterTranslation text = new LetterTranslation();
    text.id = UUID.randomUUID();
    text.letterId = letter.id;
    text.language = seed.language();
    text.textVersion = 1;
    text.title = seed.title();
    text.recipients = seed.recipients();
    text.paragraphs = seed.paragraphs();
    text.closing = seed.closing();
    text.countSentence = seed.countSentence();
    text.createdAt = now;
    translations.persist(text);

    for (SeedLetter.Signatory signatory : seed.signatories()) {
      endorsements.persist(imported(letter, text, now, signatory.name(), signatory.kind(), false));
    }
    for (int i = 0; i < seed.anonymous(); i++) {
      endorsements.persist(imported(letter, text, now, null, EndorsementKind.ORGANISATION, true));
    }
    Log.infof(
        "Loaded the bundled letter %s: %d named and %d anonymous endorsements",
        seed.slug(), seed.signatories().size(), seed.anonymous());
    return true;
  }

  private static Endorsement imported(
      Letter letter,
      LetterTranslation text,
      Instant now,
      String name,
      EndorsementKind kind,
      boolean anonymous) {
    Endorsement e =
        Endorsement.create(
            letter.id,
            letter.originalLanguage,
            kind,
            name,
            anonymous,
            EndorsementStatus.PUBLISHED,
            EndorsementSource.IMPORTED,
            now);
    e.translationId = text.id;
    return e;
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("Missing class-path resource " + path);
    }
    return in;
  }
}
