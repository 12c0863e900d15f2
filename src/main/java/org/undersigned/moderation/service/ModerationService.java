package org.undersigned.moderation.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.pagination.Cursor;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.service.Publication;
import org.undersigned.letter.Letter;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.moderation.ModerationDecision;
import org.undersigned.moderation.ModerationDecisionRepository;

/** The coalition's moderators: every endorsement of a letter, and the decisions on them. */
@ApplicationScoped
public class ModerationService {

  private static final String ORDER = "admin";

  private final LetterRepository letters;
  private final EndorsementRepository endorsements;
  private final ModerationDecisionRepository decisions;
  private final Publication publication;

  public ModerationService(
      LetterRepository letters,
      EndorsementRepository endorsements,
      ModerationDecisionRepository decisions,
      Publication publication) {
    this.letters = letters;
    this.endorsements = endorsements;
    this.decisions = decisions;
    this.publication = publication;
  }

  /** A page of endorsements and the cursor of the next one (null on the last page). */
  public record Page(List<Endorsement> items, String nextCursor) {}

  /** An endorsement with the decisions taken on it, oldest first. */
  public record Reviewed(Endorsement endorsement, List<ModerationDecision> decisions) {}

  /** Every endorsement of a letter (drafts' too), any status or one, in order of arrival. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Page> list(String slug, EndorsementStatus status, String cursor, int limit) {
    if (!Letter.isSlug(slug)) {
      return Optional.empty();
    }
    return letters
        .findBySlug(slug)
        .map(
            letter -> {
              long after = cursor == null ? 0 : anchor(letter, cursor);
              PanacheQuery<Endorsement> query =
                  status == null
                      ? endorsements.find(
                          "letterId = ?1 and position > ?2 order by position", letter.id, after)
                      : endorsements.find(
                          "letterId = ?1 and position > ?2 and status = ?3 order by position",
                          letter.id,
                          after,
                          status);
              List<Endorsement> rows = query.page(0, limit + 1).list();
              if (rows.size() <= limit) {
                return new Page(rows, null);
              }
              List<Endorsement> items = rows.subList(0, limit);
              return new Page(items, new Cursor(ORDER, items.get(limit - 1).id).encode());
            });
  }

  /** Every endorsement of a letter, contact data included, as CSV for the coalition. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> exportCsv(String slug) {
    return managedLetter(slug)
        .map(
            letter ->
                EndorsementExport.write(
                    endorsements.list("letterId = ?1 order by position", letter.id)));
  }

  /** How many endorsements each source brought to a letter, and how many are published. */
  public record SourceCount(String source, String partner, long total, long published) {}

  /** The endorsements of a letter counted by source and partner. */
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public Optional<List<SourceCount>> countsBySource(String slug) {
    return managedLetter(slug)
        .map(
            letter ->
                ((List<Object[]>)
                        endorsements
                            .getEntityManager()
                            .createNativeQuery(
                                "SELECT source, source_partner, count(*),"
                                    + " count(*) FILTER (WHERE status = 'PUBLISHED')"
                                    + " FROM endorsements WHERE letter_id = :letter"
                                    + " GROUP BY source, source_partner"
                                    + " ORDER BY source, source_partner NULLS FIRST")
                            .setParameter("letter", letter.id)
                            .getResultList())
                    .stream()
                        .map(
                            r ->
                                new SourceCount(
                                    (String) r[0],
                                    (String) r[1],
                                    ((Number) r[2]).longValue(),
                                    ((Number) r[3]).longValue()))
                        .toList());
  }

  private Optional<Letter> managedLetter(String slug) {
    return Letter.isSlug(slug) ? letters.findBySlug(slug) : Optional.empty();
  }

  /** One endorsement and its decisions. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Reviewed> find(UUID id) {
    return endorsements
        .findByIdOptional(id)
        .map(e -> new Reviewed(e, decisions.list("endorsementId = ?1 order by decidedAt", id)));
  }

  /**
   * Publishes a confirmed endorsement, unless its organisation is already published on the letter
   * (then it stays held, as a duplicate).
   */
  @Transactional
  public Reviewed approve(UUID id, String actor) {
    Endorsement e = locked(id);
    if (e.status != EndorsementStatus.CONFIRMED) {
      throw new ProblemException(ProblemType.INVALID_TRANSITION);
    }
    EndorsementStatus from = e.status;
    if (publication.publish(e).isPresent()) {
      throw new ProblemException(ProblemType.DUPLICATE_ORGANISATION);
    }
    e.approvedAt = e.publishedAt;
    e.approvedBy = actor;
    record(e, actor, ModerationDecision.Action.APPROVE, from, null);
    return find(id).orElseThrow();
  }

  /** Refuses an endorsement, published or not, with a reason. */
  @Transactional
  public Reviewed reject(UUID id, String actor, String reason) {
    Endorsement e = locked(id);
    if (e.status == EndorsementStatus.REJECTED || e.status == EndorsementStatus.WITHDRAWN) {
      throw new ProblemException(ProblemType.INVALID_TRANSITION);
    }
    rejectLocked(e, actor, reason);
    return find(id).orElseThrow();
  }

  /**
   * Rejects each of these endorsements still in play (the others are left as they are), in one
   * transaction; answers how many it rejected.
   */
  @Transactional
  public int rejectAll(List<UUID> ids, String actor, String reason) {
    int rejected = 0;
    for (UUID id : ids) {
      Endorsement e = endorsements.findById(id, LockModeType.PESSIMISTIC_WRITE);
      if (e != null
          && e.status != EndorsementStatus.REJECTED
          && e.status != EndorsementStatus.WITHDRAWN) {
        rejectLocked(e, actor, reason);
        rejected++;
      }
    }
    return rejected;
  }

  private void rejectLocked(Endorsement e, String actor, String reason) {
    EndorsementStatus from = e.status;
    Instant now = Instant.now();
    e.status = EndorsementStatus.REJECTED;
    e.rejectedAt = now;
    e.rejectionReason = reason;
    e.updatedAt = now;
    record(e, actor, ModerationDecision.Action.REJECT, from, reason);
    if (from == EndorsementStatus.PUBLISHED) {
      publication.unpublished(e);
    }
  }

  private void record(
      Endorsement e,
      String actor,
      ModerationDecision.Action action,
      EndorsementStatus from,
      String reason) {
    ModerationDecision decision = new ModerationDecision();
    decision.id = UUID.randomUUID();
    decision.endorsementId = e.id;
    decision.actor = actor;
    decision.action = action;
    decision.fromStatus = from;
    decision.toStatus = e.status;
    decision.reason = reason;
    decision.decidedAt = Instant.now();
    decisions.persist(decision);
    endorsements.flush();
  }

  private Endorsement locked(UUID id) {
    Endorsement e = endorsements.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (e == null) {
      throw new ProblemException(ProblemType.ENDORSEMENT_NOT_FOUND);
    }
    return e;
  }

  private long anchor(Letter letter, String text) {
    Cursor cursor =
        Cursor.decode(text).filter(c -> c.order().equals(ORDER)).orElseThrow(() -> invalidCursor());
    Endorsement e = endorsements.findById(cursor.after());
    if (e == null || !e.letterId.equals(letter.id)) {
      throw invalidCursor();
    }
    return e.position;
  }

  private static ProblemException invalidCursor() {
    return ProblemException.invalidField("cursor", "field.cursor.invalid");
  }
}
