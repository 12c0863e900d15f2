package org.undersigned.letter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.security.Roles;
import org.undersigned.letter.service.LetterManagement;

/** A letter's text in one language: adding a language, or a new version of it. */
@Path("/api/v1/letters/{slug}/translations/{language}")
@Tag(name = "Letter management")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class LetterTranslationResource {

  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$");

  private final LetterManagement management;

  public LetterTranslationResource(LetterManagement management) {
    this.management = management;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putLetterTranslation",
      summary = "Add or edit a letter's text in one language",
      description =
          "Stores the text as a new version (the first, for a new language). Earlier versions"
              + " stay: each endorsement keeps the version and language its signer saw.")
  @APIResponse(
      responseCode = "201",
      description = "A new language.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminLetterView.class)))
  @APIResponse(
      responseCode = "200",
      description = "A new version of an existing language.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminLetterView.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "LetterNotFound")
  public Response put(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(
              description = "The language of the text (BCP 47, lower-case language subtag).",
              example = "en",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      maxLength = 35,
                      pattern = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$"))
          @PathParam("language")
          String language,
      @Valid @NotNull TranslationText text) {
    if (!LANGUAGE.matcher(language).matches()) {
      throw ProblemException.invalidField("language", "field.lang.invalid");
    }
    LetterManagement.TextPut put = management.putText(slug, language, LetterTexts.of(text));
    LetterManagement.Managed managed = put.letter();
    return Response.status(put.newLanguage() ? 201 : 200)
        .type(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .entity(AdminLetterView.of(managed.letter(), managed.texts(), managed.counts()))
        .build();
  }
}
