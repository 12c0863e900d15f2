package org.undersigned.endorsement.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.endorsement.EndorsementStatus;

/**
 * The answer to a submission, a confirmation or a withdrawal: which endorsement, in which status.
 */
@Schema(name = "EndorsementReceipt")
public record Receipt(
    @Schema(required = true, examples = "0b7e3f9c-2d54-4a8e-9a51-6c2f4e1d8b3a") UUID id,
    @Schema(required = true, examples = "PENDING_CONFIRMATION") EndorsementStatus status,
    @Schema(
            description =
                "In a confirmation's answer, where the endorsement has a website: how to prove"
                    + " that its organisation controls the website's domain. Shown once.")
        @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        org.undersigned.endorsement.verification.DomainChallenge domainChallenge) {

  public Receipt(UUID id, EndorsementStatus status) {
    this(id, status, null);
  }
}
