package org.undersigned.common.problem;

import java.util.List;

/** Thrown by services and resources to answer with a problem of a known kind. */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final String detail;
  private final List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(type.title(), null, false, false);
    this.type = type;
    this.detail = detail;
    this.errors = errors == null ? null : List.copyOf(errors);
  }

  /** A request whose one field is not valid. */
  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        "The field " + field + " is not valid.",
        List.of(new Problem.FieldError(field, message)));
  }

  public ProblemType type() {
    return type;
  }

  public Problem toProblem() {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, errors);
  }
}
