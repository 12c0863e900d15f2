package org.undersigned.common.http;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.Problem;
import org.undersigned.common.problem.ProblemMappers;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.problem.Problems;
import org.undersigned.common.problem.Redacted;
import org.undersigned.common.problem.Unavailable;

/**
 * The service's edge, what every request meets before (and after) the resources: load shedding
 * beyond {@code undersigned.http.max-in-flight} (503), the body limit (413), the security headers,
 * and problem documents for what never reaches a resource: a path under {@code /api} that no
 * resource serves, and failures of the HTTP layer itself. Its routes' order: {@link RouteOrder}.
 */
@ApplicationScoped
public class EdgeRoutes {

  private final long maxBodyBytes;
  private final long maxImportBytes;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();

  public EdgeRoutes(UndersignedConfig config) {
    this.maxBodyBytes = config.http().maxBodyBytes();
    this.maxImportBytes = config.http().maxImportBytes();
    this.maxInFlight = config.http().maxInFlight();
  }

  void install(@Observes Router router) {
    router.route().order(RouteOrder.EDGE).failureHandler(this::failure);
    router.route().order(RouteOrder.EDGE).handler(this::shed);
    router.route().order(RouteOrder.EDGE).handler(this::limitBody);
    router.route().order(RouteOrder.EDGE).handler(EdgeRoutes::securityHeaders);
    router.route("/api/*").order(RouteOrder.NOT_FOUND).handler(this::notFound);
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

  /**
   * Load shedding: beyond {@code undersigned.http.max-in-flight} requests at once, a request is
   * answered 503 with Retry-After at once, before it takes a worker thread or a connection, rather
   * than wait in a queue until the caller gives up. Health, metrics and the contract (/q/*) are
   * never refused, so that an orchestrator sees an overloaded instance as alive.
   */
  private void shed(RoutingContext ctx) {
    if (ctx.normalizedPath().startsWith("/q/")) {
      ctx.next();
      return;
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      ctx.response().putHeader("Retry-After", "1");
      write(ctx, Problems.of(ProblemType.SERVICE_UNAVAILABLE, locale(ctx)));
      return;
    }
    ctx.addEndHandler(done -> inFlight.decrementAndGet());
    ctx.next();
  }

  /**
   * Refuses a body over the limit. One announced as too large by its Content-Length is refused
   * before any of it is read. One without a Content-Length (chunked, or HTTP/2 without the header)
   * is read here, on the event loop, and refused the moment it passes the limit, so that no more
   * than the limit is ever held for a request; a body that fits is handed on as read (Quarkus REST
   * takes a body already read from the routing context). Imports may be larger, but only with a
   * Content-Length: before the resource's authentication, nobody's chunked body is held beyond the
   * common limit.
   */
  private void limitBody(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String length = request.getHeader("Content-Length");
    if (length != null) {
      try {
        long limit = ctx.normalizedPath().endsWith("/imports") ? maxImportBytes : maxBodyBytes;
        if (Long.parseLong(length.strip()) > limit) {
          tooLarge(ctx);
          return;
        }
      } catch (NumberFormatException malformed) {
        // The HTTP layer itself refuses a malformed Content-Length.
      }
      ctx.next();
      return;
    }
    if (request.isEnded() || !carriesBody(request.method())) {
      ctx.next();
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + chunk.length() > maxBodyBytes) {
            refused[0] = true;
            request.pause();
            tooLarge(ctx);
            return;
          }
          body.appendBuffer(chunk);
        });
    request.endHandler(
        end -> {
          if (!refused[0]) {
            ((RoutingContextInternal) ctx).setBody(body);
            ctx.next();
          }
        });
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      ctx.response().writeContinue();
    }
    request.resume();
  }

  private static boolean carriesBody(HttpMethod method) {
    return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
  }

  /**
   * The 413 problem; the connection is closed once it is written, so that the rest of the body is
   * never read (an HTTP/2 stream is reset instead, the connection serving others).
   */
  private static void tooLarge(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
    if (http1) {
      response.putHeader("Connection", "close");
    }
    write(ctx, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, locale(ctx)))
        .onComplete(
            written -> {
              if (http1) {
                ctx.request().connection().close();
              } else {
                response.reset();
              }
            });
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
    if (status == 503 || ctx.failure() != null && Unavailable.isDatabaseDown(ctx.failure())) {
      ctx.response().putHeader("Retry-After", Integer.toString(Unavailable.RETRY_AFTER_SECONDS));
      write(ctx, Problems.of(ProblemType.SERVICE_UNAVAILABLE, locale(ctx)));
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

  private static Future<Void> write(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    return response
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Language", locale(ctx).toLanguageTag())
        .end(Problems.json(problem));
  }
}
