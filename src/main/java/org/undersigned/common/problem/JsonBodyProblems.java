package org.undersigned.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers bodies that are not the JSON a resource takes. The messages never echo the body: it may
 * hold a name or an address.
 */
public final class JsonBodyProblems {

  private JsonBodyProblems() {}

  static Response malformed() {
    return Problems.response(
        ProblemType.MALFORMED_REQUEST, "The request body is not well-formed JSON.");
  }

  static Response mismatched(JsonMappingException exception) {
    String field = pathOf(exception);
    String message =
        exception instanceof UnrecognizedPropertyException
            ? "is not a field of this request"
            : "has the wrong type or form";
    if (field.isEmpty()) {
      return Problems.response(
          ProblemType.MALFORMED_REQUEST, "The request body does not have the expected shape.");
    }
    ProblemType type = ProblemType.VALIDATION_FAILED;
    return Problems.response(
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            "One or more fields are not valid; see errors.",
            null,
            List.of(new Problem.FieldError(field, message))));
  }

  private static String pathOf(JsonMappingException exception) {
    return exception.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
        .collect(Collectors.joining("."));
  }

  /** Syntax errors. */
  @Provider
  public static class ParseMapper implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return malformed();
    }
  }

  /** Wrong types, unknown fields, missing bodies. */
  @Provider
  public static class MismatchMapper implements ExceptionMapper<MismatchedInputException> {
    @Override
    public Response toResponse(MismatchedInputException exception) {
      return mismatched(exception);
    }
  }

  /** Any other failure to bind the body. */
  @Provider
  public static class MappingMapper implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return mismatched(exception);
    }
  }
}
