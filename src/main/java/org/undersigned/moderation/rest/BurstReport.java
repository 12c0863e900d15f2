package org.undersigned.moderation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.moderation.service.Bursts;

/** What a burst holds, and what was done with it. */
@Schema(name = "BurstReport")
public record BurstReport(
    @Schema(required = true, description = "Endorsements in play that the criteria match.")
        long matched,
    @Schema(required = true, description = "The matched endorsements by status.") ByStatus byStatus,
    @Schema(required = true, description = "How many were rejected (0 in a preview).") int rejected,
    @Schema(required = true, description = "Whether this was only a preview.") boolean preview) {

  /** The matched endorsements by status. */
  @Schema(name = "BurstByStatus")
  public record ByStatus(
      @Schema(required = true) long pendingConfirmation,
      @Schema(required = true) long confirmed,
      @Schema(required = true) long published) {}

  static BurstReport of(Bursts.Report report) {
    return new BurstReport(
        report.matched(),
        new ByStatus(
            report.byStatus().get("PENDING_CONFIRMATION"),
            report.byStatus().get("CONFIRMED"),
            report.byStatus().get("PUBLISHED")),
        report.rejected(),
        report.preview());
  }
}
