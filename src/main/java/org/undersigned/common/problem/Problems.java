package org.undersigned.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.undersigned.common.i18n.Texts;

/** Builds problem answers; the one place that knows their shape and headers. */
public final class Problems {

  // Serialised here rather than by the negotiated writer, so that a problem is JSON even when
  // the caller accepted only, say, text/html.
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /** A problem of a kind, its title and detail in a language. */
  public static Problem of(
      ProblemType type, Locale locale, String detail, List<Problem.FieldError> errors) {
    return new Problem(
        type.uri(), Texts.text(locale, type.titleKey()), type.status(), detail, null, errors);
  }

  /** A problem of a kind with its default detail. */
  public static Problem of(ProblemType type, Locale locale) {
    return of(type, locale, Texts.text(locale, type.detailKey()), null);
  }

  /** The problem a {@link ProblemException} stands for, in a language. */
  public static Problem of(ProblemException exception, Locale locale) {
    List<Problem.FieldError> errors =
        exception.errors() == null
            ? null
            : exception.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), e.message().in(locale)))
                .toList();
    return of(exception.type(), locale, exception.detail().in(locale), errors);
  }

  public static Response response(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
        .header("Cache-Control", "no-store")
        .entity(json(problem))
        .build();
  }

  /** The JSON text of a problem. */
  public static String json(Problem problem) {
    try {
      return JSON.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      // A record of strings and numbers always serialises; this cannot happen.
      throw new IllegalStateException(e);
    }
  }
}
