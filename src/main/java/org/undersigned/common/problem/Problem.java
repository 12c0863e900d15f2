package org.undersigned.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem document.")
public record Problem(
    @Schema(
            required = true,
            description = "Stable identifier of the kind of problem.",
            examples = "urn:undersigned:problem:letter-not-found")
        String type,
    @Schema(
            required = true,
            description = "Short human summary of the kind of problem.",
            examples = "Letter not found")
        String title,
    @Schema(required = true, description = "The HTTP status code.", examples = "404") int status,
    @Schema(
            description = "Human explanation of this occurrence.",
            examples = "There is no published letter with this slug.")
        String detail,
    @Schema(
            description = "Identifier of this occurrence, to quote when reporting it.",
            examples = "urn:uuid:3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f")
        String instance,
    @Schema(description = "For a request that is not valid: each field at fault.")
        List<FieldError> errors) {

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field of a request that is not valid, and why. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(
              required = true,
              description = "The field, query parameter or header at fault.",
              examples = "limit")
          String field,
      @Schema(
              required = true,
              description = "What is wrong with it.",
              examples = "must be between 1 and 200")
          String message) {}
}
