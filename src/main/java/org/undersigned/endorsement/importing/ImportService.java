package org.undersigned.endorsement.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.Problem;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.text.Emails;
import org.undersigned.common.text.Names;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.EndorsementSource;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.service.Publication;
import org.undersigned.letter.Letter;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.letter.repository.LetterRepository;

/**
 * Imports endorsements collected elsewhere, as published endorsements. Each row is checked like a
 * submission; a row of an organisation already published is merged into it; a row an earlier import
 * took is left alone, so importing the same file twice changes nothing.
 */
@ApplicationScoped
public class ImportService {

  /** CSV header names, in the spelling the JSON rows use. */
  static final List<String> COLUMNS =
      List.of(
          "reference",
          "kind",
          "name",
          "country",
          "website",
          "contactName",
          "contactEmail",
          "anonymous");

  private final LetterRepository letters;
  private final EndorsementRepository endorsements;
  private final Publication publication;
  private final Validator validator;

  public ImportService(
      LetterRepository letters,
      EndorsementRepository endorsements,
      Publication publication,
      Validator validator) {
    this.letters = letters;
    this.endorsements = endorsements;
    this.publication = publication;
    this.validator = validator;
  }

  /** A row as read, with what could not even be read from it. */
  record Candidate(int row, ImportRow values, List<Problem.FieldError> readErrors) {}

