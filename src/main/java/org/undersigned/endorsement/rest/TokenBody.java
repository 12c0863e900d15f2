package org.undersigned.endorsement.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The secret of a confirmation or withdrawal link, as the page at the link POSTs it. */
@Schema(name = "TokenBody")
public record TokenBody(
    @Schema(
            required = true,
            description = "The token query parameter of the link received by e-mail.",
            examples = "q3Jz0Xh8mJ1lYt9cG4u2vN5wR7eK6aB0dF3sH8jL1pQ",
            maxLength = 128)
        @NotNull
        @Size(max = 128)
        String token) {}
