package org.undersigned.endorsement.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.undersigned.common.config.UndersignedConfig;

/**
 * Erases personal data once a letter has been closed for the retention period: contact names and
 * e-mails of every endorsement, and the names of anonymous ones, of which only the fact remains.
 * Published names stay: they are the letter. Runs every hour on one instance at a time.
 */
@ApplicationScoped
public class Retention {

  private final EntityManager entityManager;
  private final UndersignedConfig config;

  /** An endorsement whose name the public never saw, or saw withdrawn. */
  private static final String FORGOTTEN = "(e.anonymous OR e.status <> 'PUBLISHED')";

  /** Its letter closed longer ago than the retention (:before). */
  private static final String PAST_RETENTION =
      "((l.status = 'CLOSED' AND l.closed_at < :before)"
          + " OR (l.closes_at IS NOT NULL AND l.closes_at < :before))";

  public Retention(EntityManager entityManager, UndersignedConfig config) {
    this.entityManager = entityManager;
    this.config = config;
  }

  @Scheduled(
      identity = "retention",
      every = "1h",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    eraseExpired();
  }

  /** Erases what is past its retention; answers how many endorsements it erased. */
  @Transactional
  public int eraseExpired() {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('undersigned.retention'))")
        .getSingleResult();
    Instant before = Instant.now().minus(config.retention().afterClose());
    // Of an endorsement past retention, only what the public saw remains: a published named one's
    // public fields, an anonymous one's existence. Contact data, anonymous names and details, and
    // the names of every endorsement never published or withdrawn go, with the tokens, e-mails and
    // idempotency answers that would tie an address to it.
    int erased =
        entityManager
            .createNativeQuery(
                "UPDATE endorsements e SET contact_name = NULL, contact_email = NULL,"
                    + " contact_name_sealed = NULL, contact_email_sealed = NULL,"
                    + " contact_email_hash = NULL, name_sealed = NULL,"
                    + " website_sealed = NULL, country_sealed = NULL,"
                    + " contact_domain_hash = NULL, client_network = NULL,"
                    + " name = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.name END,"
                    + " normalized_name = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.normalized_name END,"
                    + " search_key = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.search_key END,"
                    + " collation_key = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.collation_key END,"
                    + " website = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.website END,"
                    + " name_hash = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.name_hash END,"
                    // The public log's salt: a named published signatory's stays (its public proof
                    // opens its entry); the others' go, and their leaves stay opaque hashes.
                    + " log_salt = CASE WHEN "
                    + FORGOTTEN
                    + " THEN NULL ELSE e.log_salt END,"
                    + " contact_erased_at = now(), updated_at = now()"
                    + " FROM letters l WHERE e.letter_id = l.id AND e.contact_erased_at IS NULL"
                    + " AND "
                    + PAST_RETENTION)
            .setParameter("before", before)
            .executeUpdate();
    entityManager
        .createNativeQuery(
            "DELETE FROM endorsement_tokens t USING endorsements e, letters l"
                + " WHERE t.endorsement_id = e.id AND e.letter_id = l.id AND "
                + PAST_RETENTION)
        .setParameter("before", before)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "DELETE FROM outbox o WHERE o.status <> 'PENDING' AND o.subject_id IN"
                + " (SELECT e.id FROM endorsements e JOIN letters l ON e.letter_id = l.id"
                + " WHERE "
                + PAST_RETENTION
                + " UNION ALL SELECT l.id FROM letters l WHERE "
                + PAST_RETENTION
                + ")")
        .setParameter("before", before)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "DELETE FROM idempotency_keys k USING letters l"
                + " WHERE k.scope = 'endorsements:' || l.slug AND "
                + PAST_RETENTION)
        .setParameter("before", before)
        .executeUpdate();
    // Whatever the letter: what has served its purpose. A sent e-mail's row (a withdrawal
    // request's holds an address's keyed hash) after the longest a link lives; a token a month
    // after it expired (until then it is told apart as expired, not unknown); an idempotency
    // answer after its time to live.
    Instant now = Instant.now();
    entityManager
        .createNativeQuery("DELETE FROM outbox WHERE status = 'SENT' AND sent_at < :before")
        .setParameter("before", now.minus(config.tokens().ttl()).minus(Duration.ofDays(1)))
        .executeUpdate();
    entityManager
        .createNativeQuery("DELETE FROM endorsement_tokens WHERE expires_at < :before")
        .setParameter("before", now.minus(Duration.ofDays(30)))
        .executeUpdate();
    entityManager
        .createNativeQuery("DELETE FROM idempotency_keys WHERE created_at < :before")
        .setParameter("before", now.minus(config.idempotency().ttl()))
        .executeUpdate();
    if (erased > 0) {
      Log.infof("Erased the personal data of %d endorsements past retention", erased);
    }
    return erased;
  }
}
