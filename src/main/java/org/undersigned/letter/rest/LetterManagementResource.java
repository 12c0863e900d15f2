package org.undersigned.letter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.security.Roles;
import org.undersigned.letter.service.LetterManagement;

/**
 * The coalition's admins make letters and change their settings, at the letters' public addresses
 * (beside {@link AdminLetterResource}, which reads them, and {@link LetterTranslationResource}).
 */
@Path("/api/v1/letters")
public class LetterManagementResource {

  private final LetterManagement management;

  public LetterManagementResource(LetterManagement management) {
    this.management = management;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Tag(name = "Letter management")
  @Operation(
      operationId = "createLetter",
      summary = "Create a letter",
      description =
          "A new letter, as a draft that only the coalition sees, with its text in its original"
              + " language. Open it with PUT /letters/{slug}.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location is the letter's public address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminLetterView.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "SlugTaken")
  public Response create(@Valid @NotNull LetterDraft draft) {
    TranslationText t = draft.text();
    LetterManagement.Managed managed =
        management.create(
            draft.slug(),
            draft.language(),
            draft.moderationPolicy(),
            draft.closesAt(),
            LetterTexts.of(t));
    return Response.created(URI.create("/api/v1/letters/" + managed.letter().slug))
        .header("Cache-Control", "no-store")
        .entity(AdminLetterView.of(managed.letter(), managed.texts(), managed.counts()))
        .build();
  }

  @PUT
  @Path("{slug}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Tag(name = "Letter management")
  @Operation(
      operationId = "configureLetter",
      summary = "Open, close or configure a letter",
      description =
          "Replaces the letter's settings: its status (open or close it), moderation policy,"
              + " closing date and embargo. A closed letter refuses new signatures and keeps its"
              + " list.")
  @APIResponse(
      responseCode = "200",
      description = "The letter as it now is.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminLetterView.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "InvalidTransition")
  public Response configure(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Valid @NotNull LetterSettings settings) {
    LetterManagement.Managed managed =
        management.configure(
            slug,
            settings.status(),
            settings.moderationPolicy(),
            settings.closesAt(),
            settings.embargoUntil(),
            settings.countsDuringEmbargo());
    return Response.ok(AdminLetterView.of(managed.letter(), managed.texts(), managed.counts()))
        .header("Cache-Control", "no-store")
        .build();
  }
}
