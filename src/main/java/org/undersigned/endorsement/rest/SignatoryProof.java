package org.undersigned.endorsement.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.common.text.Domains;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.VerificationMethod;
import org.undersigned.endorsement.repository.EndorsementRepository.PublicSignatory;

/** The public proof that an organisation signed: who, and when and how it was verified. */
@Schema(name = "SignatoryProof", description = "The public proof that this signatory signed.")
public record SignatoryProof(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "Amnesty International") String name,
    @Schema(required = true) EndorsementKind kind,
    @Schema(nullable = true, examples = "BE") String country,
    @Schema(nullable = true, examples = "https://www.amnesty.org") String website,
    @Schema(required = true, description = "When the endorsement was published.")
        Instant publishedAt,
    @Schema(required = true) Verification verification,
    @Schema(
            description =
                "Its publication's entry in the letter's public log, with the salt that opens the"
                    + " entry's commitment; absent until it is logged, and where no log is kept.")
        @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        org.undersigned.tlog.LogProof log) {

  /** The verifications an endorsement passed, and when the last one was. */
  @Schema(name = "Verification")
  public record Verification(
      @Schema(required = true) List<VerificationMethod> methods,
      @Schema(required = true, description = "When the last verification happened.")
          Instant verifiedAt,
      @Schema(
              nullable = true,
              description =
                  "The registrable domain a domain method (DOMAIN_DNS, DOMAIN_MATCH) verified.",
              examples = "amnesty.org",
              maxLength = 253)
          String domain,
      @Schema(
              nullable = true,
              implementation = String.class,
              format = "date-time",
              description =
                  "When the domain's TXT record was last seen (DOMAIN_DNS); it is looked up again"
                      + " every day, and once gone DOMAIN_DNS leaves the methods.")
          Instant domainLastSeenAt) {

    static Verification of(PublicSignatory s) {
      List<VerificationMethod> methods =
          VerificationMethod.of(
              s.source(),
              s.emailConfirmedAt(),
              s.domainVerified(),
              s.domainDnsVerifiedAt(),
              s.approvedAt());
      Instant verifiedAt =
          Stream.of(s.emailConfirmedAt(), s.approvedAt(), s.domainDnsVerifiedAt())
              .filter(i -> i != null)
              .max(Instant::compareTo)
              .orElse(s.publishedAt());
      boolean byDomain =
          methods.contains(VerificationMethod.DOMAIN_DNS)
              || methods.contains(VerificationMethod.DOMAIN_MATCH);
      return new Verification(
          methods,
          verifiedAt,
          byDomain ? Domains.registrable(s.website()).orElse(null) : null,
          s.domainDnsVerifiedAt() == null ? null : s.domainDnsSeenAt());
    }
  }

  static SignatoryProof of(PublicSignatory s, org.undersigned.tlog.LogProof log) {
    return new SignatoryProof(
        s.id(),
        s.name(),
        s.kind(),
        s.country(),
        s.website(),
        s.publishedAt(),
        Verification.of(s),
        log);
  }
}
