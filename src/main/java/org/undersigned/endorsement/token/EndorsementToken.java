package org.undersigned.endorsement.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A secret sent by e-mail, stored only as its SHA-256; single-use, and it expires. */
@Entity
@Table(name = "endorsement_tokens")
public class EndorsementToken {

  @Id public UUID id;

  @Column(name = "endorsement_id")
  public UUID endorsementId;

  @Enumerated(EnumType.STRING)
  public TokenPurpose purpose;

  @Column(name = "token_hash")
  public byte[] tokenHash;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;

  @Column(name = "created_at")
  public Instant createdAt;
}
