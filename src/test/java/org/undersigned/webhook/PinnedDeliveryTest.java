package org.undersigned.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery connects to the address that was checked, yet speaks TLS to the endpoint's name: the
 * certificate must be the name's, and the name is what the endpoint sees. An HTTPS endpoint on this
 * machine with a certificate for {@code hooks.test} (a test key pair in src/test/resources/tls),
 * trusted by the client here as the JVM's trust store trusts a public one.
 */
class PinnedDeliveryTest {

  private Vertx vertx;
  private HttpServer endpoint;
  private final List<String> hosts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    endpoint =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setSni(true)
                    .setKeyCertOptions(
                        new PfxOptions()
                            .setPath("src/test/resources/tls/webhook-endpoint.p12")
                            .setPassword("tests-only")))
            .requestHandler(
                request -> {
                  hosts.add(request.getHeader("Host"));
                  request.response().setStatusCode(204).end();
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private int post(String name) throws Exception {
    HttpClient client =
        vertx.createHttpClient(
            WebhookSender.clientOptions()
                .setTrustOptions(
                    new PfxOptions()
                        .setPath("src/test/resources/tls/webhook-endpoint-trust.p12")
                        .setPassword("tests-only")));
    WebhookTargets.Target target =
        new WebhookTargets.Target(
            URI.create("https://" + name + ":" + endpoint.actualPort() + "/hooks?x=1"),
            InetAddress.getByName("127.0.0.1"));
    return client
        .request(WebhookSender.requestOptions(target))
        .compose(request -> request.send(Buffer.buffer("{}")))
        .compose(response -> response.body().map(body -> response.statusCode()))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void theCheckedAddressIsReachedUnderTheEndpointsName() throws Exception {
    assertEquals(204, post("hooks.test"));
    assertEquals(List.of("hooks.test:" + endpoint.actualPort()), hosts);
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    assertThrows(ExecutionException.class, () -> post("other.test"));
    assertEquals(List.of(), hosts);
  }
}
