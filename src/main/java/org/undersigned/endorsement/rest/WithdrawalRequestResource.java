package org.undersigned.endorsement.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.endorsement.service.WithdrawalRequests;

/** Asking for a withdrawal link. */
@Path("/api/v1/letters/{slug}/withdrawal-requests")
@Tag(name = "Signing")
public class WithdrawalRequestResource {

  private final WithdrawalRequests requests;
  private final SigningLimits limits;

  public WithdrawalRequestResource(WithdrawalRequests requests, SigningLimits limits) {
    this.requests = requests;
    this.limits = limits;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  // No @Produces: the 202 has no body, and a client that accepts only problem documents (as a
  // generated one does) must still get it.
  @Operation(
      operationId = "requestWithdrawal",
      summary = "Ask for a withdrawal link",
      description =
          "Mails a withdrawal link for each endorsement of this letter made with this address."
              + " The answer is 202 whether or not the address has signed: it tells nothing.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; a link is mailed if the address signed.")
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "PayloadTooLarge")
  @APIResponse(ref = "UnsupportedMediaType")
  @APIResponse(ref = "TooManyRequests")
  public Response request(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Context HttpServerRequest request,
      @Valid @NotNull WithdrawalRequestBody body) {
    limits.withdrawalRequest(request);
    requests.request(slug, body.email());
    return Response.accepted().header("Cache-Control", "no-store").build();
  }
}
