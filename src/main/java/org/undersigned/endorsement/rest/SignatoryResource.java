package org.undersigned.endorsement.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.http.Representations;
import org.undersigned.common.pagination.Limits;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.endorsement.service.SignatoryOrder;
import org.undersigned.endorsement.service.SignatoryService;
import org.undersigned.letter.rest.LetterResource;

/** The published, named signatories of a letter. Anonymous endorsements count, and never show. */
@Path("/api/v1/letters/{slug}/signatories")
@Tag(name = "Letters")
@Produces(MediaType.APPLICATION_JSON)
public class SignatoryResource {

  static final int MAX_QUERY_LENGTH = 300;

  private final SignatoryService signatories;
  private final Representations representations;
  private final org.undersigned.tlog.PublicLog publicLog;

  public SignatoryResource(
      SignatoryService signatories,
      Representations representations,
      org.undersigned.tlog.PublicLog publicLog) {
    this.publicLog = publicLog;
    this.signatories = signatories;
    this.representations = representations;
  }

  @GET
  @Operation(
      operationId = "listSignatories",
      summary = "List the public signatories",
      description =
          "The published, named signatories, a page at a time. `q` finds names ignoring case and"
              + " accents, in every script. Anonymous endorsements are counted in the letter's"
              + " counts and never listed.")
  @APIResponse(
      responseCode = "200",
      description = "A page of signatories.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignatoryView.Page.class)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response list(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(
              description =
                  "`added` (default): the order they were added, imported ones in the order of"
                      + " their source. `name`: by name, in the collation of the letter's"
                      + " language.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"added", "name"},
                      defaultValue = "added"))
          @QueryParam("sort")
          String sort,
      @Parameter(
              description = "Text to find in names, ignoring case and accents.",
              schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
          @QueryParam("q")
          String q,
      @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
      @Parameter(ref = "limit") @QueryParam("limit") String limit,
      @Context HttpHeaders headers) {
    SignatoryOrder order =
        sort == null
            ? SignatoryOrder.ADDED
            : SignatoryOrder.fromParam(sort)
                .orElseThrow(() -> ProblemException.invalidField("sort", "field.sort.invalid"));
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw ProblemException.invalidField("q", "field.too-long", MAX_QUERY_LENGTH);
    }
    SignatoryService.Page page =
        signatories
            .page(slug, order, q, cursor, Limits.parse(limit))
            .orElseThrow(LetterResource::letterNotFound);
    SignatoryView.Page view =
        new SignatoryView.Page(
            page.items().stream().map(SignatoryView::of).toList(), page.nextCursor());
    return representations.json(headers, view, null, null);
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getSignatory",
      summary = "Read one public signatory",
      description =
          "The public proof that this organisation signed: its name, kind and country, and when"
              + " and how its endorsement was verified.")
  @APIResponse(
      responseCode = "200",
      description = "The signatory.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignatoryProof.class)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "SignatoryNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response get(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(
              description = "The signatory's id.",
              schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
          @PathParam("id")
          String id,
      @Context HttpHeaders headers) {
    UUID uuid = parseId(id);
    SignatoryProof proof =
        signatories
            .find(slug, uuid)
            .map(s -> SignatoryProof.of(s, publicLog.proofOf(s.id()).orElse(null)))
            .orElseThrow(SignatoryResource::signatoryNotFound);
    return representations.json(headers, proof, null, null);
  }

  /**
   * An id that is not a UUID names no signatory: answered exactly like an unknown one, so the
   * answer never depends on more than "is this a public signatory of this letter".
   */
  private static UUID parseId(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      if (uuid.toString().equalsIgnoreCase(id)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to not found.
    }
    throw signatoryNotFound();
  }

  private static ProblemException signatoryNotFound() {
    return new ProblemException(ProblemType.SIGNATORY_NOT_FOUND);
  }
}
