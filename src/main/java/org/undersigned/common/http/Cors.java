package org.undersigned.common.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.undersigned.common.config.UndersignedConfig;

/**
 * CORS for partner sites: only the configured origins get a grant, never with credentials, and only
 * for the public methods and headers; the admin API's Authorization header is never granted, so no
 * partner page can act as a moderator. Read at run time from {@code undersigned.partners.origins},
 * unlike Quarkus's own CORS settings, which are fixed at build.
 */
@ApplicationScoped
public class Cors {

  static final String ALLOWED_METHODS = "GET, HEAD, POST";
  static final String ALLOWED_HEADERS =
      "Accept, Accept-Language, Content-Type, Idempotency-Key, If-None-Match";
  static final String EXPOSED_HEADERS = "ETag, Content-Language, Retry-After, Location";
  static final String MAX_AGE = "86400";

  private final Set<String> origins;

  public Cors(UndersignedConfig config) {
    this.origins = Set.copyOf(config.partners().origins().orElse(List.of()));
  }

  void install(@Observes Router router) {
    router.route().order(RouteOrder.CORS).handler(this::handle);
  }

  private static void mergeVary(HttpServerResponse response) {
    Set<String> values = new java.util.LinkedHashSet<>();
    for (String header : response.headers().getAll("Vary")) {
      for (String value : header.split(",")) {
        if (!value.isBlank()) {
          values.add(value.strip());
        }
      }
    }
    values.add("Origin");
    response.headers().set("Vary", String.join(", ", values));
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader("Origin");
    if (origin == null) {
      ctx.next();
      return;
    }
    HttpServerResponse response = ctx.response();
    // One Vary header, whatever the resource adds to it later.
    ctx.addHeadersEndHandler(v -> mergeVary(response));
    boolean granted = origins.contains(origin);
    boolean preflight =
        request.method() == HttpMethod.OPTIONS
            && request.getHeader("Access-Control-Request-Method") != null;
    if (preflight) {
      if (granted && ALLOWED_METHODS.contains(request.getHeader("Access-Control-Request-Method"))) {
        response
            .putHeader("Access-Control-Allow-Origin", origin)
            .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
            .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
            .putHeader("Access-Control-Max-Age", MAX_AGE);
      }
      // An unknown origin gets an answer without any grant: the browser then refuses the call.
      response.setStatusCode(204).end();
      return;
    }
    if (granted) {
      response
          .putHeader("Access-Control-Allow-Origin", origin)
          .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
    ctx.next();
  }
}
