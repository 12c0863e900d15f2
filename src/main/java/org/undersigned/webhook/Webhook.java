package org.undersigned.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An integrator's endpoint and the events it wants. */
@Entity
@Table(name = "webhooks")
public class Webhook {

  @Id public UUID id;

  public String url;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> events;

  /** The HMAC key of the signatures, shown once to the admin who registered the endpoint. */
  public String secret;

  public boolean active;

  @Column(name = "created_at")
  public Instant createdAt;
}
