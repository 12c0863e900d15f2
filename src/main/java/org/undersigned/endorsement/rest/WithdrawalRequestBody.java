package org.undersigned.endorsement.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Size(max = 254)
        @Email(
            regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$",
            message = "{org.undersigned.Email.message}")
        String email) {}
