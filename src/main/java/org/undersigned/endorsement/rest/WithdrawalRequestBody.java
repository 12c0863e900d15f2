package org.undersigned.endorsement.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.common.validation.ContactEmail;

/** An address that asks for a withdrawal link. */
@Schema(name = "WithdrawalRequest")
public record WithdrawalRequestBody(
    @Schema(
            required = true,
            description = "The contact address given when signing.",
            examples = "contact@amnesty.org",
            maxLength = 254,
            format = "email")
        @NotNull
        @ContactEmail
        String email) {}
