package org.undersigned.moderation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.verification.DomainVerification.DomainChecked;
import org.undersigned.moderation.ModerationDecision;
import org.undersigned.moderation.ModerationDecisionRepository;

/**
 * Each look-up of a domain record in the endorsement's audit trail, in the transaction that records
 * its outcome: the actor is "signer" (a check asked with the check token) or "recheck" (the
 * schedule); the reason says what was found, never the domain (it would identify an anonymous
 * organisation in a readable column).
 */
@ApplicationScoped
public class DomainCheckAudit {

  private final ModerationDecisionRepository decisions;
  private final EndorsementRepository endorsements;

  public DomainCheckAudit(
      ModerationDecisionRepository decisions, EndorsementRepository endorsements) {
    this.decisions = decisions;
    this.endorsements = endorsements;
  }

  void checked(@Observes DomainChecked event) {
    Endorsement e = endorsements.findById(event.endorsementId());
    ModerationDecision decision = new ModerationDecision();
    decision.id = UUID.randomUUID();
    decision.endorsementId = e.id;
    decision.actor = event.actor();
    decision.action = ModerationDecision.Action.DOMAIN_CHECK;
    decision.fromStatus = e.status;
    decision.toStatus = e.status;
    // The outcome only, never the domain: an anonymous organisation's website is kept sealed, and
    // this row is not (moderators read the domain from the endorsement).
    decision.reason =
        event.check().verified() ? "DOMAIN_DNS verified" : event.check().reason().name();
    decision.decidedAt = event.check().checkedAt();
    decisions.persist(decision);
  }
}
