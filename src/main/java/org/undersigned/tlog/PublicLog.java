package org.undersigned.tlog;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.problem.Redacted;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.letter.repository.LetterTranslationRepository;

/**
 * The public log of each letter (design: {@code log.md}): every published text version and every
 * publication and ending of an endorsement is appended, as an RFC 8785 entry, to an RFC 9162 tree
 * whose head is signed as a C2SP checkpoint and served as C2SP tlog-tiles ({@link LogResource}).
 *
 * <p>One sequencer at a time per letter, across instances (a PostgreSQL advisory lock, tried, not
 * waited for), appends once a second what the public now sees and the log does not hold yet, in the
 * order: text versions, then the named publications, then the anonymous ones (each in order of
 * arrival), then the endings. A draft is not logged. So the bundled letter's seed is its text, its
 * named signatories in the seed's order, then its anonymous ones; and within a second's batch no
 * anonymous entry sits between named ones. A letter under embargo is not logged until its list is
 * public.
 *
 * <p>Entries carry no name, address, id or time: a publication carries {@code event}, {@code
 * anonymous} and {@code commitment} (lowercase hex of {@code SHA-256(salt || UTF-8 of the NFC name
 * as published)}, a 32-byte random salt), and a named one its public {@code kind} and {@code
 * country}; an ending ({@code withdrawn}, or {@code removed} by a moderator) names the entry it
 * ends by its {@code index}. A text version carries its language, its version and the SHA-256 of
 * its canonical text ({@link #canonicalText}). The salts are kept sealed; erasing one leaves its
 * leaf an opaque hash, and the tree is never rewritten.
 *
 * <p>The letter's JSON announces it ({@link LogLink}) and a named signatory's public proof gives
 * its index and salt ({@link LogProof}); an anonymous one is mailed them, privately. The log is
 * kept where a signing key is set, which production requires. During a key rotation two keys sign
 * each checkpoint; the letters name the first.
 *
 * <p>Over 300 lines on purpose: the sequencer's order of appends, its batches and the signing of
 * each checkpoint keep one invariant (the log holds what the public saw, in the order it saw it);
 * split apart, a change to one would miss the others.
 */
@ApplicationScoped
public class PublicLog {

  /**
   * Publications appended per letter and pass, at most: a large import is logged over several
   * seconds, in the order of its rows, rather than in one transaction holding all of them.
   */
  static final int BATCH = 1000;

  /** The first half of the sequencer's advisory lock; the second is the letter's. */
  private static final int SEQUENCER = 0x746c6f67; // "tlog"

  private final EntityManager entityManager;
  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final EndorsementRepository endorsements;
  private final ContactCipher cipher;
  private final org.undersigned.mail.Outbox outbox;

  /** The key the letters name, first (none: no log is kept). */
  private final Optional<NoteKey> key;

  /** Every key that signs: the first, and during a rotation the others. */
  private final List<NoteKey> signers;

  private final String base;
  private final SecureRandom random = new SecureRandom();

  public PublicLog(
      EntityManager entityManager,
      LetterRepository letters,
      LetterTranslationRepository translations,
      EndorsementRepository endorsements,
      ContactCipher cipher,
      UndersignedConfig config,
      org.undersigned.mail.Outbox outbox) {
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.letters = letters;
    this.translations = translations;
    this.endorsements = endorsements;
    this.cipher = cipher;
    this.signers =
        config.log().signingKey().orElse(List.of()).stream()
            .map(String::strip)
            .map(NoteKey::signer)
            .toList();
    this.key = signers.stream().findFirst();
    this.base = config.links().baseUrl().replaceAll("/+$", "");
  }

  /**
   * Refuses to start in production without a signing key, as without the data keys: a service that
   * keeps no log is one whose list nobody can check.
   */
  void onStart(
      @jakarta.enterprise.event.Observes @jakarta.annotation.Priority(1)
          io.quarkus.runtime.StartupEvent event) {
    check(io.quarkus.runtime.LaunchMode.current(), key.isPresent());
  }

  static void check(io.quarkus.runtime.LaunchMode mode, boolean keyed) {
    if (mode == io.quarkus.runtime.LaunchMode.NORMAL && !keyed) {
      throw new IllegalStateException(
          "UNDERSIGNED_LOG_SIGNING_KEY is not set: the public log's checkpoints cannot be signed."
              + " Make a key (a Go sumdb/note signer key, PRIVATE+KEY+<name>+<hash>+<base64>; see"
              + " src/docs/public-log.md) and keep it as safe as the data keys.");
    }
  }

