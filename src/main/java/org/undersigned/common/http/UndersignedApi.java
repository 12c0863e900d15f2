package org.undersigned.common.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.Problem;

/**
 * The API as a whole in the contract: its description and the pieces operations share. Each shared
 * problem response names its example ({@link ContractProblems#EXAMPLE}); {@link ContractProblems}
 * makes the example from {@code ProblemType} and the texts the service answers with.
 *
 * <p>Over 300 lines because it is the contract's shared parameters, headers and responses, one
 * declaration each, which the annotation scanner needs in one {@code @OpenAPIDefinition}.
 */
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
          description = "The coalition's moderators: every endorsement, approval, rejection."),
      @Tag(
          name = "Webhooks",
          description = "Integrators' endpoints: signed events, retried until delivered."),
      @Tag(
          name = "Letter management",
          description = "The coalition's admins: letters, their texts and settings.")
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
                          maxLength = 35,
                          pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")),
              @Parameter(
                  name = "cursor",
                  in = ParameterIn.QUERY,
                  description = "The `nextCursor` of the previous page.",
                  schema = @Schema(type = SchemaType.STRING, maxLength = 128)),
              @Parameter(
                  name = "limit",
                  in = ParameterIn.QUERY,
                  description = "How many items at most.",
                  schema =
                      @Schema(
                          type = SchemaType.INTEGER,
                          format = "int32",
                          minimum = "1",
                          maximum = "200",
                          defaultValue = "50")),
              @Parameter(
                  name = "endorsementId",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The endorsement's id.",
                  example = "0b7e3f9c-2d54-4a8e-9a51-6c2f4e1d8b3a",
                  schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)),
              @Parameter(
                  name = "webhookId",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The webhook's id.",
                  schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)),
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
                  schema = @Schema(type = SchemaType.STRING, maxLength = 64)),
              @Header(
                  name = "Cache-Control",
                  description = "How long the representation may be kept.",
                  schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
              @Header(
                  name = "Retry-After",
                  description = "Seconds to wait before trying again.",
                  schema =
                      @Schema(
                          type = SchemaType.INTEGER,
                          format = "int32",
                          minimum = "1",
                          maximum = "86400")),
              @Header(
                  name = "Content-Language",
                  description = "The language of the representation.",
                  schema = @Schema(type = SchemaType.STRING, maxLength = 35))
            },
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description = "A parameter is not valid; `errors` names each one.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "BadRequest")),
              @APIResponse(
                  name = "LetterNotFound",
                  responseCode = "404",
                  description = "There is no public letter with this slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "LetterNotFound")),
              @APIResponse(
                  name = "NotFound",
                  responseCode = "404",
                  description = "There is nothing at this path.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "NotFound")),
              @APIResponse(
                  name = "SignatoryNotFound",
                  responseCode = "404",
                  description =
                      "The letter has no public signatory with this id (or there is no such"
                          + " letter).",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "SignatoryNotFound")),
              @APIResponse(
                  name = "LetterClosed",
                  responseCode = "409",
                  description = "The letter no longer takes signatures.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "LetterClosed")),
              @APIResponse(
                  name = "PayloadTooLarge",
                  responseCode = "413",
                  description = "The request body is larger than 16 KiB.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "PayloadTooLarge")),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  responseCode = "415",
                  description = "The body is not application/json.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "UnsupportedMediaType")),
              @APIResponse(
                  name = "IdempotencyKeyReused",
                  responseCode = "422",
                  description = "This Idempotency-Key was used with another body.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "IdempotencyKeyReused")),
              @APIResponse(
                  name = "TokenUnknown",
                  responseCode = "404",
                  description = "The token is not one the service sent.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "TokenUnknown")),
              @APIResponse(
                  name = "TokenUsed",
                  responseCode = "409",
                  description = "The token was already used.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "TokenUsed")),
              @APIResponse(
                  name = "TokenExpired",
                  responseCode = "410",
                  description = "The token has expired.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "TokenExpired")),
              @APIResponse(
                  name = "Unauthorized",
                  responseCode = "401",
                  description = "No valid bearer token.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "Unauthorized")),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description = "The token lacks the role.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "Forbidden")),
              @APIResponse(
                  name = "EndorsementNotFound",
                  responseCode = "404",
                  description = "There is no endorsement with this id.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "EndorsementNotFound")),
              @APIResponse(
                  name = "InvalidTransition",
                  responseCode = "409",
                  description = "The endorsement's status does not allow this decision.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "InvalidTransition")),
              @APIResponse(
                  name = "SlugTaken",
                  responseCode = "409",
                  description = "Another letter already has this slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "SlugTaken")),
              @APIResponse(
                  name = "WebhookNotFound",
                  responseCode = "404",
                  description = "There is no registered webhook with this id.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "WebhookNotFound")),
              @APIResponse(
                  name = "TooManyRequests",
                  responseCode = "429",
                  description =
                      "Too many attempts in a short time; Retry-After says when to try again.",
                  headers = @Header(ref = "Retry-After"),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "TooManyRequests")),
              @APIResponse(
                  name = "InternalError",
                  responseCode = "500",
                  description =
                      "An unforeseen failure, logged with the incident id in `instance`; nothing"
                          + " about the request is echoed.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "InternalError")),
              @APIResponse(
                  name = "ServiceUnavailable",
                  responseCode = "503",
                  description =
                      "Overloaded (more requests at once than the service takes) or its database"
                          + " is away; Retry-After says when to try again. Nothing was changed.",
                  headers = @Header(ref = "Retry-After"),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions =
                      @Extension(name = ContractProblems.EXAMPLE, value = "ServiceUnavailable")),
              @APIResponse(
                  name = "NotAcceptable",
                  responseCode = "406",
                  description = "None of the media types in Accept is served here.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)),
                  extensions = @Extension(name = ContractProblems.EXAMPLE, value = "NotAcceptable"))
            }))
public class UndersignedApi extends Application {}
