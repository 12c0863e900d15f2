package org.undersigned.endorsement.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.EndorsementSource;
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

  /** How an endorsement was verified. */
  public enum Method {
    /** Collected and verified by the coalition before it was imported here. */
    IMPORTED,
    /** The signer proved the contact address. */
    EMAIL_CONFIRMED,
    /** The contact address is in the domain of the signatory's website. */
    DOMAIN_MATCH,
    /** A moderator of the coalition approved it. */
    MODERATOR_APPROVED
  }

  /** The verifications an endorsement passed, and when the last one was. */
  @Schema(name = "Verification")
  public record Verification(
      @Schema(required = true) List<Method> methods,
      @Schema(required = true, description = "When the last verification happened.")
          Instant verifiedAt) {}

  static SignatoryProof of(PublicSignatory s, org.undersigned.tlog.LogProof log) {
    List<Method> methods = new ArrayList<>();
    if (s.source() == EndorsementSource.IMPORTED) {
      methods.add(Method.IMPORTED);
    }
    if (s.emailConfirmedAt() != null) {
      methods.add(Method.EMAIL_CONFIRMED);
    }
    if (s.domainVerified()) {
      methods.add(Method.DOMAIN_MATCH);
    }
    if (s.approvedAt() != null) {
      methods.add(Method.MODERATOR_APPROVED);
    }
    Instant verifiedAt =
        Stream.of(s.emailConfirmedAt(), s.approvedAt())
            .filter(i -> i != null)
            .max(Instant::compareTo)
            .orElse(s.publishedAt());
    return new SignatoryProof(
        s.id(),
        s.name(),
        s.kind(),
        s.country(),
        s.website(),
        s.publishedAt(),
        new Verification(methods, verifiedAt),
        log);
  }
}