  /** Whether a log is kept (a signing key is set). */
  public boolean enabled() {
    return key.isPresent();
  }

  /** The verifier key readers check checkpoints with. */
  public Optional<String> verifierKey() {
    return key.map(NoteKey::verifierKey);
  }

  /** The URL of a letter's tiles, ending in "/". */
  public String url(String slug) {
    return base + "/api/v1/letters/" + slug + "/log/";
  }

  /** A letter's checkpoint origin: its tiles' URL without the scheme and the final "/". */
  public String origin(String slug) {
    String url = url(slug);
    return url.substring(url.indexOf("://") + 3, url.length() - 1);
  }

  /** Where a letter's log is and its key; empty where no log is kept. */
  public Optional<LogLink> link(String slug) {
    return key.map(k -> new LogLink(url(slug), origin(slug), k.verifierKey()));
  }

  /** A published endorsement's entry and salt, once logged (and while its salt is kept). */
  @SuppressWarnings("unchecked")
  public Optional<LogProof> proofOf(UUID endorsementId) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT log_index, log_salt FROM endorsements WHERE id = :id"
                    + " AND log_index IS NOT NULL AND log_salt IS NOT NULL")
            .setParameter("id", endorsementId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new LogProof(
                    ((Number) r[0]).longValue(),
                    cipher.open(
                        (byte[]) r[1],
                        ContactCipher.place("endorsements", "log_salt", endorsementId))));
  }

  @Scheduled(
      identity = "public-log",
      every = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sequenceAll() {
    if (key.isEmpty()) {
      return;
    }
    List<UUID> ids;
    try {
      ids =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ids(
                          // Only the letters with something to log: an idle letter costs nothing a
                          // second (the partial index endorsements_to_log answers for
                          // endorsements).
                          "SELECT l.id FROM letters l WHERE l.status <> 'DRAFT' AND ("
                              + " NOT EXISTS (SELECT 1 FROM log_heads h WHERE h.letter_id = l.id)"
                              + " OR EXISTS (SELECT 1 FROM letter_translations t"
                              + " WHERE t.letter_id = l.id AND t.log_index IS NULL)"
                              + " OR EXISTS (SELECT 1 FROM endorsements e WHERE e.letter_id = l.id"
                              + " AND ((e.status = 'PUBLISHED' AND e.log_index IS NULL)"
                              + " OR (e.status IN ('WITHDRAWN', 'REJECTED') AND e.log_index IS NOT NULL"
                              + " AND NOT e.log_ended))))",
                          null));
    } catch (RuntimeException e) {
      Log.debugf("Public log: letters unavailable: %s", e.getMessage());
      return;
    }
    for (UUID id : ids) {
      try {
        QuarkusTransaction.requiringNew().run(() -> sequence(id));
      } catch (RuntimeException e) {
        Log.warnf("Public log of letter %s not extended: %s", id, Redacted.describe(e));
      }
    }
  }

  /** Appends what the public sees of a letter and its log does not hold yet; signs the head. */
  @Transactional(Transactional.TxType.MANDATORY)
  void sequence(UUID letterId) {
    Boolean mine =
        (Boolean)
            entityManager
                .createNativeQuery(
                    "SELECT pg_try_advisory_xact_lock(:sequencer, hashtext(CAST(:letter AS text)))")
                .setParameter("sequencer", SEQUENCER)
                .setParameter("letter", letterId.toString())
                .getSingleResult();
    if (!Boolean.TRUE.equals(mine)) {
      return;
    }
    Letter letter = letters.findById(letterId);
    Instant now = Instant.now();
    if (letter == null || (letter.embargoUntil != null && now.isBefore(letter.embargoUntil))) {
      return;
    }
    long size =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "SELECT coalesce(max(idx) + 1, 0) FROM log_entries WHERE letter_id = :l")
                    .setParameter("l", letterId)
                    .getSingleResult())
            .longValue();
    long start = size;
    Merkle.Frontier frontier = frontier(letterId, size);
    for (UUID textId :
        ids(
            "SELECT id FROM letter_translations WHERE letter_id = :l AND log_index IS NULL"
                + " ORDER BY created_at, language",
            letterId)) {
      LetterTranslation text = translations.findById(textId);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("event", "text");
      entry.put("language", text.language);
      entry.put("version", text.textVersion);
      entry.put("sha256", sha256Hex(canonicalText(text).getBytes(StandardCharsets.UTF_8)));
      append(letterId, size, entry, frontier);
      setLogIndex("letter_translations", text.id, size++);
    }
    for (UUID id :
        ids(
            "SELECT id FROM endorsements WHERE letter_id = :l AND status = 'PUBLISHED'"
                + " AND log_index IS NULL ORDER BY anonymous, position LIMIT "
                + BATCH,
            letterId)) {
      Endorsement e = endorsements.findById(id);
      // One at a time in memory: a letter of 100,000 imported names is logged in batches
      // without holding them all.
      entityManager.detach(e);
      byte[] salt = new byte[32];
      random.nextBytes(salt);
      String published = e.anonymous ? e.anonymousName : e.name;
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("event", "published");
      entry.put("anonymous", e.anonymous);
      entry.put("commitment", commitment(salt, published));
      if (!e.anonymous) {
        entry.put("kind", e.kind.name());
        if (e.country != null) {
          entry.put("country", e.country);
        }
      }
      append(letterId, size, entry, frontier);
      if (e.anonymous && e.contactEmail != null) {
        // Its receipt, privately: only it is given its index and salt.
        outbox.enqueue(org.undersigned.mail.Outbox.LOG_RECEIPT_MAIL, id, "{}");
      }
      entityManager
          .createNativeQuery("UPDATE endorsements SET log_index = :i, log_salt = :s WHERE id = :id")
          .setParameter("i", size++)
          .setParameter(
              "s",
              cipher.seal(
                  HexFormat.of().formatHex(salt),
                  ContactCipher.place("endorsements", "log_salt", id)))
          .setParameter("id", id)
          .executeUpdate();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> ended =
        entityManager
            .createNativeQuery(
                "SELECT log_index, anonymous, status, id FROM endorsements WHERE letter_id = :l"
                    + " AND status IN ('WITHDRAWN', 'REJECTED') AND log_index IS NOT NULL"
                    + " AND NOT log_ended ORDER BY position LIMIT "
                    + BATCH)
            .setParameter("l", letterId)
            .getResultList();
    for (Object[] row : ended) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("event", "WITHDRAWN".equals(row[2]) ? "withdrawn" : "removed");
      entry.put("index", ((Number) row[0]).longValue());
      entry.put("anonymous", (Boolean) row[1]);
      append(letterId, size++, entry, frontier);
      entityManager
          .createNativeQuery("UPDATE endorsements SET log_ended = true WHERE id = :id")
          .setParameter("id", row[3])
          .executeUpdate();
    }
    boolean headMissing =
        entityManager
            .createNativeQuery("SELECT 1 FROM log_heads WHERE letter_id = :l")
            .setParameter("l", letterId)
            .getResultList()
            .isEmpty();
    if (size == start && !headMissing) {
      return;
    }
    if (frontier.size() != size) {
      throw new IllegalStateException("the log's right edge lost count of its entries");
    }
    byte[] root = frontier.root();
    String checkpoint = new Checkpoint(origin(letter.slug), size, root).sign(signers);
    entityManager
        .createNativeQuery(
            "INSERT INTO log_heads (letter_id, size, root, checkpoint, signed_at, frontier)"
                + " VALUES (:l, :size, :root, :checkpoint, now(), :frontier)"
                + " ON CONFLICT (letter_id) DO UPDATE SET size = excluded.size,"
                + " root = excluded.root, checkpoint = excluded.checkpoint,"
                + " signed_at = excluded.signed_at, frontier = excluded.frontier")
        .setParameter("l", letterId)
        .setParameter("size", size)
        .setParameter("root", root)
        .setParameter("checkpoint", checkpoint)
        .setParameter("frontier", frontier.packed())
        .executeUpdate();
  }

  /**
   * The right edge of a letter's tree of {@code size} entries: the one its head keeps, or, for a
   * head signed before it was kept, rebuilt once from the leaves.
   */
  @SuppressWarnings("unchecked")
  private Merkle.Frontier frontier(UUID letterId, long size) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT size, frontier FROM log_heads WHERE letter_id = :l AND frontier IS NOT NULL")
            .setParameter("l", letterId)
            .getResultList();
    if (!rows.isEmpty() && ((Number) rows.get(0)[0]).longValue() == size) {
      return Merkle.Frontier.unpack((byte[]) rows.get(0)[1], size);
    }
    return Merkle.Frontier.of(leafHashes(letterId, 0, size));
  }

  private void append(
      UUID letterId, long index, Map<String, Object> entry, Merkle.Frontier frontier) {
    byte[] bytes = Jcs.object(entry);
    frontier.append(Merkle.leafHash(bytes));
    entityManager
        .createNativeQuery(
            "INSERT INTO log_entries (letter_id, idx, entry, leaf_hash) VALUES (:l, :i, :e, :h)")
        .setParameter("l", letterId)
        .setParameter("i", index)
        .setParameter("e", bytes)
        .setParameter("h", Merkle.leafHash(bytes))
        .executeUpdate();
  }

  private void setLogIndex(String table, UUID id, long index) {
    entityManager
        .createNativeQuery("UPDATE " + table + " SET log_index = :i WHERE id = :id")
        .setParameter("i", index)
        .setParameter("id", id)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<UUID> ids(String sql, UUID letterId) {
    jakarta.persistence.Query query = entityManager.createNativeQuery(sql);
    if (letterId != null) {
      query.setParameter("l", letterId);
    }
    return ((List<Object>) query.getResultList())
        .stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
  }

  /** The leaf hashes {@code [from, to)} of a letter's log. */
  List<byte[]> leafHashes(UUID letterId, long from, long to) {
    return column("leaf_hash", letterId, from, to);
  }

  /** The entries {@code [from, to)} of a letter's log. */
  List<byte[]> entries(UUID letterId, long from, long to) {
    return column("entry", letterId, from, to);
  }

  @SuppressWarnings("unchecked")
  private List<byte[]> column(String column, UUID letterId, long from, long to) {
    return entityManager
        .createNativeQuery(
            "SELECT "
                + column
                + " FROM log_entries WHERE letter_id = :l AND idx >= :from AND idx < :to"
                + " ORDER BY idx")
        .setParameter("l", letterId)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  /** A letter's signed head: its id, size and checkpoint; empty before the first one. */
  @SuppressWarnings("unchecked")
  Optional<Head> head(String slug) {
    // What is not a slug names no letter (and never reaches the database: a NUL would fail there).
    if (!Letter.isSlug(slug)) {
      return Optional.empty();
    }
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT h.letter_id, h.size, h.checkpoint FROM log_heads h"
                    + " JOIN letters l ON l.id = h.letter_id WHERE l.slug = :slug"
                    // An embargo set after the log began hides it too, as it hides the counts.
                    + " AND l.status <> 'DRAFT'"
                    + " AND (l.embargo_until IS NULL OR l.embargo_until <= now())")
            .setParameter("slug", slug)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Head(
                    r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()),
                    ((Number) r[1]).longValue(),
                    (String) r[2]));
  }

  /** A letter's signed head. */
  record Head(UUID letterId, long size, String checkpoint) {}

  /**
   * The canonical text of a text version, whose SHA-256 its entry carries: the title, a blank line,
   * the recipients one per line, a blank line, the paragraphs separated by blank lines, a blank
   * line, the closing; each line ending in a newline; in Unicode NFC, UTF-8.
   */
  static String canonicalText(LetterTranslation text) {
    StringBuilder out = new StringBuilder();
    out.append(text.title).append("\n\n");
    for (String recipient : text.recipients == null ? List.<String>of() : text.recipients) {
      out.append(recipient).append('\n');
    }
    out.append('\n');
    List<String> paragraphs = text.paragraphs == null ? List.of() : text.paragraphs;
    for (int i = 0; i < paragraphs.size(); i++) {
      out.append(paragraphs.get(i)).append(i + 1 < paragraphs.size() ? "\n\n" : "\n");
    }
    out.append('\n').append(text.closing == null ? "" : text.closing).append('\n');
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  /** {@code SHA-256(salt || UTF-8 of the NFC name)}; a random value when there is no name left. */
  static String commitment(byte[] salt, String name) {
    if (name == null) {
      byte[] nothing = new byte[32];
      new SecureRandom().nextBytes(nothing);
      return HexFormat.of().formatHex(nothing);
    }
    MessageDigest sha256 = Merkle.sha256();
    sha256.update(salt);
    return HexFormat.of()
        .formatHex(
            sha256.digest(
                Normalizer.normalize(name, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8)));
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(Merkle.sha256().digest(bytes));
  }
}
