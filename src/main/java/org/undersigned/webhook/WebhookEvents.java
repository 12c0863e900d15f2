package org.undersigned.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.undersigned.letter.Letter;

/**
 * Writes webhook deliveries in the transaction of the change they announce, one per endpoint that
 * wants the event. Payloads carry public facts only: no contact data, and for an anonymous
 * endorsement only that it is one and its status (no id, kind, name or country: nothing that
 * singles it out). Events about the signatories of a letter under embargo are held until its list
 * is public: a partner must not be able to publish what the letter's own page hides.
 */
@ApplicationScoped
public class WebhookEvents implements PanacheRepositoryBase<WebhookDelivery, UUID> {

  public static final String ENDORSEMENT_PUBLISHED = "endorsement.published";
  public static final String ENDORSEMENT_WITHDRAWN = "endorsement.withdrawn";
  public static final String LETTER_CLOSED = "letter.closed";
  public static final List<String> TYPES =
      List.of(ENDORSEMENT_PUBLISHED, ENDORSEMENT_WITHDRAWN, LETTER_CLOSED);

  private final WebhookRepository webhooks;
  private final ObjectMapper json;

  public WebhookEvents(WebhookRepository webhooks, ObjectMapper json) {
    this.webhooks = webhooks;
    this.json = json;
  }

  /**
   * What an event says of an endorsement: its public facts, as the endorsement feature hands them
   * over (this feature knows no endorsement entity). Kind and status by their names.
   */
  public record Signature(
      UUID id, String kind, boolean anonymous, String name, String country, String status) {}

  /** An endorsement entered or left the public list of a letter. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void endorsement(String type, Letter letter, Signature e) {
    Map<String, Object> endorsement = new LinkedHashMap<>();
    if (!e.anonymous()) {
      endorsement.put("id", e.id());
      endorsement.put("kind", e.kind());
    }
    endorsement.put("anonymous", e.anonymous());
    if (!e.anonymous()) {
      endorsement.put("name", e.name());
      endorsement.put("country", e.country());
    }
    endorsement.put("status", e.status());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("letter", letter.slug);
    data.put("endorsement", endorsement);
    Instant now = Instant.now();
    emit(type, data, letter.listPublicAt(now) ? now : letter.embargoUntil);
  }

  /**
   * A letter's embargo was set, moved or lifted: the endorsement events held for it go out when its
   * list becomes public, now if it is.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void embargoChanged(Letter letter) {
    Instant now = Instant.now();
    getEntityManager()
        .createNativeQuery(
            "UPDATE webhook_deliveries SET next_attempt_at = :when"
                + " WHERE status = 'PENDING' AND attempts = 0"
                + " AND event_type IN (:published, :withdrawn)"
                + " AND payload -> 'data' ->> 'letter' = :slug")
        .setParameter("when", letter.listPublicAt(now) ? now : letter.embargoUntil)
        .setParameter("published", ENDORSEMENT_PUBLISHED)
        .setParameter("withdrawn", ENDORSEMENT_WITHDRAWN)
        .setParameter("slug", letter.slug)
        .executeUpdate();
  }

  /** A letter stopped taking signatures. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void letterClosed(Letter letter) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("letter", letter.slug);
    emit(LETTER_CLOSED, data, Instant.now());
  }

  private void emit(String type, Map<String, Object> data, Instant notBefore) {
    Instant now = Instant.now();
    for (Webhook webhook : webhooks.activeFor(type)) {
      WebhookDelivery delivery = new WebhookDelivery();
      delivery.id = UUID.randomUUID();
      delivery.webhookId = webhook.id;
      delivery.eventType = type;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
      body.put("data", data);
      try {
        delivery.payload = json.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      delivery.status = WebhookDelivery.Status.PENDING;
      delivery.nextAttemptAt = notBefore;
      delivery.createdAt = now;
      persist(delivery);
    }
  }
}
