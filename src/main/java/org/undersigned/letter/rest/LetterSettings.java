package org.undersigned.letter.rest;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;

/**
 * A letter's settings, replaced as a whole: open or close it, choose its moderation policy, set its
 * closing date and its embargo.
 */
@Schema(name = "LetterSettings")
public record LetterSettings(
    @Schema(
            required = true,
            description =
                "DRAFT (not public), OPEN (takes signatures) or CLOSED (keeps its list, takes no"
                    + " more). A public letter cannot go back to DRAFT.",
            maxLength = 6)
        @NotNull
        LetterStatus status,
    @Schema(required = true) @NotNull ModerationPolicy moderationPolicy,
    @Schema(
            nullable = true,
            implementation = String.class,
            format = "date-time",
            maxLength = 35,
            description = "Signing closes by itself at this instant.")
        Instant closesAt,
    @Schema(
            nullable = true,
            implementation = String.class,
            format = "date-time",
            maxLength = 35,
            description = "The list of signatories is not public before this instant.")
        Instant embargoUntil,
    @Schema(required = true, description = "Whether the counts are public during the embargo.")
        @NotNull
        Boolean countsDuringEmbargo) {}
