package org.undersigned.endorsement.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.idempotency.Idempotency;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.service.SubmissionService;

/** Signing a letter. */
@Path("/api/v1/letters/{slug}/endorsements")
@Tag(name = "Signing")
public class EndorsementResource {

  private final SubmissionService submissions;
  private final Idempotency idempotency;
  private final SigningLimits limits;
  private final ObjectMapper json;

  public EndorsementResource(
      SubmissionService submissions,
      Idempotency idempotency,
      SigningLimits limits,
      ObjectMapper json) {
    this.submissions = submissions;
    this.idempotency = idempotency;
    this.limits = limits;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "submitEndorsement",
      summary = "Sign a letter",
      description =
          "Submits an endorsement. It is committed with its confirmation e-mail before the answer,"
              + " and counts once the contact address is confirmed and the letter's policy"
              + " publishes it. The answer is the same whatever the name or address: it never"
              + " says whether either has signed. Retries with the same Idempotency-Key and body"
              + " get the same answer and create nothing.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted: a confirmation e-mail is on its way to the contact address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Receipt.class)))
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "LetterClosed")
  @APIResponse(ref = "PayloadTooLarge")
  @APIResponse(ref = "UnsupportedMediaType")
  @APIResponse(ref = "IdempotencyKeyReused")
  @APIResponse(ref = "TooManyRequests")
  public Response submit(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(ref = "Idempotency-Key") @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context HttpServerRequest request,
      @Valid @NotNull EndorsementSubmission submission) {
    Idempotency.checkKey(idempotencyKey);
    String scope = "endorsements:" + slug;
    // Counted before the submission's transaction, in one of its own: inside it, the counter
    // would need a second connection per request, and a burst could starve the pool. A retry
    // whose answer is stored is not another attempt.
    if (!idempotency.hasAnswer(scope, idempotencyKey)) {
      limits.submission(request);
    }
    Idempotency.Answer answer =
        idempotency.once(
            scope,
            idempotencyKey,
            hash(submission),
            () -> {
              Endorsement e =
                  submissions.submit(slug, submission.signature(), SigningLimits.network(request));
              return new Idempotency.Answer(
                  Response.Status.ACCEPTED.getStatusCode(), write(new Receipt(e.id, e.status)));
            });
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .entity(answer.json())
        .build();
  }

  private byte[] hash(EndorsementSubmission submission) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(write(submission).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
