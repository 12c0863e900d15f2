package org.undersigned.letter.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.ModerationPolicy;

/** A letter as the coalition manages it: its settings and the versions of its texts. */
@Schema(name = "AdminLetter")
public record AdminLetterView(
    @Schema(required = true) String slug,
    @Schema(required = true) String originalLanguage,
    @Schema(required = true) LetterStatus status,
    @Schema(required = true) ModerationPolicy moderationPolicy,
    @Schema(required = true, nullable = true, implementation = String.class, format = "date-time")
        Instant closesAt,
    @Schema(required = true, nullable = true, implementation = String.class, format = "date-time")
        Instant embargoUntil,
    @Schema(required = true) boolean countsDuringEmbargo,
    @Schema(required = true, description = "The latest version of each language's text.")
        List<TextVersion> texts,
    @Schema(required = true, description = "Published endorsements, embargo or not.")
        Counts counts) {

  /** One language's text, at its latest version. */
  @Schema(name = "LetterTextVersion")
  public record TextVersion(
      @Schema(required = true, examples = "en") String language,
      @Schema(required = true, examples = "1") int textVersion,
      @Schema(required = true, implementation = String.class, format = "date-time")
          Instant createdAt) {}

  static AdminLetterView of(Letter letter, List<LetterTranslation> texts, Counts counts) {
    return new AdminLetterView(
        letter.slug,
        letter.originalLanguage,
        letter.status,
        letter.moderationPolicy,
        letter.closesAt,
        letter.embargoUntil,
        letter.countsDuringEmbargo,
        texts.stream().map(t -> new TextVersion(t.language, t.textVersion, t.createdAt)).toList(),
        counts);
  }
}
