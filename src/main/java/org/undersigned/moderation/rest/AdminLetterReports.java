package org.undersigned.moderation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.security.Roles;
import org.undersigned.moderation.service.ModerationService;

/** What the coalition takes away from a letter: the full export, and counts per partner. */
public final class AdminLetterReports {

  private AdminLetterReports() {}

  /** The full export. */
  @Path("/api/v1/admin/letters/{slug}/endorsements.csv")
  @Tag(name = "Moderation")
  @SecurityRequirement(name = "bearer")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  public static class Export {
    private final ModerationService moderation;

    public Export(ModerationService moderation) {
      this.moderation = moderation;
    }

    @GET
    @Produces("text/csv")
    @Operation(
        operationId = "exportEndorsements",
        summary = "Export every endorsement as CSV",
        description =
            "Every endorsement of the letter, any status, with its verification, source and"
                + " contact data, in order of arrival. For moderators only: it holds personal"
                + " data and anonymous names.")
    @APIResponse(
        responseCode = "200",
        description = "The export.",
        content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "LetterNotFound")
    public Response export(@Parameter(ref = "slug") @PathParam("slug") String slug) {
      String csv =
          moderation
              .exportCsv(slug)
              .orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND));
      return Response.ok(csv, "text/csv;charset=UTF-8;header=present")
          .header("Cache-Control", "no-store, private")
          .header("Content-Disposition", "attachment; filename=\"" + slug + "-endorsements.csv\"")
          .build();
    }
  }

  /** Counts per source and partner. */
  @Path("/api/v1/admin/letters/{slug}/sources")
  @Tag(name = "Moderation")
  @SecurityRequirement(name = "bearer")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  public static class Sources {
    private final ModerationService moderation;

    public Sources(ModerationService moderation) {
      this.moderation = moderation;
    }

    /** One line of the report. */
    @Schema(name = "SourceCount")
    public record Line(
        @Schema(required = true, examples = "PARTNER") String source,
        @Schema(nullable = true, examples = "amnesty-fr") String partner,
        @Schema(required = true, examples = "120") long total,
        @Schema(required = true, examples = "97") long published) {}

    /** The report. */
    @Schema(name = "SourceReport")
    public record Report(@Schema(required = true) List<Line> items) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "countEndorsementsBySource",
        summary = "Count endorsements per source and partner",
        description =
            "How many endorsements each source (IMPORTED, WEB, PARTNER) and each partner brought"
                + " to the letter, and how many of them are published.")
    @APIResponse(
        responseCode = "200",
        description = "The counts.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Report.class)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "LetterNotFound")
    public Response sources(@Parameter(ref = "slug") @PathParam("slug") String slug) {
      List<Line> lines =
          moderation
              .countsBySource(slug)
              .orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND))
              .stream()
              .map(c -> new Line(c.source(), c.partner(), c.total(), c.published()))
              .toList();
      return AdminEndorsementResources.ok(new Report(lines));
    }
  }
}
