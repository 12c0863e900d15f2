package org.undersigned.moderation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.letter.Letter;
import org.undersigned.letter.repository.LetterRepository;

/**
 * Finds a burst of endorsements (by contact e-mail domain, by client network, by time of arrival)
 * and rejects it in bulk, after a preview of what it would touch.
 */
@ApplicationScoped
public class Bursts {

  private final LetterRepository letters;
  private final EntityManager entityManager;
  private final ContactCipher cipher;
  private final ModerationService moderation;

  public Bursts(
      LetterRepository letters,
      EntityManager entityManager,
      ContactCipher cipher,
      ModerationService moderation) {
    this.letters = letters;
    this.entityManager = entityManager;
    this.cipher = cipher;
    this.moderation = moderation;
  }

  /** What identifies a burst; every criterion given must hold. */
  public record Criteria(String emailDomain, String network, Instant from, Instant until) {}

  /** The endorsements a burst holds, by status, and how many were rejected (none in a preview). */
  public record Report(long matched, Map<String, Long> byStatus, int rejected, boolean preview) {}

  /** Counts what the criteria match; with {@code preview} false, rejects it all. */
  @Transactional
  public Optional<Report> apply(
      String slug, Criteria criteria, boolean preview, String actor, String reason) {
    Optional<Letter> letter = Letter.isSlug(slug) ? letters.findBySlug(slug) : Optional.empty();
    if (letter.isEmpty()) {
      return Optional.empty();
    }
    List<UUID> ids = new ArrayList<>();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String status : List.of("PENDING_CONFIRMATION", "CONFIRMED", "PUBLISHED")) {
      byStatus.put(status, 0L);
    }
    for (Object[] row : matching(letter.get().id, criteria)) {
      ids.add((UUID) row[0]);
      byStatus.merge((String) row[1], 1L, Long::sum);
    }
    int rejected = preview ? 0 : moderation.rejectAll(ids, actor, reason);
    return Optional.of(new Report(ids.size(), byStatus, rejected, preview));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> matching(UUID letterId, Criteria criteria) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, status FROM endorsements WHERE letter_id = :letter"
                + " AND status IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'PUBLISHED')");
    if (criteria.emailDomain() != null) {
      sql.append(" AND contact_domain_hash = :domain");
    }
    if (criteria.network() != null) {
      sql.append(" AND client_network <<= CAST(:network AS cidr)");
    }
    if (criteria.from() != null) {
      sql.append(" AND created_at >= :from");
    }
    if (criteria.until() != null) {
      sql.append(" AND created_at < :until");
    }
    sql.append(" ORDER BY position");
    Query query = entityManager.createNativeQuery(sql.toString()).setParameter("letter", letterId);
    if (criteria.emailDomain() != null) {
      query.setParameter("domain", cipher.domainHash(criteria.emailDomain()));
    }
    if (criteria.network() != null) {
      query.setParameter("network", criteria.network());
    }
    if (criteria.from() != null) {
      query.setParameter("from", criteria.from());
    }
    if (criteria.until() != null) {
      query.setParameter("until", criteria.until());
    }
    return query.getResultList();
  }
}
