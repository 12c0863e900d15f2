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
    tags = @Tag(name = "Letters", description = "The open letters and their public signatories."),
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
                          pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$"))
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
                  name = "NotAcceptable",
                  responseCode = "406",
                  description = "None of the media types in Accept is served here.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)))
            }))
public class UndersignedApi extends Application {}
