package org.undersigned.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The transactional outbox: side effects written in the same transaction as their cause. */
@ApplicationScoped
public class Outbox implements PanacheRepositoryBase<OutboxMessage, UUID> {

  /** The kinds of message. */
  public static final String CONFIRMATION_MAIL = "CONFIRMATION_MAIL";

  public static final String WITHDRAWAL_REQUEST = "WITHDRAWAL_REQUEST";
  public static final String WITHDRAWAL_MAIL = "WITHDRAWAL_MAIL";

  /** Adds a message to send once the current transaction commits. */
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
   * Claims the next due message: locked until the transaction ends, and skipped by every other
   * worker (of this instance or another) meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public Optional<OutboxMessage> claimNextDue() {
    List<OutboxMessage> due =
        getEntityManager()
            .createNativeQuery(
                "SELECT * FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= now()"
                    + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
                OutboxMessage.class)
            .getResultList();
    return due.stream().findFirst();
  }
}
