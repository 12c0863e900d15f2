package org.undersigned.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A partner's web page on another origin than the service's, embedding the widget; the service is
 * configured to grant that origin CORS, as a partner's would be.
 */
public class PartnerPage implements QuarkusTestResourceLifecycleManager {

  private static HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          Map<String, String> params = new java.util.HashMap<>();
          if (query != null) {
            for (String pair : query.split("&")) {
              String[] kv = pair.split("=", 2);
              params.put(
                  kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
          }
          String html =
              "<!DOCTYPE html><html lang=\""
                  + params.getOrDefault("lang", "fr")
                  + "\"><head><meta charset=\"utf-8\"><title>Partner</title>"
                  + "<style>undersigned-letter { --undersigned-accent: #006d3c; }</style>"
                  + "<script src=\""
                  + params.get("service")
                  + "/widget.js\" defer></script></head><body><h1>A partner NGO</h1>"
                  + "<undersigned-letter slug=\""
                  + params.get("slug")
                  + "\" source=\"partner-one\"></undersigned-letter></body></html>";
          byte[] body = html.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return Map.of("undersigned.partners.origins", "https://partner.example," + origin());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** The page's origin. */
  public static String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
