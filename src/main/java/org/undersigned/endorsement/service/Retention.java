package org.undersigned.endorsement.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
    int erased =
        entityManager
            .createNativeQuery(
                "UPDATE endorsements e SET contact_name = NULL, contact_email = NULL,"
                    + " contact_name_sealed = NULL, contact_email_sealed = NULL,"
                    + " contact_email_hash = NULL, name_sealed = NULL,"
                    + " contact_domain_hash = NULL, client_network = NULL,"
                    + " name = CASE WHEN e.anonymous THEN NULL ELSE e.name END,"
                    + " normalized_name = CASE WHEN e.anonymous THEN NULL ELSE e.normalized_name END,"
                    + " name_hash = CASE WHEN e.anonymous THEN NULL ELSE e.name_hash END,"
                    + " contact_erased_at = now(), updated_at = now()"
                    + " FROM letters l WHERE e.letter_id = l.id AND e.contact_erased_at IS NULL"
                    + " AND ((l.status = 'CLOSED' AND l.closed_at < :before)"
                    + " OR (l.closes_at IS NOT NULL AND l.closes_at < :before))")
            .setParameter("before", before)
            .executeUpdate();
    if (erased > 0) {
      Log.infof("Erased the personal data of %d endorsements past retention", erased);
    }
    return erased;
  }
}
