package org.undersigned.letter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.letter.Counts;
import org.undersigned.letter.service.PublicLetter;

/** A letter in one language, as the public reads it. */
@Schema(name = "Letter", description = "An open letter in one language, with its counts.")
public record LetterView(
    @Schema(
            required = true,
            description = "The letter's identifier in paths.",
            examples = "un-china-human-rights")
        String slug,
    @Schema(required = true, description = "The language of this text (BCP 47).", examples = "fr")
        String language,
    @Schema(
            required = true,
            description = "Every language the letter exists in.",
            examples = "[\"fr\"]")
        List<String> languages,
    @Schema(required = true, examples = "Une lettre ouverte :") String title,
    @Schema(
            required = true,
            description = "To whom the letter is addressed, one line each.",
            examples = "[\"Au Secrétaire général de l’ONU Antonio Guterres\"]")
        List<String> recipients,
    @Schema(required = true, description = "The body of the letter, one paragraph each.")
        List<String> paragraphs,
    @Schema(required = true, examples = "Sincères salutations,") String closing,
    @Schema(required = true, description = "Whether the letter takes signatures now.") boolean open,
    @Schema(
            required = true,
            nullable = true,
            implementation = String.class,
            format = "date-time",
            description = "When signing closes by itself; null when no date is set.")
        Instant closesAt,
    @Schema(description = LetterSummary.COUNTS) @JsonInclude(JsonInclude.Include.NON_NULL)
        Counts counts,
    @Schema(
            required = true,
            nullable = true,
            implementation = String.class,
            format = "date-time",
            description = LetterSummary.EMBARGO_UNTIL)
        Instant embargoUntil,
    @Schema(
            description =
                "The letter's public log, where anyone checks its list; absent while an embargo"
                    + " hides the list, and where the service keeps no log.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        org.undersigned.tlog.LogLink log) {

  static LetterView of(PublicLetter letter, org.undersigned.tlog.LogLink log) {
    return new LetterView(
        letter.letter().slug,
        letter.text().language,
        letter.languages(),
        letter.text().title,
        letter.text().recipients,
        letter.text().paragraphs,
        letter.text().closing,
        letter.open(),
        letter.letter().closesAt,
        letter.counts(),
        LetterSummary.embargoUntil(letter),
        letter.listPublic() ? log : null);
  }
}
