package org.undersigned.webhook;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.lifecycle.WorkGate;
import org.undersigned.common.problem.Redacted;
import org.undersigned.common.retry.Backoff;

/**
 * Delivers webhooks: each due delivery is claimed with {@code FOR UPDATE SKIP LOCKED}, POSTed with
 * a Standard Webhooks signature (HMAC-SHA256 over id, timestamp and body), and marked delivered on
 * a 2xx in the same transaction, so no instance sends what another holds. Failures are retried with
 * a doubling wait and recorded; after {@code undersigned.webhooks.max-attempts} the delivery is
 * marked failed.
 */
@ApplicationScoped
public class WebhookSender {

  private final WebhookEvents deliveries;
  private final WebhookRepository webhooks;
  private final UndersignedConfig config;
  private final WorkGate gate = new WorkGate();
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public WebhookSender(
      WebhookEvents deliveries, WebhookRepository webhooks, UndersignedConfig config) {
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.config = config;
  }

  @Scheduled(
      identity = "webhooks",
      every = "${undersigned.outbox.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    if (!gate.enter()) {
      return;
    }
    try {
      for (int i = 0; i < config.outbox().batchSize() && gate.isOpen(); i++) {
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
      gate.leave();
    }
  }

  /**
   * At shutdown: no new run; the delivery under way is finished and recorded (it times out in 10
   * s).
   */
  void stop(@Observes ShutdownEvent event) {
    gate.closeAndAwait(Duration.ofSeconds(15));
  }

  @SuppressWarnings("unchecked")
  private boolean deliverNext() {
    List<WebhookDelivery> due =
        deliveries
            .getEntityManager()
            .createNativeQuery(
                "SELECT * FROM webhook_deliveries WHERE status = 'PENDING'"
                    + " AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED",
                WebhookDelivery.class)
            .getResultList();
    if (due.isEmpty()) {
      return false;
    }
    WebhookDelivery delivery = due.get(0);
    Webhook webhook = webhooks.findById(delivery.webhookId);
    delivery.attempts++;
    if (webhook == null || !webhook.active) {
      delivery.status = WebhookDelivery.Status.FAILED;
      return true;
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
    return true;
  }

  /** POSTs a delivery; answers the HTTP status, or null when the endpoint did not answer. */
  private Integer post(Webhook webhook, WebhookDelivery delivery) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String signature = sign(webhook.secret, delivery.id + "." + timestamp + "." + delivery.payload);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webhook.url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "undersigned-webhooks")
            .header("webhook-id", delivery.id.toString())
            .header("webhook-timestamp", timestamp)
            .header("webhook-signature", "v1," + signature)
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload, StandardCharsets.UTF_8))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
