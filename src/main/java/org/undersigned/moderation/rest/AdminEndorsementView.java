package org.undersigned.moderation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.common.text.Domains;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.EndorsementSource;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.VerificationMethod;
import org.undersigned.endorsement.verification.DomainCheck;
import org.undersigned.moderation.ModerationDecision;

/**
 * An endorsement as moderators see it: everything submitted, contact details and anonymous names
 * included, and what became of it. Only ever served to the {@code moderator} and {@code admin}
 * roles.
 */
@Schema(name = "AdminEndorsement")
public record AdminEndorsementView(
    @Schema(required = true) UUID id,
    @Schema(required = true) EndorsementKind kind,
    @Schema(
            nullable = true,
            description = "Null only for anonymous endorsements imported without one.")
        String name,
    @Schema(nullable = true) String country,
    @Schema(nullable = true) String website,
    @Schema(nullable = true) String contactName,
    @Schema(nullable = true) String contactEmail,
    @Schema(required = true) boolean anonymous,
    @Schema(nullable = true) String language,
    @Schema(required = true) EndorsementStatus status,
    @Schema(required = true) EndorsementSource source,
    @Schema(required = true, implementation = String.class, format = "date-time") Instant createdAt,
    @Schema(nullable = true, implementation = String.class, format = "date-time")
        Instant emailConfirmedAt,
    @Schema(required = true, description = "The contact address is in the website's domain.")
        boolean domainVerified,
    @Schema(required = true, description = "The verifications it passed, as the public sees them.")
        List<VerificationMethod> methods,
    @Schema(
            description =
                "Its domain verification (a TXT record), once its domain was looked up; absent"
                    + " before.")
        @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        DomainStatus domainCheck,
    @Schema(nullable = true, implementation = String.class, format = "date-time")
        Instant approvedAt,
    @Schema(nullable = true) String approvedBy,
    @Schema(nullable = true, implementation = String.class, format = "date-time")
        Instant publishedAt,
    @Schema(nullable = true, implementation = String.class, format = "date-time")
        Instant rejectedAt,
    @Schema(nullable = true) String rejectionReason,
    @Schema(nullable = true, implementation = String.class, format = "date-time")
        Instant withdrawnAt,
    @Schema(
            nullable = true,
            implementation = String.class,
            format = "uuid",
            description = "The published endorsement of the same organisation, when there is one.")
        UUID duplicateOf,
    @Schema(
            nullable = true,
            description = "The moderation decisions, oldest first (in the single look-up only).",
            type = SchemaType.ARRAY)
        List<Decision> decisions) {

  /** Where its domain verification stands, for the moderators (anonymous ones included). */
  @Schema(name = "AdminDomainCheck")
  public record DomainStatus(
      @Schema(nullable = true, examples = "amnesty.org", maxLength = 253) String domain,
      @Schema(
              nullable = true,
              implementation = String.class,
              format = "date-time",
              description = "Since when the record counts; null when it does not (now).")
          Instant verifiedAt,
      @Schema(
              nullable = true,
              implementation = String.class,
              format = "date-time",
              description = "When the record was last seen, even if it is gone since.")
          Instant lastSeenAt,
      @Schema(nullable = true, implementation = String.class, format = "date-time")
          Instant checkedAt,
      @Schema(description = "Why the last look-up did not verify; absent when it did.")
          @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          DomainCheck.Reason reason) {

    static DomainStatus of(Endorsement e) {
      if (e.domainCheckedAt == null && e.domainDnsSeenAt == null) {
        return null;
      }
      return new DomainStatus(
          Domains.registrable(e.website()).orElse(null),
          e.domainDnsVerifiedAt,
          e.domainDnsSeenAt,
          e.domainCheckedAt,
          e.domainCheckReason == null ? null : DomainCheck.Reason.valueOf(e.domainCheckReason));
    }
  }

  /** One decision of the audit trail. */
  @Schema(name = "ModerationDecision")
  public record Decision(
      @Schema(required = true, description = "The moderator (the token's name).") String actor,
      @Schema(required = true) ModerationDecision.Action action,
      @Schema(required = true) EndorsementStatus fromStatus,
      @Schema(required = true) EndorsementStatus toStatus,
      @Schema(nullable = true) String reason,
      @Schema(required = true, implementation = String.class, format = "date-time")
          Instant decidedAt) {

    static Decision of(ModerationDecision d) {
      return new Decision(d.actor, d.action, d.fromStatus, d.toStatus, d.reason, d.decidedAt);
    }
  }

  static AdminEndorsementView of(Endorsement e, List<ModerationDecision> decisions) {
    return new AdminEndorsementView(
        e.id,
        e.kind,
        e.displayName(),
        e.country(),
        e.website(),
        e.contactName,
        e.contactEmail,
        e.anonymous,
        e.language,
        e.status,
        e.source,
        e.createdAt,
        e.emailConfirmedAt,
        e.domainVerified,
        VerificationMethod.of(
            e.source, e.emailConfirmedAt, e.domainVerified, e.domainDnsVerifiedAt, e.approvedAt),
        DomainStatus.of(e),
        e.approvedAt,
        e.approvedBy,
        e.publishedAt,
        e.rejectedAt,
        e.rejectionReason,
        e.withdrawnAt,
        e.duplicateOf,
        decisions == null ? null : decisions.stream().map(Decision::of).toList());
  }

  /** A page of endorsements. */
  @Schema(name = "AdminEndorsementPage")
  public record Page(
      @Schema(required = true) List<AdminEndorsementView> items,
      @Schema(required = true, nullable = true) String nextCursor) {}
}
