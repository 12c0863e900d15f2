package org.undersigned.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;

/**
 * The rules of an integrator's endpoint, whoever registers it: an https URL that reaches the public
 * internet (each delivery judges it again, {@link WebhookTargets}), events the service sends, and a
 * signing secret in the Standard Webhooks format ({@code whsec_} and 32 random bytes in base64).
 */
@ApplicationScoped
public class Webhooks {

  static final String SECRET_PREFIX = "whsec_";

  private final WebhookRepository webhooks;
  private final UndersignedConfig config;
  private final SecureRandom random = new SecureRandom();

  public Webhooks(WebhookRepository webhooks, UndersignedConfig config) {
    this.webhooks = webhooks;
    this.config = config;
  }

  /** Registers an endpoint; its secret is in the answer, the only time it is shown. */
  @Transactional
  public Webhook register(String url, List<String> events) {
    checkUrl(url);
    for (String event : events) {
      if (!WebhookEvents.TYPES.contains(event)) {
        throw ProblemException.invalidField("events", "field.webhook.event");
      }
    }
    Webhook webhook = new Webhook();
    webhook.id = UUID.randomUUID();
    webhook.url = url;
    webhook.events = List.copyOf(Set.copyOf(events));
    webhook.secret = newSecret();
    webhook.active = true;
    webhook.createdAt = Instant.now();
    webhooks.persist(webhook);
    return webhook;
  }

  /** The active endpoints, oldest first. */
  public List<Webhook> active() {
    return webhooks.list("active = true order by createdAt");
  }

  /** An active endpoint, or the problem {@code webhook-not-found}. */
  public Webhook find(String id) {
    try {
      Webhook webhook = webhooks.findById(UUID.fromString(id));
      if (webhook != null && webhook.active) {
        return webhook;
      }
    } catch (IllegalArgumentException e) {
      // Not an id: not found either.
    }
    throw new ProblemException(ProblemType.WEBHOOK_NOT_FOUND);
  }

  /** No more deliveries to it; its history stays. */
  @Transactional
  public void unregister(String id) {
    find(id).active = false;
  }

  private String newSecret() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  private void checkUrl(String url) {
    // A name that does not resolve yet is taken: each delivery judges it again (WebhookTargets).
    switch (WebhookTargets.resolve(url, config.webhooks().allowLocalHttp()).verdict()) {
      case REFUSED -> throw ProblemException.invalidField("url", "field.webhook.url");
      case NOT_PUBLIC -> throw ProblemException.invalidField("url", "field.webhook.url.private");
      case UNRESOLVED, REACHABLE -> {}
    }
  }
}
