package org.undersigned.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The transactional outbox: side effects written in the same transaction as their cause. */
@ApplicationScoped
public class Outbox implements PanacheRepositoryBase<OutboxMessage, UUID> {

  private final TransactionSynchronizationRegistry transactions;

  public Outbox(TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
  }

  /** The kinds of message. */
  public static final String CONFIRMATION_MAIL = "CONFIRMATION_MAIL";

  public static final String WITHDRAWAL_REQUEST = "WITHDRAWAL_REQUEST";
  public static final String WITHDRAWAL_MAIL = "WITHDRAWAL_MAIL";

  /** An anonymous signatory's private receipt: its entry in the public log, and its salt. */
  public static final String LOG_RECEIPT_MAIL = "LOG_RECEIPT_MAIL";

  /** A domain verification's instructions, the secrets sealed in the payload until it is sent. */
  public static final String DOMAIN_CHALLENGE_MAIL = "DOMAIN_CHALLENGE_MAIL";

  /**
   * Adds a message to send once the current transaction commits; the worker of this instance is
   * woken when it does.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(String kind, UUID subjectId, String payloadJson) {
    Instant now = Instant.now();
    OutboxMessage message = new OutboxMessage();
    message.id = UUID.randomUUID();
    message.kind = kind;
    message.subjectId = subjectId;
    message.payload = payloadJson;
    message.status = OutboxMessage.Status.PENDING;
    message.nextAttemptAt = now;
    message.createdAt = now;
    persist(message);
    if (transactions.getResource(Outbox.class) == null) {
      transactions.putResource(Outbox.class, Boolean.TRUE);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                wake.run();
              }
            }
          });
    }
  }

  /** What {@link #enqueue} wakes after a commit: the worker, once it runs. */
  private volatile Runnable wake = () -> {};

  void onCommit(Runnable wake) {
    this.wake = wake;
  }

  /** How many messages of a kind about a subject were queued since a while ago. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long countSince(String kind, UUID subjectId, java.time.Duration since) {
    return count(
        "kind = ?1 and subjectId = ?2 and createdAt > ?3",
        kind,
        subjectId,
        Instant.now().minus(since));
  }

  /**
   * Claims up to {@code limit} due messages, oldest due first: each is hidden from every worker (of
   * this instance or another) for the lease, by moving its next attempt past it, and the claim
   * commits at once, so no lock is held while they are sent. Rows another worker is claiming this
   * instant are skipped, not waited for.
   */
  @SuppressWarnings("unchecked")
  public List<OutboxMessage> claimDue(int limit, java.time.Duration lease) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<OutboxMessage> due =
                  getEntityManager()
                      .createNativeQuery(
                          "UPDATE outbox SET next_attempt_at = now() + make_interval(secs => :lease)"
                              + " WHERE id IN (SELECT id FROM outbox WHERE status = 'PENDING'"
                              + " AND next_attempt_at <= now() ORDER BY next_attempt_at"
                              + " LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING *",
                          OutboxMessage.class)
                      .setParameter("lease", (double) lease.toMillis() / 1000)
                      .setParameter("limit", limit)
                      .getResultList();
              due.forEach(getEntityManager()::detach);
              return due;
            });
  }

  /** Records messages sent, in one statement (SQL, not HQL: no query plan per list size). */
  public void recordSent(java.util.Collection<UUID> ids) {
    StringBuilder list = new StringBuilder();
    ids.forEach(id -> list.append(list.length() == 0 ? "" : ",").append(id));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                getEntityManager()
                    .createNativeQuery(
                        // A secret sealed in a payload is there to be sent: once sent, it goes.
                        "UPDATE outbox SET status = 'SENT', sent_at = now(),"
                            + " attempts = attempts + 1, last_error = NULL,"
                            + " payload = payload - 'sealed'"
                            + " WHERE id = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))"
                            + " AND status = 'PENDING'")
                    .setParameter("ids", list.toString())
                    .executeUpdate());
  }

  /**
   * The backlog an operator watches: how many messages wait, and how long the one due longest has
   * waited for a worker (0 when none is due). Withdrawal links are left out of both: only signers
   * are sent one, so a figure that counted them would move when a request named a signer.
   */
  public Backlog backlog() {
    Object[] row =
        (Object[])
            getEntityManager()
                .createNativeQuery(
                    "SELECT count(*), coalesce(extract(epoch FROM now() - min(next_attempt_at)"
                        + " FILTER (WHERE next_attempt_at <= now())), 0)"
                        + " FROM outbox WHERE status = 'PENDING' AND kind <> :withdrawalMail")
                .setParameter("withdrawalMail", WITHDRAWAL_MAIL)
                .getSingleResult();
    return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
  }

  /** Messages waiting, and the wait in seconds of the one due longest. */
  public record Backlog(long waiting, double oldestDueSeconds) {}
}
