package org.undersigned.moderation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.pagination.Limits;
import org.undersigned.common.problem.Problem;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.security.Roles;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.moderation.service.ModerationService;

/**
 * The moderators' part of the API, behind a bearer JWT with the role {@code moderator} or {@code
 * admin}. It shows contact details and anonymous names: nothing here is ever cached or public.
 */
public final class AdminEndorsementResources {

  private AdminEndorsementResources() {}

  static Response ok(Object body) {
    return Response.ok(body, MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store, private")
        .build();
  }

  /** Every endorsement of a letter. */
  @Path("/api/v1/admin/letters/{slug}/endorsements")
  @Tag(name = "Moderation")
  @SecurityRequirement(name = "bearer")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  public static class LetterEndorsements {
    private final ModerationService moderation;

    public LetterEndorsements(ModerationService moderation) {
      this.moderation = moderation;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "listEndorsementsForModeration",
        summary = "List every endorsement of a letter",
        description =
            "Any status, anonymous ones included, with contact details, in order of arrival.")
    @APIResponse(
        responseCode = "200",
        description = "A page of endorsements.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = AdminEndorsementView.Page.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "LetterNotFound")
    public Response list(
        @Parameter(ref = "slug") @PathParam("slug") String slug,
        @Parameter(
                description = "Only the endorsements in this status.",
                schema = @Schema(implementation = EndorsementStatus.class))
            @QueryParam("status")
            String status,
        @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
        @Parameter(ref = "limit") @QueryParam("limit") String limit) {
      ModerationService.Page page =
          moderation
              .list(slug, parseStatus(status), cursor, Limits.parse(limit))
              .orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND));
      return ok(
          new AdminEndorsementView.Page(
              page.items().stream().map(e -> AdminEndorsementView.of(e, null)).toList(),
              page.nextCursor()));
    }

    private static EndorsementStatus parseStatus(String status) {
      if (status == null) {
        return null;
      }
      return Arrays.stream(EndorsementStatus.values())
          .filter(s -> s.name().equals(status))
          .findFirst()
          .orElseThrow(() -> ProblemException.invalidField("status", "field.status.invalid"));
    }
  }

  /** One endorsement and the decisions on it. */
  @Path("/api/v1/admin/endorsements/{endorsementId}")
  @Tag(name = "Moderation")
  @SecurityRequirement(name = "bearer")
  @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
  public static class OneEndorsement {
    private final ModerationService moderation;
    private final SecurityIdentity identity;

    public OneEndorsement(ModerationService moderation, SecurityIdentity identity) {
      this.moderation = moderation;
      this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "getEndorsementForModeration",
        summary = "Read one endorsement",
        description = "Everything about it, and every moderation decision taken on it.")
    @APIResponse(
        responseCode = "200",
        description = "The endorsement.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = AdminEndorsementView.class)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "EndorsementNotFound")
    public Response get(@Parameter(ref = "endorsementId") @PathParam("endorsementId") String id) {
      return ok(view(moderation.find(parse(id)).orElseThrow(OneEndorsement::notFound)));
    }

    @POST
    @Path("approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "approveEndorsement",
        summary = "Approve and publish a confirmed endorsement",
        description =
            "Publishes it, unless another endorsement of the same organisation (same name after"
                + " NFKC, case and white-space folding) is already published on the letter.")
    @APIResponse(
        responseCode = "200",
        description = "Published.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = AdminEndorsementView.class)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "EndorsementNotFound")
    @APIResponse(
        responseCode = "409",
        description =
            "invalid-transition: the endorsement is not CONFIRMED; duplicate-organisation: the"
                + " same organisation is already published on the letter.",
        content =
            @Content(
                mediaType = Problem.MEDIA_TYPE,
                schema = @Schema(implementation = Problem.class)))
    public Response approve(
        @Parameter(ref = "endorsementId") @PathParam("endorsementId") String id) {
      return ok(view(moderation.approve(parse(id), actor())));
    }

    @POST
    @Path("reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "rejectEndorsement",
        summary = "Reject an endorsement",
        description =
            "With a reason, kept in the audit trail. A published endorsement leaves every count"
                + " and list at once.")
    @APIResponse(
        responseCode = "200",
        description = "Rejected.",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = AdminEndorsementView.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "EndorsementNotFound")
    @APIResponse(ref = "InvalidTransition")
    public Response reject(
        @Parameter(ref = "endorsementId") @PathParam("endorsementId") String id,
        @Valid @NotNull RejectionBody body) {
      return ok(view(moderation.reject(parse(id), actor(), body.reason().strip())));
    }

    private String actor() {
      return identity.getPrincipal().getName();
    }

    private static AdminEndorsementView view(ModerationService.Reviewed reviewed) {
      return AdminEndorsementView.of(reviewed.endorsement(), reviewed.decisions());
    }

    private static UUID parse(String id) {
      try {
        return UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        throw notFound();
      }
    }

    private static ProblemException notFound() {
      return new ProblemException(ProblemType.ENDORSEMENT_NOT_FOUND);
    }
  }
}
