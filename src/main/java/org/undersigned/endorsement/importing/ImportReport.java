package org.undersigned.endorsement.importing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.common.problem.Problem;

/** What an import did with each row. */
@Schema(name = "ImportReport")
public record ImportReport(
    @Schema(required = true, description = "Rows published as new endorsements.", examples = "240")
        int taken,
    @Schema(
            required = true,
            description = "Rows of an organisation already published: merged into it.",
            examples = "3")
        int merged,
    @Schema(
            required = true,
            description = "Rows an earlier import already took: left as they are.",
            examples = "0")
        int unchanged,
    @Schema(required = true, description = "Rows refused, with the reasons.")
        List<Refusal> refused) {

  /** A refused row: its number (1 is the first row after the header) and what is wrong. */
  @Schema(name = "ImportRefusal")
  public record Refusal(
      @Schema(required = true, examples = "17") int row,
      @Schema(nullable = true, examples = "coalition-2020-0058") String reference,
      @Schema(required = true) List<Problem.FieldError> errors) {}
}
