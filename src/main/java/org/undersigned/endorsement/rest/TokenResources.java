package org.undersigned.endorsement.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.service.TokenActions;

/**
 * What the pages at the e-mailed links POST: never a GET, since mail scanners open links. Unknown,
 * used and expired tokens each get their own problem, none of which says whose the token is.
 */
public final class TokenResources {

  private TokenResources() {}

  static Response receipt(Endorsement e) {
    return receipt(e.id, e.status);
  }

  static Response receipt(java.util.UUID id, EndorsementStatus status) {
    return receipt(new Receipt(id, status));
  }

  static Response receipt(Receipt receipt) {
    return Response.ok(receipt, MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Confirming the contact address. */
  @Path("/api/v1/confirmations")
  @Tag(name = "Signing")
  public static class Confirmations {
    private final TokenActions actions;

    public Confirmations(TokenActions actions) {
      this.actions = actions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "confirmEndorsement",
        summary = "Confirm a contact address",
        description =
            "Proves the address with the token of the confirmation link. The endorsement is then"
                + " CONFIRMED, or PUBLISHED when its letter publishes on confirmation (also when"
                + " its organisation was already published: the answer never depends on other"
                + " signatures). Where the endorsement has a website, the answer tells how to"
                + " verify its domain (domainChallenge), once; the same is e-mailed.")
    @APIResponse(
        responseCode = "200",
        description = "Confirmed.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Receipt.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "TokenUnknown")
    @APIResponse(ref = "TokenUsed")
    @APIResponse(ref = "TokenExpired")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Response confirm(@Valid @NotNull TokenBody body) {
      TokenActions.Confirmed confirmed = actions.confirmAndTell(body.token());
      return receipt(new Receipt(confirmed.id(), confirmed.status(), confirmed.domainChallenge()));
    }
  }

  /** Withdrawing an endorsement. */
  @Path("/api/v1/withdrawals")
  @Tag(name = "Signing")
  public static class Withdrawals {
    private final TokenActions actions;

    public Withdrawals(TokenActions actions) {
      this.actions = actions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "withdrawEndorsement",
        summary = "Withdraw an endorsement",
        description =
            "Withdraws with the token of a withdrawal link: the endorsement leaves every count,"
                + " list and rendering at once. With erase, its personal data and its public log"
                + " salt are erased at once too.")
    @APIResponse(
        responseCode = "200",
        description = "Withdrawn.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Receipt.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "TokenUnknown")
    @APIResponse(ref = "TokenUsed")
    @APIResponse(ref = "TokenExpired")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Response withdraw(@Valid @NotNull WithdrawalBody body) {
      return receipt(actions.withdraw(body.token(), body.erasing()));
    }
  }
}
