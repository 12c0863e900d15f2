package org.undersigned.moderation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.security.Roles;
import org.undersigned.moderation.service.Bursts;

/** Finding a burst of fake endorsements and rejecting it in one go. */
@Path("/api/v1/admin/letters/{slug}/burst-rejections")
@Tag(name = "Moderation")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
public class AdminBurstResource {

  private static final java.util.regex.Pattern CIDR =
      java.util.regex.Pattern.compile("^([0-9.]+|[0-9A-Fa-f:]+)/([0-9]{1,3})$");

  private final Bursts bursts;
  private final SecurityIdentity identity;

  public AdminBurstResource(Bursts bursts, SecurityIdentity identity) {
    this.bursts = bursts;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rejectBurst",
      summary = "Preview or reject a burst of endorsements",
      description =
          "Finds the endorsements of a letter still in play (awaiting confirmation, confirmed or"
              + " published) by contact e-mail domain, client network and time of arrival. A"
              + " preview (the default) only counts them; with \"preview\": false they are all"
              + " rejected with the reason, each decision in the audit trail, and the published"
              + " ones leave every count and list at once.")
  @APIResponse(
      responseCode = "200",
      description = "What the burst holds, and how many were rejected.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BurstReport.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "Unauthorized")
  @APIResponse(ref = "Forbidden")
  @APIResponse(ref = "LetterNotFound")
  public Response apply(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Valid @NotNull BurstRejectionBody body) {
    if (body.emailDomain() == null
        && body.network() == null
        && body.receivedFrom() == null
        && body.receivedUntil() == null) {
      throw ProblemException.invalidField("emailDomain", "field.burst.no-criteria");
    }
    boolean preview = body.preview() == null || body.preview();
    String reason = body.reason() == null ? null : body.reason().strip();
    if (!preview && (reason == null || reason.isEmpty())) {
      throw ProblemException.invalidField("reason", "field.burst.reason-required");
    }
    Bursts.Report report =
        bursts
            .apply(
                slug,
                new Bursts.Criteria(
                    body.emailDomain(),
                    network(body.network()),
                    body.receivedFrom(),
                    body.receivedUntil()),
                preview,
                identity.getPrincipal().getName(),
                reason)
            .orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND));
    return AdminEndorsementResources.ok(BurstReport.of(report));
  }

  /** A CIDR range no narrower than what is kept (/24, /48), normalised; refused otherwise. */
  static String network(String cidr) {
    if (cidr == null) {
      return null;
    }
    Matcher m = CIDR.matcher(cidr.strip());
    if (m.matches()) {
      try {
        // A numeric literal only (the pattern allows no names), so no DNS look-up happens.
        byte[] bytes = InetAddress.getByName(m.group(1)).getAddress();
        int prefix = Integer.parseInt(m.group(2));
        int widest = bytes.length == 4 ? 24 : 48;
        if (prefix <= widest && prefix <= bytes.length * 8) {
          for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
          }
          return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
        }
      } catch (UnknownHostException | NumberFormatException e) {
        // Refused below.
      }
    }
    throw ProblemException.invalidField("network", "field.burst.network");
  }
}
