package org.undersigned.webhook;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.problem.Redacted;
import org.undersigned.common.retry.Backoff;

/**
 * Delivers webhooks: each due delivery is claimed with {@code FOR UPDATE SKIP LOCKED}, POSTed with
 * a Standard Webhooks signature (HMAC-SHA256 over id, timestamp and body), and marked delivered on
 * a 2xx in the same transaction, so no instance sends what another holds. Several lanes deliver at
 * once, each to another endpoint, so a dead endpoint delays no other. Failures are retried with a
 * doubling wait and recorded; after {@code undersigned.webhooks.max-attempts} the delivery is
 * marked failed.
 */
@ApplicationScoped
public class WebhookSender {

  private final WebhookEvents deliveries;
  private final WebhookRepository webhooks;
  private final UndersignedConfig config;
  private volatile boolean stopping;
  private final HttpClient client;

  public WebhookSender(
      WebhookEvents deliveries, WebhookRepository webhooks, UndersignedConfig config, Vertx vertx) {
    this.client = vertx.createHttpClient(clientOptions());
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.config = config;
  }

  /** Deliveries under way at once (each to another endpoint), at most. */
  static final int LANES = 4;

  /** The endpoints this instance is delivering to now: a lane takes another's delivery. */
  private final java.util.Set<java.util.UUID> busy =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final java.util.concurrent.atomic.AtomicInteger lanes =
      new java.util.concurrent.atomic.AtomicInteger();

  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newFixedThreadPool(
          LANES,
          r -> {
            Thread t = new Thread(r, "webhook-lane");
            t.setDaemon(true);
            return t;
          });

  /**
   * Opens a lane each tick while fewer than {@link #LANES} are open: it delivers due deliveries one
   * after another until none is due, never to an endpoint another lane is delivering to, and each
   * delivery it takes opens one more lane to look for the others meanwhile. So an idle service asks
   * the database once a tick, and an endpoint that hangs holds one lane (for its time-out) while
   * every other endpoint's deliveries go on in the others, those that fall due later too (a lane
   * that found nothing has closed; the next tick opens another beside the one that hangs).
   */
  @Scheduled(
      identity = "webhooks",
      every = "${undersigned.outbox.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    openLane();
  }

  private void openLane() {
    while (!stopping) {
      int open = lanes.get();
      if (open >= LANES) {
        return;
      }
      if (lanes.compareAndSet(open, open + 1)) {
        try {
          executor.execute(this::lane);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
          lanes.decrementAndGet();
        }
        return;
      }
    }
  }

  private void lane() {
    try {
      for (int i = 0; i < config.outbox().batchSize() && !stopping; i++) {
        try {
          if (!QuarkusTransaction.requiringNew().call(this::deliverNext)) {
            return;
          }
        } catch (Exception e) {
          Log.warnf("Webhook deliveries unavailable: %s", Redacted.describe(e));
          return;
        }
      }
    } finally {
      lanes.decrementAndGet();
    }
  }

  /**
   * At shutdown: no new delivery begins; those under way are finished and recorded (they time out
   * in 10 s).
   */
  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    executor.shutdown();
    try {
      executor.awaitTermination(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private boolean deliverNext() {
    WebhookDelivery delivery;
    // One lane of this instance chooses at a time, so that no two take the same endpoint.
    synchronized (busy) {
      StringBuilder skipped = new StringBuilder();
      busy.forEach(id -> skipped.append(skipped.length() == 0 ? "" : ",").append(id));
      List<WebhookDelivery> due =
          deliveries
              .getEntityManager()
              .createNativeQuery(
                  "SELECT * FROM webhook_deliveries WHERE status = 'PENDING'"
                      + " AND next_attempt_at <= now()"
                      + " AND webhook_id::text <> ALL(string_to_array(:busy, ','))"
                      + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
                  WebhookDelivery.class)
              .setParameter("busy", skipped.toString())
              .getResultList();
      if (due.isEmpty()) {
        return false;
      }
      delivery = due.get(0);
      busy.add(delivery.webhookId);
    }
    // While this one is delivered, another lane looks for deliveries to other endpoints.
    openLane();
    try {
      deliver(delivery);
    } finally {
      busy.remove(delivery.webhookId);
    }
    return true;
  }

  private void deliver(WebhookDelivery delivery) {
    Webhook webhook = webhooks.findById(delivery.webhookId);
    delivery.attempts++;
    if (webhook == null || !webhook.active) {
      delivery.status = WebhookDelivery.Status.FAILED;
      return;
    }
    Integer status = post(webhook, delivery);
    delivery.lastStatus = status;
    Instant now = Instant.now();
    if (status != null && status >= 200 && status < 300) {
      delivery.status = WebhookDelivery.Status.DELIVERED;
      delivery.deliveredAt = now;
    } else if (delivery.attempts >= config.webhooks().maxAttempts()) {
      delivery.status = WebhookDelivery.Status.FAILED;
      Log.warnf(
          "Webhook delivery %s failed for good after %d attempts", delivery.id, delivery.attempts);
    } else {
      delivery.nextAttemptAt =
          now.plus(
              Backoff.after(
                  delivery.attempts, config.outbox().retryInitial(), config.outbox().retryMax()));
    }
  }

  /**
   * Verifies certificates with the JVM's trust store and the endpoint's host name; one connection
   * per delivery, as deliveries are few and endpoints many; no redirect is followed (it could lead
   * anywhere).
   */
  static HttpClientOptions clientOptions() {
    return new HttpClientOptions()
        .setConnectTimeout(5_000)
        .setKeepAlive(false)
        .setVerifyHost(true)
        .setForceSni(true)
        .setMaxRedirects(0);
  }

  /**
   * A POST to the checked address of an endpoint, under its host name (the Host header, TLS's SNI
   * and the certificate's check all use the name; only the connection uses the address).
   */
  static RequestOptions requestOptions(WebhookTargets.Target target) {
    URI uri = target.uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setServer(
            SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
        .setHost(target.host())
        .setPort(target.port())
        .setSsl("https".equals(uri.getScheme()))
        .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
        .setFollowRedirects(false)
        .setTimeout(10_000);
  }

  /**
   * POSTs a delivery to the address its endpoint's host resolves to now, checked public ({@link
   * WebhookTargets}), with the host name kept for the Host header, TLS's SNI and the certificate's
   * check; answers the HTTP status, or null when the endpoint did not answer or may not be reached.
   */
  private Integer post(Webhook webhook, WebhookDelivery delivery) {
    Optional<WebhookTargets.Target> target =
        WebhookTargets.resolve(webhook.url, config.webhooks().allowLocalHttp()).target();
    if (target.isEmpty()) {
      Log.warnf(
          "Webhook %s is not delivered: its host does not resolve, or not to a public address",
          webhook.id);
      return null;
    }
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String signature = sign(webhook.secret, delivery.id + "." + timestamp + "." + delivery.payload);
    RequestOptions options =
        requestOptions(target.get())
            .putHeader("Content-Type", "application/json")
            .putHeader("User-Agent", "undersigned-webhooks")
            .putHeader("webhook-id", delivery.id.toString())
            .putHeader("webhook-timestamp", timestamp)
            .putHeader("webhook-signature", "v1," + signature);
    try {
      return client
          .request(options)
          .compose(request -> request.send(Buffer.buffer(delivery.payload)))
          .compose(response -> response.body().map(body -> response.statusCode()))
          .toCompletionStage()
          .toCompletableFuture()
          .get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Standard Webhooks: base64 of HMAC-SHA256 under the secret (its part after "whsec_"). */
  static String sign(String secret, String content) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
