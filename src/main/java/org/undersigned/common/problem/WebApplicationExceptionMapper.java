package org.undersigned.common.problem;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the framework's own HTTP errors (unknown path, method not allowed, no acceptable
 * representation, unsupported media type) with problem documents.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status >= 500) {
      Log.errorf("Framework error %d: %s", status, Redacted.describe(exception));
    }
    return Problems.response(problemFor(status));
  }

  /** The problem for an HTTP status the framework chose. */
  static Problem problemFor(int status) {
    ProblemType type =
        switch (status) {
          case 400 -> ProblemType.MALFORMED_REQUEST;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case 503 -> ProblemType.SERVICE_UNAVAILABLE;
          default -> null;
        };
    if (type != null) {
      return new Problem(type.uri(), type.title(), status, detailOf(type), null, null);
    }
    if (status >= 400 && status < 500) {
      // RFC 9457: "about:blank" carries no more than the status itself.
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Client error" : known.getReasonPhrase();
      return new Problem("about:blank", title, status, null, null, null);
    }
    ProblemType internal = ProblemType.INTERNAL_ERROR;
    return new Problem(internal.uri(), internal.title(), 500, detailOf(internal), null, null);
  }

  private static String detailOf(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "There is no resource at this path.";
      case METHOD_NOT_ALLOWED -> "This resource does not answer this method.";
      case NOT_ACCEPTABLE ->
          "This resource has no representation in the media types of the Accept header.";
      case UNSUPPORTED_MEDIA_TYPE -> "This resource does not take a body of this media type.";
      case PAYLOAD_TOO_LARGE -> "The request body is larger than this resource takes.";
      case SERVICE_UNAVAILABLE -> "The service cannot answer now; try again shortly.";
      case INTERNAL_ERROR -> "The service failed to answer this request.";
      default -> "The request cannot be read.";
    };
  }
}
