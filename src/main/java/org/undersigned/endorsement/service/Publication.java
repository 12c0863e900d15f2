package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.webhook.WebhookEvents;

/**
 * Makes a confirmed endorsement public, once per organisation and letter. Publications of one
 * normalised name wait for each other on an advisory lock (across every instance), so the second
 * always sees the first and is held as a duplicate; the unique index is the last guard.
 */
@ApplicationScoped
public class Publication {

  private final EntityManager entityManager;
  private final EndorsementRepository endorsements;
  private final LetterRepository letters;
  private final WebhookEvents webhooks;

  public Publication(
      EntityManager entityManager,
      EndorsementRepository endorsements,
      LetterRepository letters,
      WebhookEvents webhooks) {
    this.entityManager = entityManager;
    this.endorsements = endorsements;
    this.letters = letters;
    this.webhooks = webhooks;
  }

  /** Tells integrators that a published endorsement left the list (withdrawn or rejected). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void unpublished(Endorsement endorsement) {
    webhooks.endorsement(
        WebhookEvents.ENDORSEMENT_WITHDRAWN,
        letters.findById(endorsement.letterId),
        signature(endorsement));
  }

  /** Publishes it, or answers the published endorsement of the same organisation. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<UUID> publish(Endorsement endorsement) {
    if (endorsement.nameHash != null) {
      entityManager
          .createNativeQuery(
              "SELECT pg_advisory_xact_lock(hashtext(CAST(:letter AS text)), hashtext(:name))")
          .setParameter("letter", endorsement.letterId.toString())
          .setParameter("name", java.util.HexFormat.of().formatHex(endorsement.nameHash))
          .getSingleResult();
      Optional<UUID> existing =
          endorsements.publishedWithName(
              endorsement.letterId, endorsement.nameHash, endorsement.id);
      if (existing.isPresent()) {
        endorsement.duplicateOf = existing.get();
        endorsement.updatedAt = Instant.now();
        return existing;
      }
    }
    endorsement.status = EndorsementStatus.PUBLISHED;
    endorsement.publishedAt = Instant.now();
    endorsement.duplicateOf = null;
    endorsement.updatedAt = endorsement.publishedAt;
    endorsements.flush();
    webhooks.endorsement(
        WebhookEvents.ENDORSEMENT_PUBLISHED,
        letters.findById(endorsement.letterId),
        signature(endorsement));
    return Optional.empty();
  }

  /** What a webhook event may say of an endorsement (the webhook feature decides what it tells). */
  private static WebhookEvents.Signature signature(Endorsement e) {
    return new WebhookEvents.Signature(
        e.id, e.kind.name(), e.anonymous, e.name, e.country, e.status.name());
  }
}
