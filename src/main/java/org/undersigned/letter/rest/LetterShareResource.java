package org.undersigned.letter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.http.Representations;
import org.undersigned.common.http.Representations.Document;
import org.undersigned.letter.render.ShareImage;
import org.undersigned.letter.service.LetterService;
import org.undersigned.letter.service.PublicLetter;

/** The image a shared link to the letter shows (its page's og:image). */
@Path("/api/v1/letters/{slug}/share.png")
@Tag(name = "Letters")
public class LetterShareResource {

  static final String PNG = "image/png";

  /** How long a card may be kept: the count moves, the ETag says when. */
  static final Duration KEPT = Duration.ofMinutes(5);

  private final LetterService letters;
  private final ShareImage images;
  private final Representations representations;

  public LetterShareResource(
      LetterService letters, ShareImage images, Representations representations) {
    this.letters = letters;
    this.images = images;
    this.representations = representations;
  }

  @GET
  @Produces(PNG)
  @Operation(
      operationId = "getShareImage",
      summary = "Read a letter's share card",
      description =
          "A 1200 by 630 PNG with the letter's title and its count sentence in the language"
              + " asked for (as the letter itself), for Open Graph and X cards; kept until the"
              + " count changes.")
  @APIResponse(
      responseCode = "200",
      description = "The card.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = PNG,
              schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 2000000)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response get(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(ref = "lang") @QueryParam("lang") String lang,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context HttpHeaders headers) {
    PublicLetter letter =
        letters.findPublic(slug, lang, acceptLanguage).orElseThrow(LetterResource::letterNotFound);
    String sentence =
        letter.counts() == null
            ? null
            : letter
                .text()
                .countSentence(
                    letter.counts().total(), letter.counts().named(), letter.counts().anonymous());
    byte[] png = images.png(letter.text().title, sentence);
    Document document = new Document(png, PNG, letter.text().language, "Accept-Language", null);
    return representations.ok(headers, document, KEPT);
  }
}
