package org.undersigned.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Registered webhook endpoints. */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

  /** The active endpoints that want an event type. */
  @SuppressWarnings("unchecked")
  public List<Webhook> activeFor(String type) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM webhooks WHERE active AND :type = ANY(events)", Webhook.class)
        .setParameter("type", type)
        .getResultList();
  }
}
