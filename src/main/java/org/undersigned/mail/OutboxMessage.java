package org.undersigned.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A side effect committed with the change that causes it, sent later by the worker. It holds ids,
 * never contact data in clear nor a secret: the worker reads those when it sends.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

  /** Delivery states. */
  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  @Id public UUID id;

  public String kind;

  @Column(name = "subject_id")
  public UUID subjectId;

  @JdbcTypeCode(SqlTypes.JSON)
  public String payload;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public Status status;

  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;
}
