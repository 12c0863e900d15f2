package org.undersigned.endorsement.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.i18n.Texts;
import org.undersigned.endorsement.verification.DomainCheck;
import org.undersigned.endorsement.verification.DomainVerification;

/** Asking, with the check token of a domain challenge, whether the domain's record is there. */
@Path("/api/v1/domain-checks")
@Tag(name = "Signing")
public class DomainCheckResource {

  private final DomainVerification verification;
  private final SigningLimits limits;

  public DomainCheckResource(DomainVerification verification, SigningLimits limits) {
    this.verification = verification;
    this.limits = limits;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "checkDomain",
      summary = "Check a domain's verification record",
      description =
          "Looks the TXT record of the domain challenge up now (within 10 seconds) and records the"
              + " outcome. A record that is missing or wrong, a domain that does not exist and a"
              + " DNS that fails or does not answer are all a 200 with verified false and a"
              + " reason. Throttled per client address like the other public writes.")
  @APIResponse(
      responseCode = "200",
      description = "The outcome of the look-up.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DomainCheck.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "TokenUnknown")
  @APIResponse(ref = "PayloadTooLarge")
  @APIResponse(ref = "UnsupportedMediaType")
  @APIResponse(ref = "TooManyRequests")
  public Response check(
      @Context HttpServerRequest request,
      @Context HttpHeaders headers,
      @Valid @NotNull TokenBody body) {
    // The detail's language, as problems take it (Accept-Language, not a declared parameter).
    String acceptLanguage = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
    limits.domainCheck(request);
    DomainCheck check = verification.check(body.token(), Texts.fromAcceptLanguage(acceptLanguage));
    return Response.ok(check, MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .build();
  }
}
