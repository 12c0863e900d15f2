package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.pagination.Cursor;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.text.Names;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.repository.EndorsementRepository.Anchor;
import org.undersigned.endorsement.repository.EndorsementRepository.PublicSignatory;
import org.undersigned.letter.Letter;
import org.undersigned.letter.service.LetterService;

/** The public signatories of a letter: pages, search, one by id, the CSV export. */
@ApplicationScoped
public class SignatoryService {

  private final LetterService letters;
  private final EndorsementRepository endorsements;

  public SignatoryService(LetterService letters, EndorsementRepository endorsements) {
    this.letters = letters;
    this.endorsements = endorsements;
  }

  /** A page of signatories and the cursor of the next one (null on the last page). */
  public record Page(List<PublicSignatory> items, String nextCursor) {}

  /**
   * One page of a public letter's signatories, or empty when there is no such letter.
   *
   * @param query text to look for in names, ignoring case and accents; null or blank for all
   * @param cursor the {@code nextCursor} of the previous page, or null for the first
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Page> page(
      String slug, SignatoryOrder order, String query, String cursor, int limit) {
    return letters
        .findPublicLetter(slug)
        .map(
            letter -> {
              if (!letter.listPublicAt(Instant.now())) {
                return new Page(List.of(), null);
              }
              Anchor anchor = cursor == null ? null : anchor(letter, order, cursor);
              List<PublicSignatory> rows =
                  endorsements.page(
                      letter.id,
                      order == SignatoryOrder.NAME,
                      likePattern(query),
                      anchor,
                      limit + 1);
              if (rows.size() <= limit) {
                return new Page(rows, null);
              }
              List<PublicSignatory> items = rows.subList(0, limit);
              return new Page(items, new Cursor(order.param(), items.get(limit - 1).id()).encode());
            });
  }

  /** One public signatory of a public letter. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublicSignatory> find(String slug, UUID id) {
    return letters
        .findPublicLetter(slug)
        .filter(letter -> letter.listPublicAt(Instant.now()))
        .flatMap(letter -> endorsements.findPublic(letter.id, id));
  }

  /** The names to print under a letter, in the order they were added. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> publicNames(Letter letter) {
    return endorsements.publicNamesInOrder(letter.id);
  }

  /** The public signatories of a public letter as CSV, or empty when there is no such letter. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> csv(String slug) {
    return letters
        .findPublicLetter(slug)
        .map(
            letter ->
                SignatoryCsv.write(
                    letter.listPublicAt(Instant.now())
                        ? endorsements.allPublic(letter.id)
                        : List.of()));
  }

  private Anchor anchor(Letter letter, SignatoryOrder order, String text) {
    Cursor cursor =
        Cursor.decode(text)
            .orElseThrow(() -> ProblemException.invalidField("cursor", "field.cursor.invalid"));
    if (!cursor.order().equals(order.param())) {
      throw ProblemException.invalidField("cursor", "field.cursor.other-order", order.param());
    }
    return endorsements
        .anchor(letter.id, cursor.after())
        .orElseThrow(() -> ProblemException.invalidField("cursor", "field.cursor.invalid"));
  }

  /** A LIKE pattern that finds the query anywhere in a search key, with its wildcards escaped. */
  static String likePattern(String query) {
    if (query == null) {
      return null;
    }
    String key = Names.searchKey(query);
    if (key.isEmpty()) {
      return null;
    }
    String escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
