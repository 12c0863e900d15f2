package org.undersigned.endorsement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.EndorsementSource;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Signatures;

/**
 * Queries of endorsements. Every public query here filters on {@code status = 'PUBLISHED' AND NOT
 * anonymous} itself: an anonymous name must never be one forgotten condition away from a caller.
 */
@ApplicationScoped
public class EndorsementRepository implements PanacheRepositoryBase<Endorsement, UUID> {

  private static final String PUBLIC_NAMED =
      "letter_id = :letter AND status = 'PUBLISHED' AND NOT anonymous AND name IS NOT NULL";

  /**
   * The hours (since the epoch, UTC) in which the letter's published counts changed, and by how
   * much: +1 at each publication, -1 when a published endorsement left the list (withdrawn,
   * removed), at the time it left. Their running sum is the counts at the end of each hour.
   */
  @SuppressWarnings("unchecked")
  public List<Signatures.HourlyChange> hourlyChanges(UUID letterId) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT hour, sum(named), sum(anonymous) FROM ("
                    + " SELECT floor(extract(epoch FROM published_at) / 3600)::bigint AS hour,"
                    + " CASE WHEN anonymous THEN 0 ELSE 1 END AS named,"
                    + " CASE WHEN anonymous THEN 1 ELSE 0 END AS anonymous"
                    + " FROM endorsements WHERE letter_id = :letter AND published_at IS NOT NULL"
                    + " UNION ALL"
                    + " SELECT floor(extract(epoch FROM"
                    + " coalesce(withdrawn_at, rejected_at, updated_at)) / 3600)::bigint,"
                    + " CASE WHEN anonymous THEN 0 ELSE -1 END,"
                    + " CASE WHEN anonymous THEN -1 ELSE 0 END"
                    + " FROM endorsements WHERE letter_id = :letter AND published_at IS NOT NULL"
                    + " AND status <> 'PUBLISHED'"
                    + ") changes GROUP BY hour ORDER BY hour")
            .setParameter("letter", letterId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Signatures.HourlyChange(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue()))
        .toList();
  }

  /** The published, named endorsements per country (anonymous ones are never broken down). */
  @SuppressWarnings("unchecked")
  public List<Signatures.CountryCount> namedByCountry(UUID letterId) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT country, count(*) FROM endorsements WHERE letter_id = :letter"
                    + " AND status = 'PUBLISHED' AND NOT anonymous GROUP BY country")
            .setParameter("letter", letterId)
            .getResultList();
    return rows.stream()
        .map(r -> new Signatures.CountryCount((String) r[0], ((Number) r[1]).longValue()))
        .toList();
  }

  /** Published endorsements of a letter, counted from the rows themselves. */
  public Counts counts(UUID letterId) {
    Object[] row =
        (Object[])
            getEntityManager()
                .createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE NOT anonymous),"
                        + " count(*) FILTER (WHERE anonymous)"
                        + " FROM endorsements WHERE letter_id = :letter AND status = 'PUBLISHED'")
                .setParameter("letter", letterId)
                .getSingleResult();
    return new Counts(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue());
  }

  /**
   * The published endorsement of an organisation on a letter, other than the one given. The status
   * is written in the statement, not bound, so that the unique index on published names answers it
   * (a bound status made PostgreSQL scan the letter's published endorsements, once per row of an
   * import).
   */
  public Optional<UUID> publishedWithName(UUID letterId, byte[] nameHash, UUID except) {
    @SuppressWarnings("unchecked")
    java.util.List<UUID> ids =
        getEntityManager()
            .createNativeQuery(
                "SELECT id FROM endorsements WHERE letter_id = :letter AND name_hash = :hash"
                    + " AND status = 'PUBLISHED' AND id <> :except LIMIT 1",
                UUID.class)
            .setParameter("letter", letterId)
            .setParameter("hash", nameHash)
            .setParameter("except", except)
            .getResultList();
    return ids.stream().findFirst();
  }

  /** The endorsements of a letter that an address made and has not withdrawn. */
  public List<Endorsement> activeByEmailHash(UUID letterId, byte[] emailHash) {
    return list(
        "letterId = ?1 and contactEmailHash = ?2 and status <> ?3",
        letterId,
        emailHash,
        EndorsementStatus.WITHDRAWN);
  }

  /** The names of the public signatories, in the order they were added. */
  @SuppressWarnings("unchecked")
  public List<String> publicNamesInOrder(UUID letterId) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT name FROM endorsements WHERE " + PUBLIC_NAMED + " ORDER BY position")
        .setParameter("letter", letterId)
        .getResultList();
  }

  /**
   * One page of public signatories.
   *
   * @param byName order by the collation key instead of the order of arrival
   * @param searchPattern a {@code LIKE} pattern over search keys, or null for all
   * @param anchor the last item of the previous page, or null for the first page
   * @param limit how many at most; one more is fetched to know whether a next page exists
   */
  public List<PublicSignatory> page(
      UUID letterId, boolean byName, String searchPattern, Anchor anchor, int limit) {
    StringBuilder sql =
        new StringBuilder(
                "SELECT id, name, kind, country, website, published_at, email_confirmed_at,"
                    + " domain_verified, domain_dns_verified_at, domain_dns_seen_at, approved_at, source"
                    + " FROM endorsements WHERE ")
            .append(PUBLIC_NAMED);
    if (searchPattern != null) {
      sql.append(" AND search_key LIKE :pattern ESCAPE '\\'");
    }
    if (anchor != null) {
      sql.append(byName ? " AND (collation_key, id) > (:key, :id)" : " AND position > :position");
    }
    sql.append(byName ? " ORDER BY collation_key, id" : " ORDER BY position")
        .append(" LIMIT :limit");
    Query query =
        getEntityManager()
            .createNativeQuery(sql.toString(), Tuple.class)
            .setParameter("letter", letterId)
            .setParameter("limit", limit);
    if (searchPattern != null) {
      query.setParameter("pattern", searchPattern);
    }
    if (anchor != null) {
      if (byName) {
        query.setParameter("key", anchor.collationKey()).setParameter("id", anchor.id());
      } else {
        query.setParameter("position", anchor.position());
      }
    }
    @SuppressWarnings("unchecked")
    List<Tuple> rows = query.getResultList();
    return rows.stream().map(EndorsementRepository::toPublicSignatory).toList();
  }

  /** Every public signatory of a letter, in the order they were added. */
  @SuppressWarnings("unchecked")
  public List<PublicSignatory> allPublic(UUID letterId) {
    List<Tuple> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT id, name, kind, country, website, published_at, email_confirmed_at,"
                    + " domain_verified, domain_dns_verified_at, domain_dns_seen_at, approved_at, source"
                    + " FROM endorsements WHERE "
                    + PUBLIC_NAMED
                    + " ORDER BY position",
                Tuple.class)
            .setParameter("letter", letterId)
            .getResultList();
    return rows.stream().map(EndorsementRepository::toPublicSignatory).toList();
  }

  /** One public signatory, or empty: anonymous and unpublished endorsements are not found. */
  @SuppressWarnings("unchecked")
  public Optional<PublicSignatory> findPublic(UUID letterId, UUID id) {
    List<Tuple> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT id, name, kind, country, website, published_at, email_confirmed_at,"
                    + " domain_verified, domain_dns_verified_at, domain_dns_seen_at, approved_at, source"
                    + " FROM endorsements WHERE "
                    + PUBLIC_NAMED
                    + " AND id = :id",
                Tuple.class)
            .setParameter("letter", letterId)
            .setParameter("id", id)
            .getResultList();
    return rows.stream().findFirst().map(EndorsementRepository::toPublicSignatory);
  }

  /**
   * Where a cursor's item stands in the list. Only the list's own items (published, named
   * endorsements of the letter) can anchor a page, so that a cursor made from the id of an
   * anonymous, pending, held, rejected or withdrawn endorsement tells nothing about it: it is
   * refused like any cursor the list never gave.
   */
  @SuppressWarnings("unchecked")
  public Optional<Anchor> anchor(UUID letterId, UUID id) {
    List<Tuple> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT id, position, collation_key FROM endorsements"
                    + " WHERE letter_id = :letter AND id = :id AND NOT anonymous"
                    + " AND status = 'PUBLISHED' AND collation_key IS NOT NULL",
                Tuple.class)
            .setParameter("letter", letterId)
            .setParameter("id", id)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            t ->
                new Anchor(
                    t.get("id", UUID.class),
                    ((Number) t.get("position")).longValue(),
                    t.get("collation_key", byte[].class)));
  }

  private static PublicSignatory toPublicSignatory(Tuple t) {
    return new PublicSignatory(
        t.get("id", UUID.class),
        t.get("name", String.class),
        EndorsementKind.valueOf(t.get("kind", String.class)),
        t.get("country", String.class),
        t.get("website", String.class),
        instant(t.get("published_at")),
        instant(t.get("email_confirmed_at")),
        Boolean.TRUE.equals(t.get("domain_verified")),
        instant(t.get("domain_dns_verified_at")),
        instant(t.get("domain_dns_seen_at")),
        instant(t.get("approved_at")),
        EndorsementSource.valueOf(t.get("source", String.class)));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
  }

  /** Where a page starts: just after this item. */
  public record Anchor(UUID id, long position, byte[] collationKey) {}

  /** The public face of a published, named endorsement. */
  public record PublicSignatory(
      UUID id,
      String name,
      EndorsementKind kind,
      String country,
      String website,
      Instant publishedAt,
      Instant emailConfirmedAt,
      boolean domainVerified,
      Instant domainDnsVerifiedAt,
      Instant domainDnsSeenAt,
      Instant approvedAt,
      EndorsementSource source) {}
}
