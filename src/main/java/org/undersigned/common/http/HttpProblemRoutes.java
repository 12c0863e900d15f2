package org.undersigned.common.http;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.undersigned.common.problem.Problem;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.problem.Problems;
import org.undersigned.common.problem.Redacted;

/**
 * Problem documents for what never reaches a resource: a path under {@code /api} that no resource
 * serves, and failures of the HTTP layer itself (a body over the size limit, say).
 */
@ApplicationScoped
public class HttpProblemRoutes {

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    router.route("/api/*").order(Integer.MAX_VALUE).handler(this::notFound);
  }

  private void notFound(RoutingContext ctx) {
    ProblemType type = ProblemType.NOT_FOUND;
    write(
        ctx,
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            "There is no resource at this path.",
            null,
            null));
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    int status = ctx.statusCode();
    if (status >= 400 && status < 500) {
      ProblemType type =
          status == 413 ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.MALFORMED_REQUEST;
      String detail =
          status == 413
              ? "The request body is larger than this resource takes."
              : "The request cannot be read.";
      write(ctx, new Problem(type.uri(), type.title(), status, detail, null, null));
      return;
    }
    String incident = "urn:uuid:" + UUID.randomUUID();
    Throwable failure = ctx.failure();
    Log.errorf(
        "HTTP layer failure, incident %s: %s",
        incident, failure == null ? "status " + status : Redacted.describe(failure));
    ProblemType type = ProblemType.INTERNAL_ERROR;
    write(
        ctx,
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            "The service failed to answer this request. Quote the instance when reporting it.",
            incident,
            null));
  }

  private static void write(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    response
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8")
        .putHeader("Cache-Control", "no-store")
        .end(Problems.json(problem));
  }
}
