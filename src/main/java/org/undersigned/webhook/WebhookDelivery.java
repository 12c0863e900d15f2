package org.undersigned.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event for one endpoint, written with the change that caused it, and its attempts. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

  /** Where a delivery stands. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }

  /** The {@code webhook-id} header: the same for every attempt of this delivery. */
  @Id public UUID id;

  @Column(name = "webhook_id")
  public UUID webhookId;

  @Column(name = "event_type")
  public String eventType;

  @JdbcTypeCode(SqlTypes.JSON)
  public String payload;

  @Enumerated(EnumType.STRING)
  public Status status;

  public int attempts;

  /** The HTTP status of the last attempt, or null when it got no answer. */
  @Column(name = "last_status")
  public Integer lastStatus;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;
}
