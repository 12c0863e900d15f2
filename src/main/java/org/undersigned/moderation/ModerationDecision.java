package org.undersigned.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.undersigned.endorsement.EndorsementStatus;

/** The record of one moderation decision: who, when, what, from which status to which. */
@Entity
@Table(name = "moderation_decisions")
public class ModerationDecision {

  /** What a moderator decided. */
  public enum Action {
    APPROVE,
    REJECT,
    /** A look-up of the endorsement's domain record, asked by its signer or a re-check. */
    DOMAIN_CHECK
  }

  @Id public UUID id;

  @Column(name = "endorsement_id")
  public UUID endorsementId;

  public String actor;

  @Enumerated(EnumType.STRING)
  public Action action;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public EndorsementStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status")
  public EndorsementStatus toStatus;

  public String reason;

  @Column(name = "decided_at")
  public Instant decidedAt;
}
