package org.undersigned.common.http;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The contract on the public port. Quarkus serves the OpenAPI document, with health, metrics and
 * Swagger UI, on the management interface; integrators fetch it from the running service, so the
 * public port serves the same document, generated once, at {@code /q/openapi} (YAML, or JSON with
 * {@code ?format=json}, {@code .json} or an Accept of JSON), as Quarkus's own handler does.
 */
@ApplicationScoped
public class PublicContract {

  void install(@Observes Router router) {
    for (String path : new String[] {"/q/openapi", "/q/openapi.json", "/q/openapi.yaml"}) {
      router.route(HttpMethod.GET, path).handler(this::serve);
      router.route(HttpMethod.HEAD, path).handler(this::serve);
    }
  }

  private void serve(RoutingContext ctx) {
    Format format = wantsJson(ctx) ? Format.JSON : Format.YAML;
    byte[] document =
        Arc.container()
            .instance(OpenApiDocumentService.class)
            .get()
            .getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, format);
    ctx.response()
        .putHeader("Content-Type", format.getMimeType() + ";charset=UTF-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Access-Control-Allow-Origin", "*");
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().putHeader("Content-Length", Integer.toString(document.length)).end();
    } else {
      ctx.response().end(Buffer.buffer(document));
    }
  }

  private static boolean wantsJson(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.endsWith(".json")) {
      return true;
    }
    if (path.endsWith(".yaml")) {
      return false;
    }
    String format = ctx.queryParams().get("format");
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("application/json");
  }
}
