package org.undersigned.endorsement.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.security.Roles;

/** Bulk import of endorsements collected elsewhere, as CSV or JSON. */
@Path("/api/v1/admin/letters/{slug}/imports")
@Tag(name = "Letter management")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

  private final ImportService imports;

  public ImportResource(ImportService imports) {
    this.imports = imports;
  }

  @POST
  @Consumes("text/csv")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "importEndorsementsCsv",
      summary = "Import endorsements (CSV)",
      description =
          "CSV with a header row naming some of: reference, kind, name, country, website,"
              + " contactName (or contact_name), contactEmail (or contact_email), anonymous."
              + " Each row becomes a published endorsement unless it is refused (the report says"
              + " why) or its organisation is already published (merged). Importing the same"
              + " rows again changes nothing.")
  @RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      description = "At most undersigned.http.max-import-bytes (8 MiB by default).",
                      maxLength = 8388608)))
  @APIResponse(
      responseCode = "200",
      description = "The report.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "PayloadTooLarge")
  public Response importCsv(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      String csv) {
    return report(
        imports.importCsv(slug, csv == null ? "" : csv, Texts.fromAcceptLanguage(acceptLanguage)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "importEndorsementsJson",
      summary = "Import endorsements (JSON)",
      description = "The same as the CSV import, with an array of rows.")
  @APIResponse(
      responseCode = "200",
      description = "The report.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "PayloadTooLarge")
  public Response importJson(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @NotNull @Size(max = 20000) List<@NotNull ImportRow> rows) {
    return report(imports.importRows(slug, rows, Texts.fromAcceptLanguage(acceptLanguage)));
  }

  private static Response report(java.util.Optional<ImportReport> report) {
    return Response.ok(
            report.orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND)),
            MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .build();
  }
}
