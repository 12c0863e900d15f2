package org.undersigned.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Builds problem answers; the one place that knows their shape and headers. */
public final class Problems {

  // Serialised here rather than by the negotiated writer, so that a problem is JSON even when
  // the caller accepted only, say, text/html.
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  public static Response response(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
        .header("Cache-Control", "no-store")
        .entity(json(problem))
        .build();
  }

  public static Response response(ProblemType type, String detail) {
    return response(new Problem(type.uri(), type.title(), type.status(), detail, null, null));
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
