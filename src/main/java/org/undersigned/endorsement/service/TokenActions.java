package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.text.Emails;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.token.TokenPurpose;
import org.undersigned.endorsement.token.TokenService;
import org.undersigned.endorsement.verification.DomainChallenge;
import org.undersigned.endorsement.verification.DomainVerification;
import org.undersigned.letter.Letter;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.letter.repository.LetterRepository;

/** What the links sent by e-mail do: confirm the contact address, or withdraw the endorsement. */
@ApplicationScoped
public class TokenActions {

  private final TokenService tokens;
  private final EndorsementRepository endorsements;
  private final LetterRepository letters;
  private final Publication publication;
  private final Retention retention;
  private final DomainVerification domains;
  private final EntityManager entityManager;

  public TokenActions(
      TokenService tokens,
      EndorsementRepository endorsements,
      LetterRepository letters,
      Publication publication,
      Retention retention,
      EntityManager entityManager,
      DomainVerification domains) {
    this.domains = domains;
    this.retention = retention;
    this.entityManager = entityManager;
    this.tokens = tokens;
    this.endorsements = endorsements;
    this.letters = letters;
    this.publication = publication;
  }

  /**
   * The address is proved: the endorsement is confirmed, its domain compared with its website, and,
   * where the letter publishes on confirmation, published unless its organisation already is (then
   * it waits for a moderator as a duplicate).
   */
  /**
   * What a confirmation answers: the endorsement and the status its signer is told. On a letter
   * that publishes on confirmation, that is PUBLISHED whether it was published or held because its
   * organisation already is: an answer that told the two apart would tell whether the name had
   * signed (during an embargo, when the list does not show it).
   */
  public record Confirmed(UUID id, EndorsementStatus status, DomainChallenge domainChallenge) {}

  /**
   * Confirms, and says only what the letter's policy makes of any confirmation, with the domain
   * challenge of an endorsement that has a website.
   */
  @Transactional
  public Confirmed confirmAndTell(String token) {
    Confirmation c = confirmation(token);
    Endorsement e = c.endorsement();
    Letter letter = letters.findById(e.letterId);
    boolean heldAsDuplicate =
        letter.moderationPolicy == ModerationPolicy.PUBLISH_ON_CONFIRMATION
            && e.status == EndorsementStatus.CONFIRMED;
    return new Confirmed(
        e.id, heldAsDuplicate ? EndorsementStatus.PUBLISHED : e.status, c.challenge().orElse(null));
  }

  @Transactional
  public Endorsement confirm(String token) {
    return confirmation(token).endorsement();
  }

  private record Confirmation(Endorsement endorsement, Optional<DomainChallenge> challenge) {}

  private Confirmation confirmation(String token) {
    Endorsement e = locked(tokens.redeem(token, TokenPurpose.CONFIRMATION));
    Optional<DomainChallenge> challenge = Optional.empty();
    if (e.status == EndorsementStatus.PENDING_CONFIRMATION) {
      Instant now = Instant.now();
      e.status = EndorsementStatus.CONFIRMED;
      e.emailConfirmedAt = now;
      e.domainVerified = Emails.domainMatches(e.contactEmail, e.website());
      e.updatedAt = now;
      Letter letter = letters.findById(e.letterId);
      if (letter.moderationPolicy == ModerationPolicy.PUBLISH_ON_CONFIRMATION) {
        publication.publish(e);
      } else if (e.nameHash != null) {
        // Held for a moderator anyway; say so when the organisation is already published.
        e.duplicateOf = endorsements.publishedWithName(e.letterId, e.nameHash, e.id).orElse(null);
      }
      challenge = domains.issue(e);
    }
    return new Confirmation(e, challenge);
  }

  /**
   * The signer withdraws: the endorsement leaves every count and list at once. Asked to erase, it
   * is erased at once rather than after the letter's retention: contact data, its name and its salt
   * in the public log (whose entry stays, opaque, followed by a withdrawal).
   */
  @Transactional
  public Endorsement withdraw(String token, boolean erase) {
    Endorsement e = locked(tokens.redeem(token, TokenPurpose.WITHDRAWAL));
    if (e.status != EndorsementStatus.WITHDRAWN) {
      boolean wasPublic = e.status == EndorsementStatus.PUBLISHED;
      Instant now = Instant.now();
      e.status = EndorsementStatus.WITHDRAWN;
      e.withdrawnAt = now;
      e.updatedAt = now;
      tokens.revokeAll(e.id);
      if (wasPublic) {
        publication.unpublished(e);
      }
    }
    if (erase && e.contactErasedAt == null) {
      entityManager.flush();
      retention.erase(e.id);
      entityManager.refresh(e);
    }
    return e;
  }

  private Endorsement locked(UUID id) {
    return endorsements.findById(id, LockModeType.PESSIMISTIC_WRITE);
  }
}
