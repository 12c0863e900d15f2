package org.undersigned.letter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.letter.Counts;
import org.undersigned.letter.service.PublicLetter;

/** A letter in a list: what it is called, whether it takes signatures, and its counts. */
@Schema(name = "LetterSummary", description = "A letter in the list of letters.")
public record LetterSummary(
    @Schema(required = true, examples = "un-china-human-rights") String slug,
    @Schema(required = true, description = "The language of the title (BCP 47).", examples = "fr")
        String language,
    @Schema(required = true, examples = "[\"fr\"]") List<String> languages,
    @Schema(required = true, examples = "Une lettre ouverte :") String title,
    @Schema(required = true) boolean open,
    @Schema(required = true, nullable = true, implementation = String.class, format = "date-time")
        Instant closesAt,
    @Schema(description = COUNTS) @JsonInclude(JsonInclude.Include.NON_NULL) Counts counts,
    @Schema(
            required = true,
            nullable = true,
            implementation = String.class,
            format = "date-time",
            description = EMBARGO_UNTIL)
        Instant embargoUntil) {

  // What the two public forms of a letter (this and LetterView) say alike, said once.
  static final String COUNTS =
      "Published endorsements; absent while an embargo hides them (see embargoUntil).";
  static final String EMBARGO_UNTIL =
      "Until when the list of signatories is under embargo (collected, not yet published); null"
          + " when there is none.";

  /** The embargo a caller is told of: none once the list is public. */
  static Instant embargoUntil(PublicLetter letter) {
    return letter.listPublic() ? null : letter.letter().embargoUntil;
  }

  static LetterSummary of(PublicLetter letter) {
    return new LetterSummary(
        letter.letter().slug,
        letter.text().language,
        letter.languages(),
        letter.text().title,
        letter.open(),
        letter.letter().closesAt,
        letter.counts(),
        embargoUntil(letter));
  }

  /** The list of letters. */
  @Schema(name = "LetterList")
  public record Page(@Schema(required = true) List<LetterSummary> items) {}
}
