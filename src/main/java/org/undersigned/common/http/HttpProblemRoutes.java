package org.undersigned.common.http;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.UUID;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.Problem;
import org.undersigned.common.problem.ProblemMappers;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.problem.Problems;
import org.undersigned.common.problem.Redacted;

/**
 * Problem documents for what never reaches a resource: a body over the size limit, a path under
 * {@code /api} that no resource serves, and failures of the HTTP layer itself.
 */
@ApplicationScoped
public class HttpProblemRoutes {

  private final long maxBodyBytes;
  private final long maxImportBytes;

  public HttpProblemRoutes(UndersignedConfig config) {
    this.maxBodyBytes = config.http().maxBodyBytes();
    this.maxImportBytes = config.http().maxImportBytes();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    router.route().order(Integer.MIN_VALUE).handler(this::limitBody);
    router.route().order(Integer.MIN_VALUE).handler(HttpProblemRoutes::securityHeaders);
    router.route("/api/*").order(Integer.MAX_VALUE).handler(this::notFound);
  }

  /**
   * Headers every answer carries: no content sniffing, and no full address (a link's token) in the
   * Referer of what a page links to.
   */
  private static void securityHeaders(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    ctx.addHeadersEndHandler(
        v -> {
          response.headers().set("X-Content-Type-Options", "nosniff");
          // A page may ask for less (the link pages send none at all).
          if (!response.headers().contains("Referrer-Policy")) {
            response.headers().set("Referrer-Policy", "strict-origin-when-cross-origin");
          }
        });
    ctx.next();
  }

  /** Refuses a body announced as too large before reading any of it. */
  private void limitBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    if (length != null) {
      try {
        long limit = ctx.normalizedPath().endsWith("/imports") ? maxImportBytes : maxBodyBytes;
        if (Long.parseLong(length.strip()) > limit) {
          ctx.response().putHeader("Connection", "close");
          write(ctx, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, locale(ctx)));
          return;
        }
      } catch (NumberFormatException malformed) {
        // The HTTP layer itself refuses a malformed Content-Length.
      }
    }
    ctx.next();
  }

  private void notFound(RoutingContext ctx) {
    write(ctx, Problems.of(ProblemType.NOT_FOUND, locale(ctx)));
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    int status = ctx.statusCode();
    if (status >= 400 && status < 500) {
      write(ctx, ProblemMappers.forStatus(status, locale(ctx)));
      return;
    }
    String incident = "urn:uuid:" + UUID.randomUUID();
    Throwable failure = ctx.failure();
    Log.errorf(
        "HTTP layer failure, incident %s: %s",
        incident, failure == null ? "status " + status : Redacted.describe(failure));
    Problem bare = Problems.of(ProblemType.INTERNAL_ERROR, locale(ctx));
    write(
        ctx, new Problem(bare.type(), bare.title(), bare.status(), bare.detail(), incident, null));
  }

  private static Locale locale(RoutingContext ctx) {
    return Texts.fromAcceptLanguage(ctx.request().getHeader("Accept-Language"));
  }

  private static void write(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    response
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Language", locale(ctx).toLanguageTag())
        .end(Problems.json(problem));
  }
}
