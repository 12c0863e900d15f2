package org.undersigned.common.problem;

import java.util.List;
import org.undersigned.common.i18n.Localized;

/**
 * Thrown by services and resources to answer with a problem of a known kind; its texts are put in
 * the caller's language when the answer is written.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final Localized detail;
  private final List<FieldProblem> errors;

  /** A field at fault and why, to be put in the caller's language. */
  public record FieldProblem(String field, Localized message) {}

  public ProblemException(ProblemType type) {
    this(type, new Localized(type.detailKey()), null);
  }

  public ProblemException(ProblemType type, Localized detail, List<FieldProblem> errors) {
    super(type.uri(), null, false, false);
    this.type = type;
    this.detail = detail;
    this.errors = errors == null ? null : List.copyOf(errors);
  }

  /** A request whose one field is not valid; the message is a text key and its arguments. */
  public static ProblemException invalidField(String field, String messageKey, Object... args) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        new Localized(ProblemType.VALIDATION_FAILED.detailKey()),
        List.of(new FieldProblem(field, new Localized(messageKey, args))));
  }

  public ProblemType type() {
    return type;
  }

  public Localized detail() {
    return detail;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
