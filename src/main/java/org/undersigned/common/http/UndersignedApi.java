package org.undersigned.common.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "BadRequest",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:validation-failed\", \"title\": \"The request is not valid\", \"status\": 400, \"detail\": \"One or more fields are not valid; see errors.\", \"errors\": [{\"field\": \"contactEmail\", \"message\": \"must be an e-mail address, such as contact@example.org\"}, {\"field\": \"country\", \"message\": \"must be an ISO 3166-1 alpha-2 country code in capitals, such as FR\"}]}"))),
              @APIResponse(
                  name = "LetterNotFound",
                  responseCode = "404",
                  description = "There is no public letter with this slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "LetterNotFound",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:letter-not-found\", \"title\": \"Letter not found\", \"status\": 404, \"detail\": \"There is no public letter with this slug.\"}"))),
              @APIResponse(
                  name = "NotFound",
                  responseCode = "404",
                  description = "There is nothing at this path.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "NotFound",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:not-found\", \"title\": \"Not found\", \"status\": 404, \"detail\": \"There is no resource at this path.\"}"))),
              @APIResponse(
                  name = "SignatoryNotFound",
                  responseCode = "404",
                  description =
                      "The letter has no public signatory with this id (or there is no such"
                          + " letter).",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "SignatoryNotFound",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:signatory-not-found\", \"title\": \"Signatory not found\", \"status\": 404, \"detail\": \"This letter has no public signatory with this id.\"}"))),
              @APIResponse(
                  name = "LetterClosed",
                  responseCode = "409",
                  description = "The letter no longer takes signatures.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "LetterClosed",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:letter-closed\", \"title\": \"Letter closed\", \"status\": 409, \"detail\": \"This letter no longer takes signatures.\"}"))),
              @APIResponse(
                  name = "PayloadTooLarge",
                  responseCode = "413",
                  description = "The request body is larger than 16 KiB.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "PayloadTooLarge",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:payload-too-large\", \"title\": \"Request body too large\", \"status\": 413, \"detail\": \"The request body is larger than this resource takes.\"}"))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  responseCode = "415",
                  description = "The body is not application/json.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "UnsupportedMediaType",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:unsupported-media-type\", \"title\": \"Unsupported media type\", \"status\": 415, \"detail\": \"This resource does not take a body of this media type.\"}"))),
              @APIResponse(
                  name = "IdempotencyKeyReused",
                  responseCode = "422",
                  description = "This Idempotency-Key was used with another body.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "IdempotencyKeyReused",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:idempotency-key-reused\", \"title\": \"Idempotency key reused\", \"status\": 422, \"detail\": \"This Idempotency-Key was used with another request body. Use a new key for a new request.\"}"))),
              @APIResponse(
                  name = "TokenUnknown",
                  responseCode = "404",
                  description = "The token is not one the service sent.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "TokenUnknown",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:token-unknown\", \"title\": \"Unknown link\", \"status\": 404, \"detail\": \"This link is not one the service sent. Check that it was copied whole.\"}"))),
              @APIResponse(
                  name = "TokenUsed",
                  responseCode = "409",
                  description = "The token was already used.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "TokenUsed",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:token-used\", \"title\": \"Link already used\", \"status\": 409, \"detail\": \"This link has already been used; each link works once.\"}"))),
              @APIResponse(
                  name = "TokenExpired",
                  responseCode = "410",
                  description = "The token has expired.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "TokenExpired",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:token-expired\", \"title\": \"Link expired\", \"status\": 410, \"detail\": \"This link has expired. Sign again, or ask for a new withdrawal link.\"}"))),
              @APIResponse(
                  name = "Unauthorized",
                  responseCode = "401",
                  description = "No valid bearer token.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "Unauthorized",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:unauthorized\", \"title\": \"Authentication required\", \"status\": 401, \"detail\": \"This resource needs a valid bearer token.\"}"))),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description = "The token lacks the role.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "Forbidden",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:forbidden\", \"title\": \"Not allowed\", \"status\": 403, \"detail\": \"Your token does not give the role this resource needs.\"}"))),
              @APIResponse(
                  name = "EndorsementNotFound",
                  responseCode = "404",
                  description = "There is no endorsement with this id.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "EndorsementNotFound",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:endorsement-not-found\", \"title\": \"Endorsement not found\", \"status\": 404, \"detail\": \"There is no endorsement with this id.\"}"))),
              @APIResponse(
                  name = "InvalidTransition",
                  responseCode = "409",
                  description = "The endorsement's status does not allow this decision.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "InvalidTransition",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:invalid-transition\", \"title\": \"Not possible in this status\", \"status\": 409, \"detail\": \"The endorsement is not in a status that allows this decision.\"}"))),
              @APIResponse(
                  name = "SlugTaken",
                  responseCode = "409",
                  description = "Another letter already has this slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "SlugTaken",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:slug-taken\", \"title\": \"Slug taken\", \"status\": 409, \"detail\": \"Another letter already has this slug.\"}"))),
              @APIResponse(
                  name = "WebhookNotFound",
                  responseCode = "404",
                  description = "There is no registered webhook with this id.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "WebhookNotFound",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:webhook-not-found\", \"title\": \"Webhook not found\", \"status\": 404, \"detail\": \"There is no registered webhook with this id.\"}"))),
              @APIResponse(
                  name = "TooManyRequests",
                  responseCode = "429",
                  description =
                      "Too many attempts in a short time; Retry-After says when to try again.",
                  headers = @Header(ref = "Retry-After"),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "TooManyRequests",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:too-many-requests\", \"title\": \"Too many requests\", \"status\": 429, \"detail\": \"Too many submissions from this address or for this e-mail in a short time. Try again after the time in Retry-After.\"}"))),
              @APIResponse(
                  name = "InternalError",
                  responseCode = "500",
                  description =
                      "An unforeseen failure, logged with the incident id in `instance`; nothing"
                          + " about the request is echoed.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "InternalError",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:internal-error\", \"title\": \"Internal error\", \"status\": 500, \"detail\": \"The service failed to answer this request. Quote the instance when reporting it.\", \"instance\": \"urn:uuid:4f0c2a9e-7b1d-4c3e-9a8f-2d6b5e1c0a7f\"}"))),
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
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "ServiceUnavailable",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:service-unavailable\", \"title\": \"Service temporarily unavailable\", \"status\": 503, \"detail\": \"The service cannot answer now; try again shortly.\"}"))),
              @APIResponse(
                  name = "NotAcceptable",
                  responseCode = "406",
                  description = "None of the media types in Accept is served here.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "NotAcceptable",
                                  value =
                                      "{\"type\": \"urn:undersigned:problem:not-acceptable\", \"title\": \"No acceptable representation\", \"status\": 406, \"detail\": \"This resource has no representation in the media types of the Accept header.\"}")))
            }))
public class UndersignedApi extends Application {}
