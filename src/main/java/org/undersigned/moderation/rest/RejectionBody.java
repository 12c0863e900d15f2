package org.undersigned.moderation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an endorsement is rejected; kept in the audit trail. */
@Schema(name = "Rejection")
public record RejectionBody(
    @Schema(
            required = true,
            examples = "Not an organisation: a duplicate submitted by a bot.",
            maxLength = 1000)
        @NotBlank
        @Size(max = 1000)
        String reason) {}
