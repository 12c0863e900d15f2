package org.undersigned.common.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.Problem;

/** The API as a whole in the contract: its description and the pieces operations share. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "undersigned",
            version = "1.0.0",
            description =
                "Publishes an open letter and collects the endorsements of the organisations that"
                    + " sign it. Errors are RFC 9457 problem documents"
                    + " (application/problem+json). Anonymous endorsements are counted and never"
                    + " named in any answer."),
    tags = {
      @Tag(name = "Letters", description = "The open letters and their public signatories."),
      @Tag(
          name = "Signing",
          description =
              "Signing a letter, confirming the contact address, withdrawing. Writes are"
                  + " idempotent with Idempotency-Key."),
      @Tag(
          name = "Moderation",
          description = "The coalition's moderators: every endorsement, approval, rejection.")
    },
    components =
        @Components(
            parameters = {
              @Parameter(
                  name = "slug",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The letter's identifier.",
                  example = "un-china-human-rights",
                  schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
              @Parameter(
                  name = "lang",
                  in = ParameterIn.QUERY,
                  description =
                      "The language wanted (BCP 47). Wins over Accept-Language; a language the"
                          + " letter does not exist in gives its original language.",
                  example = "fr",
                  schema =
                      @Schema(
                          type = SchemaType.STRING,
                          pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")),
              @Parameter(
                  name = "endorsementId",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The endorsement's id.",
                  example = "0b7e3f9c-2d54-4a8e-9a51-6c2f4e1d8b3a",
                  schema = @Schema(type = SchemaType.STRING, format = "uuid")),
              @Parameter(
                  name = "Idempotency-Key",
                  in = ParameterIn.HEADER,
                  description =
                      "A key the client makes for this request (a UUID, say). A retry with the same"
                          + " key and body gets the first answer again and changes nothing; the"
                          + " same key with another body is refused. Keys are kept 24 hours.",
                  example = "5b0d7f3e-8c1a-4f7e-9d2b-3a6c8e1f0b94",
                  schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            },
            headers = {
              @Header(
                  name = "ETag",
                  description =
                      "Strong entity tag of the representation; send it back in If-None-Match.",
                  schema = @Schema(type = SchemaType.STRING)),
              @Header(
                  name = "Cache-Control",
                  description = "How long the representation may be kept.",
                  schema = @Schema(type = SchemaType.STRING)),
              @Header(
                  name = "Content-Language",
                  description = "The language of the representation.",
                  schema = @Schema(type = SchemaType.STRING))
            },
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description = "A parameter is not valid; `errors` names each one.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "LetterNotFound",
                  responseCode = "404",
                  description = "There is no public letter with this slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "SignatoryNotFound",
                  responseCode = "404",
                  description =
                      "The letter has no public signatory with this id (or there is no such"
                          + " letter).",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "LetterClosed",
                  responseCode = "409",
                  description = "The letter no longer takes signatures.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "PayloadTooLarge",
                  responseCode = "413",
                  description = "The request body is larger than 16 KiB.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  responseCode = "415",
                  description = "The body is not application/json.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "IdempotencyKeyReused",
                  responseCode = "422",
                  description = "This Idempotency-Key was used with another body.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "TokenUnknown",
                  responseCode = "404",
                  description = "The token is not one the service sent.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "TokenUsed",
                  responseCode = "409",
                  description = "The token was already used.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "TokenExpired",
                  responseCode = "410",
                  description = "The token has expired.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unauthorized",
                  responseCode = "401",
                  description = "No valid bearer token.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description = "The token lacks the role.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "EndorsementNotFound",
                  responseCode = "404",
                  description = "There is no endorsement with this id.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "InvalidTransition",
                  responseCode = "409",
                  description = "The endorsement's status does not allow this decision.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotAcceptable",
                  responseCode = "406",
                  description = "None of the media types in Accept is served here.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)))
            }))
public class UndersignedApi extends Application {}
