package org.undersigned.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.security.Roles;

/** Integrators' endpoints, registered by an admin, and what was delivered to them. */
@Path("/api/v1/admin/webhooks")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

  private final Webhooks webhooks;
  private final WebhookEvents deliveries;

  public WebhookResource(Webhooks webhooks, WebhookEvents deliveries) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
  }

  /** An endpoint to register. */
  @Schema(name = "WebhookRegistration")
  public record Registration(
      @Schema(required = true, examples = "https://integrator.example/hooks/undersigned")
          @NotNull
          @Size(max = 2048)
          String url,
      @Schema(
              required = true,
              examples = "[\"endorsement.published\", \"endorsement.withdrawn\"]",
              description = "Any of endorsement.published, endorsement.withdrawn, letter.closed.",
              maxItems = 3)
          @NotEmpty
          @Size(max = 3)
          List<@NotNull @Size(max = 40) String> events) {}

  /** A registered endpoint; the secret is shown only in the answer to its registration. */
  @Schema(name = "Webhook")
  public record View(
      @Schema(required = true) UUID id,
      @Schema(required = true) String url,
      @Schema(required = true) List<String> events,
      @Schema(
              nullable = true,
              description =
                  "The signing secret (whsec_…), shown once: keep it to check the"
                      + " webhook-signature header.")
          String secret,
      @Schema(required = true, implementation = String.class, format = "date-time")
          Instant createdAt) {}

  /** A delivery and its attempts. */
  @Schema(name = "WebhookDelivery")
  public record DeliveryView(
      @Schema(required = true, description = "The webhook-id header of every attempt.") UUID id,
      @Schema(required = true, examples = "endorsement.published") String eventType,
      @Schema(required = true) WebhookDelivery.Status status,
      @Schema(required = true) int attempts,
      @Schema(nullable = true, description = "HTTP status of the last attempt.") Integer lastStatus,
      @Schema(required = true, implementation = String.class, format = "date-time")
          Instant createdAt,
      @Schema(nullable = true, implementation = String.class, format = "date-time")
          Instant deliveredAt) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerWebhook",
      summary = "Register a webhook endpoint",
      description =
          "An https endpoint and the events it wants. Each delivery is a POST of a JSON event"
              + " signed in the manner of Standard Webhooks: headers webhook-id, webhook-timestamp"
              + " and webhook-signature (v1, base64 HMAC-SHA256 of id.timestamp.body under the"
              + " secret). Deliveries carry no contact data and no anonymous name, are retried with"
              + " back-off until a 2xx, and are never sent twice once delivered.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; the answer holds the secret, once.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  public Response register(@Valid @NotNull Registration registration) {
    Webhook webhook = webhooks.register(registration.url(), registration.events());
    return Response.created(URI.create("/api/v1/admin/webhooks/" + webhook.id))
        .header("Cache-Control", "no-store")
        .entity(
            new View(webhook.id, webhook.url, webhook.events, webhook.secret, webhook.createdAt))
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listWebhooks",
      summary = "List the registered endpoints",
      description = "The active endpoints and their events; secrets are never shown again.")
  @APIResponse(
      responseCode = "200",
      description = "The active endpoints (without their secrets).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = View[].class)))
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  public Response list() {
    return Response.ok(
            webhooks.active().stream()
                .map(w -> new View(w.id, w.url, w.events, null, w.createdAt))
                .toList())
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{webhookId}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Remove an endpoint",
      description = "It gets no more deliveries; its history stays.")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "WebhookNotFound")
  public Response delete(@Parameter(ref = "webhookId") @PathParam("webhookId") String id) {
    webhooks.unregister(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{webhookId}/deliveries")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "List an endpoint's deliveries",
      description = "The latest 200, newest first, with their attempts and last HTTP status.")
  @APIResponse(
      responseCode = "200",
      description = "The deliveries.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryView[].class)))
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "WebhookNotFound")
  public Response deliveries(@Parameter(ref = "webhookId") @PathParam("webhookId") String id) {
    Webhook webhook = webhooks.find(id);
    return Response.ok(
            deliveries
                .find("webhookId = ?1 order by createdAt desc", webhook.id)
                .page(0, 200)
                .list()
                .stream()
                .map(
                    d ->
                        new DeliveryView(
                            d.id,
                            d.eventType,
                            d.status,
                            d.attempts,
                            d.lastStatus,
                            d.createdAt,
                            d.deliveredAt))
                .toList())
        .header("Cache-Control", "no-store")
        .build();
  }
}
