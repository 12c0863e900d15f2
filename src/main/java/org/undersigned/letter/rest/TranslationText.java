package org.undersigned.letter.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The text of a letter in one language. */
@Schema(name = "LetterText")
public record TranslationText(
    @Schema(required = true, examples = "An open letter:", maxLength = 300)
        @NotBlank
        @Size(max = 300)
        String title,
    @Schema(
            required = true,
            description = "To whom the letter is addressed, one line each.",
            examples = "[\"To the UN Secretary-General António Guterres\"]")
        @NotNull
        @Size(max = 20)
        List<@NotBlank @Size(max = 500) String> recipients,
    @Schema(required = true, description = "The body, one paragraph each.")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Size(max = 10000) String> paragraphs,
    @Schema(required = true, examples = "Yours sincerely,", maxLength = 500)
        @NotBlank
        @Size(max = 500)
        String closing,
    @Schema(
            required = true,
            description =
                "The sentence under the list of names; {total}, {named} and {anonymous} are"
                    + " replaced by the real figures.",
            examples =
                "* This letter was signed by {total} organisations, {named} of which are listed"
                    + " above and {anonymous} of which chose to remain anonymous.",
            maxLength = 1000)
        @NotBlank
        @Size(max = 1000)
        String countSentence) {}
