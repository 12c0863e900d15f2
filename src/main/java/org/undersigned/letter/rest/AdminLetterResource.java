package org.undersigned.letter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.security.Roles;
import org.undersigned.letter.service.LetterManagement;

/** A letter as the coalition sees it, drafts included. */
@Path("/api/v1/admin/letters/{slug}")
@Tag(name = "Letter management")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
public class AdminLetterResource {

  private final LetterManagement management;

  public AdminLetterResource(LetterManagement management) {
    this.management = management;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getLetterForManagement",
      summary = "Read a letter's settings and texts",
      description = "Drafts included; the counts whatever the embargo.")
  @APIResponse(
      responseCode = "200",
      description = "The letter.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminLetterView.class)))
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "LetterNotFound")
  public Response get(@Parameter(ref = "slug") @PathParam("slug") String slug) {
    LetterManagement.Managed managed =
        management.find(slug).orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND));
    return Response.ok(AdminLetterView.of(managed.letter(), managed.texts(), managed.counts()))
        .header("Cache-Control", "no-store, private")
        .build();
  }
}