  /** Imports JSON rows. */
  @Transactional
  public Optional<ImportReport> importRows(String slug, List<ImportRow> rows, Locale locale) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      candidates.add(new Candidate(i + 1, rows.get(i), List.of()));
    }
    return run(slug, candidates, locale);
  }

  /** Imports CSV with a header row. */
  @Transactional
  public Optional<ImportReport> importCsv(String slug, String csv, Locale locale) {
    List<List<String>> records = CsvReader.read(csv);
    if (records.isEmpty()) {
      throw ProblemException.invalidField("header", "field.import.header");
    }
    List<String> header = records.get(0).stream().map(ImportService::column).toList();
    for (String column : header) {
      if (column == null) {
        throw ProblemException.invalidField("header", "field.import.header");
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      Map<String, String> cells = new HashMap<>();
      List<String> record = records.get(r);
      for (int c = 0; c < header.size() && c < record.size(); c++) {
        String value = record.get(c).strip();
        cells.put(header.get(c), value.isEmpty() ? null : value);
      }
      candidates.add(candidate(r, cells, locale));
    }
    return run(slug, candidates, locale);
  }

  private static final int FLUSH_EVERY = 200;

  private Optional<ImportReport> run(String slug, List<Candidate> candidates, Locale locale) {
    if (!Letter.isSlug(slug)) {
      return Optional.empty();
    }
    Optional<Letter> found = letters.findBySlug(slug);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Letter letter = found.get();
    Set<String> taken =
        new HashSet<>(
            endorsements
                .find(
                    "letterId = ?1 and source = ?2 and sourceReference is not null",
                    letter.id,
                    EndorsementSource.IMPORTED)
                .project(ReferenceOnly.class)
                .list()
                .stream()
                .map(ReferenceOnly::sourceReference)
                .toList());
    Map<String, Integer> seen = new HashMap<>();
    int imported = 0;
    int merged = 0;
    int unchanged = 0;
    List<ImportReport.Refusal> refused = new ArrayList<>();
    for (Candidate candidate : candidates) {
      ImportRow row = candidate.values();
      List<Problem.FieldError> errors = new ArrayList<>(candidate.readErrors());
      errors.addAll(check(row, locale));
      if (Boolean.TRUE.equals(row.anonymous())
          && letter.moderationPolicy == ModerationPolicy.PUBLISH_ON_CONFIRMATION) {
        errors.add(
            new Problem.FieldError(
                "anonymous", Texts.text(locale, "field.anonymous.publish-on-confirmation")));
      }
      if (!errors.isEmpty()) {
        refused.add(new ImportReport.Refusal(candidate.row(), row.reference(), errors));
        continue;
      }
      String reference = reference(row, seen);
      if (!taken.add(reference)) {
        unchanged++;
        continue;
      }
      Endorsement e = endorsement(letter, row, reference);
      endorsements.persist(e);
      Optional<UUID> existing = publication.publish(e);
      if (existing.isPresent()) {
        Instant now = Instant.now();
        e.status = EndorsementStatus.REJECTED;
        e.rejectedAt = now;
        e.rejectionReason = "Merged on import into " + existing.get();
        merged++;
      } else {
        imported++;
      }
      if ((imported + merged) % FLUSH_EVERY == 0) {
        // Each publication queries the table, which flushes the session first: a session that
        // grew with every row made an import of n rows cost n² (5,000 rows took over a minute).
        endorsements.flush();
        endorsements.getEntityManager().clear();
      }
    }
    return Optional.of(new ImportReport(imported, merged, unchanged, refused));
  }

  /** The reference a column of the source projects. */
  public record ReferenceOnly(String sourceReference) {}

  private List<Problem.FieldError> check(ImportRow row, Locale locale) {
    List<Problem.FieldError> errors = new ArrayList<>();
    validator
        .validate(row)
        .forEach(
            v ->
                errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())));
    if (row.name() == null && !Boolean.TRUE.equals(row.anonymous())) {
      errors.add(new Problem.FieldError("name", Texts.text(locale, "field.import.name")));
    }
    return errors;
  }

  private static Endorsement endorsement(Letter letter, ImportRow row, String reference) {
    Instant now = Instant.now();
    Endorsement e =
        Endorsement.create(
            letter.id,
            letter.originalLanguage,
            row.kind(),
            row.name(),
            Boolean.TRUE.equals(row.anonymous()),
            EndorsementStatus.CONFIRMED,
            EndorsementSource.IMPORTED,
            now);
    e.details(row.country(), row.website());
    e.contact(row.contactName(), row.contactEmail());
    e.sourceReference = reference;
    return e;
  }

  /**
   * The row's identity across imports: its reference if it has one, else a keyed hash of its
   * content and how many identical rows came before it in this file (two identical anonymous rows
   * are two endorsements, and stay two on re-import).
   */
  private static String reference(ImportRow row, Map<String, Integer> seen) {
    if (row.reference() != null) {
      return "ref:" + row.reference().strip();
    }
    String content =
        String.join(
            "\u001F",
            Arrays.asList(
                String.valueOf(row.kind()),
                row.name() == null ? "" : Names.normalized(row.name()),
                row.contactEmail() == null ? "" : Emails.normalized(row.contactEmail()),
                String.valueOf(Boolean.TRUE.equals(row.anonymous())),
                String.valueOf(row.country()),
                String.valueOf(row.website())));
    String hash = keyedHash(content);
    int occurrence = seen.merge(hash, 1, Integer::sum);
    return "row:" + hash + "#" + occurrence;
  }

  private static Candidate candidate(int row, Map<String, String> cells, Locale locale) {
    List<Problem.FieldError> errors = new ArrayList<>();
    EndorsementKind kind = null;
    if (cells.get("kind") != null) {
      try {
        kind = EndorsementKind.valueOf(cells.get("kind").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("kind", Texts.text(locale, "field.wrong-type")));
      }
    }
    Boolean anonymous = null;
    String flag = cells.get("anonymous");
    if (flag != null) {
      switch (flag.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1", "oui" -> anonymous = true;
        case "false", "no", "0", "non" -> anonymous = false;
        default ->
            errors.add(new Problem.FieldError("anonymous", Texts.text(locale, "field.wrong-type")));
      }
    }
    return new Candidate(
        row,
        new ImportRow(
            cells.get("reference"),
            kind,
            cells.get("name"),
            cells.get("country"),
            cells.get("website"),
            cells.get("contactName"),
            cells.get("contactEmail"),
            anonymous),
        errors);
  }

  /** The JSON name of a CSV header ("contact_email", "Contact Email" and "contactEmail" alike). */
  private static String column(String header) {
    String folded = header.strip().replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return COLUMNS.stream()
        .filter(c -> c.toLowerCase(Locale.ROOT).equals(folded))
        .findFirst()
        .orElse(null);
  }

  /** Keyed: the reference is stored, and must not let a guess of a name or address be checked. */
  private static String keyedHash(String text) {
    return HexFormat.of().formatHex(ContactCipher.current().keyedHash("import-row", text));
  }
}
