package org.undersigned.endorsement.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.mail.Outbox;

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

  /**
   * What erasing an endorsement does. What the public saw remains: a published named one's public
   * fields, an anonymous one's existence. Contact data, anonymous names and details, and the names
   * of every endorsement never published or withdrawn go; so does the public log's salt of any but
   * a published named one (whose public proof opens its entry): its leaf stays, an opaque hash.
   */
  private static final String ERASURE =
      "contact_name = NULL, contact_email = NULL, contact_name_sealed = NULL,"
          + " contact_email_sealed = NULL, contact_email_hash = NULL, name_sealed = NULL,"
          + " website_sealed = NULL, country_sealed = NULL, contact_domain_hash = NULL,"
          + " client_network = NULL, domain_challenge_hash = NULL, domain_check_token_hash = NULL"
          + forgotten("name")
          + forgotten("normalized_name")
          + forgotten("search_key")
          + forgotten("collation_key")
          + forgotten("website")
          + forgotten("name_hash")
          + forgotten("log_salt")
          + ", contact_erased_at = now(), updated_at = now()";

  private static String forgotten(String column) {
    return ", " + column + " = CASE WHEN " + FORGOTTEN + " THEN NULL ELSE e." + column + " END";
  }

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

  /**
   * Erases one endorsement at once, as retention would (a signer withdrawing asks for it), with the
   * e-mails sent about it and the idempotency answers that name it. Its tokens stay, as hashes, so
   * that a link used again is told apart from a forged one. Run by SQL: flush the endorsement
   * before, and read it again after.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erase(UUID endorsementId) {
    // Its e-mails, sent or not (none is wanted any more; one being sent is simply not recorded),
    // and, before its hash goes, the withdrawal requests naming its address.
    entityManager
        .createNativeQuery(
            "DELETE FROM outbox o USING endorsements e WHERE e.id = :id"
                + " AND o.kind = :request AND o.subject_id = e.letter_id"
                + " AND o.payload ->> 'emailHash' = encode(e.contact_email_hash, 'base64')")
        .setParameter("id", endorsementId)
        .setParameter("request", Outbox.WITHDRAWAL_REQUEST)
        .executeUpdate();
    entityManager
        .createNativeQuery("DELETE FROM outbox WHERE subject_id = :id")
        .setParameter("id", endorsementId)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "DELETE FROM idempotency_keys k USING endorsements e, letters l"
                + " WHERE e.id = :id AND l.id = e.letter_id AND k.scope = 'endorsements:' || l.slug"
                + " AND k.response_body LIKE '%' || CAST(e.id AS text) || '%'")
        .setParameter("id", endorsementId)
        .executeUpdate();
    entityManager
        .createNativeQuery("UPDATE endorsements e SET " + ERASURE + " WHERE e.id = :id")
        .setParameter("id", endorsementId)
        .executeUpdate();
  }

  /** Erases what is past its retention; answers how many endorsements it erased. */
  @Transactional
  public int eraseExpired() {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('undersigned.retention'))")
        .getSingleResult();
    Instant before = Instant.now().minus(config.retention().afterClose());
    // Each endorsement past retention is erased, with the tokens, e-mails and idempotency answers
    // that would tie an address to it.
    int erased =
        entityManager
            .createNativeQuery(
                "UPDATE endorsements e SET "
                    + ERASURE
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
