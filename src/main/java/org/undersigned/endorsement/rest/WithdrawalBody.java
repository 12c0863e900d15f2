package org.undersigned.endorsement.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The secret of a withdrawal link, as the page at the link POSTs it, and whether to erase. */
@Schema(name = "WithdrawalBody")
public record WithdrawalBody(
    @Schema(
            required = true,
            description = "The token query parameter of the link received by e-mail.",
            examples = "q3Jz0Xh8mJ1lYt9cG4u2vN5wR7eK6aB0dF3sH8jL1pQ",
            maxLength = 128)
        @NotNull
        @Size(max = 128)
        String token,
    @Schema(
            description =
                "Erase at once, rather than when the letter's retention ends: the contact name and"
                    + " e-mail, the name, the website and country, and the salt of the endorsement's"
                    + " entry in the public log (the entry stays, an opaque commitment nobody can"
                    + " open any more, followed by its withdrawal). Cannot be undone.",
            defaultValue = "false",
            examples = "true")
        Boolean erase) {

  /** Whether the signer asked for erasure (absent: no). */
  public boolean erasing() {
    return Boolean.TRUE.equals(erase);
  }
}
