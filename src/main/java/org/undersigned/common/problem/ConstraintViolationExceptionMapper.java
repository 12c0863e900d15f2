package org.undersigned.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Answers a failed Bean Validation with a 400 problem that names each field at fault. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    ProblemType type = ProblemType.VALIDATION_FAILED;
    return Problems.response(
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            "One or more fields are not valid; see errors.",
            null,
            errors));
  }

  /**
   * The caller's name for the field: the properties of a body ({@code submit.body.name} gives
   * {@code name}), or else the query parameter's name ({@code list.limit} gives {@code limit}).
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    String parameter = null;
    List<String> properties = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        properties.add(node.getName());
      }
    }
    if (!properties.isEmpty()) {
      return String.join(".", properties);
    }
    return parameter == null ? "request" : parameter;
  }
}
