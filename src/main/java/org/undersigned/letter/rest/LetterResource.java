package org.undersigned.letter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.common.http.Negotiation;
import org.undersigned.common.http.Representations;
import org.undersigned.common.http.Representations.Document;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.text.Names;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Signatures;
import org.undersigned.letter.render.LetterRenderer;
import org.undersigned.letter.service.Growth;
import org.undersigned.letter.service.LetterService;
import org.undersigned.letter.service.PublicLetter;

/** The public letters: as JSON, and as documents (plain text, Markdown, HTML). */
@Path("/api/v1/letters")
@Tag(name = "Letters", description = "The open letters and their public signatories.")
public class LetterResource {

  static final String TEXT_MARKDOWN = "text/markdown";
  static final String TEXT_CSV = "text/csv";

  /** The longest search the page takes, as the signatories' API. */
  static final int MAX_QUERY_LENGTH = 300;

  /** The representations of a letter, in the order a wildcard Accept gets them. */
  private static final List<MediaType> LETTER_TYPES =
      List.of(
          MediaType.APPLICATION_JSON_TYPE,
          MediaType.TEXT_PLAIN_TYPE,
          MediaType.valueOf(TEXT_MARKDOWN),
          MediaType.TEXT_HTML_TYPE);

  /**
   * The page runs one script, the signing widget, from this service, and talks to this service
   * only; its styles are inline; nothing else loads, its one form (the search of the signatories)
   * goes back to it, nothing frames it.
   */
  static final String HTML_CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final LetterService letters;
  private final Signatures signatories;
  private final LetterRenderer renderer;
  private final Representations representations;
  private final ReadCache cache;
  private final org.undersigned.tlog.PublicLog publicLog;
  private final String baseUrl;

  public LetterResource(
      LetterService letters,
      Signatures signatories,
      LetterRenderer renderer,
      Representations representations,
      ReadCache cache,
      org.undersigned.tlog.PublicLog publicLog,
      org.undersigned.common.config.UndersignedConfig config) {
    this.publicLog = publicLog;
    this.baseUrl = config.links().baseUrl().replaceAll("/+$", "");
    this.cache = cache;
    this.letters = letters;
    this.signatories = signatories;
    this.renderer = renderer;
    this.representations = representations;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listLetters",
      summary = "List the letters",
      description =
          "The letters that are open or closed for signatures (never drafts), with their counts.")
  @APIResponse(
      responseCode = "200",
      description = "The letters.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LetterSummary.Page.class)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "NotAcceptable")
  public Response list(
      @Parameter(ref = "lang") @QueryParam("lang") String lang,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context HttpHeaders headers) {
    List<LetterSummary> items =
        letters.listPublic(lang, acceptLanguage).stream().map(LetterSummary::of).toList();
    return representations.json(headers, new LetterSummary.Page(items), null, "Accept-Language");
  }

  @GET
  @Path("{slug}")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, TEXT_MARKDOWN, MediaType.TEXT_HTML})
  @Operation(
      operationId = "getLetter",
      summary = "Read a letter",
      description =
          "One letter in one language: from `lang`, else from Accept-Language, else its original"
              + " language; Content-Language says which. As JSON, or as a document (text/plain,"
              + " text/markdown, text/html): the text, the named signatories one per line, then"
              + " the count sentence with the real figures.")
  @APIResponse(
      responseCode = "200",
      description = "The letter.",
      headers = {
        @Header(ref = "ETag"),
        @Header(ref = "Cache-Control"),
        @Header(ref = "Content-Language")
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LetterView.class)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = TEXT_MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response get(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(ref = "lang") @QueryParam("lang") String lang,
      @Parameter(
              description =
                  "For the documents (text, Markdown, HTML): only the signatories whose name"
                      + " holds this text, ignoring case and accents (the page's search, which"
                      + " works without JavaScript).",
              example = "amnesty",
              schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
          @QueryParam("q")
          String q,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context HttpHeaders headers) {
    MediaType type = Negotiation.mediaType(headers.getAcceptableMediaTypes(), LETTER_TYPES);
    LetterReads.negotiated(headers.getHeaderString(HttpHeaders.ACCEPT), type);
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw ProblemException.invalidField("q", "field.too-long", MAX_QUERY_LENGTH);
    }
    String search =
        q == null || q.isBlank() || type.equals(MediaType.APPLICATION_JSON_TYPE) ? null : q.strip();
    Document document =
        search != null
            // A search is made for one caller: not kept.
            ? render(slug, lang, acceptLanguage, type, search)
            : cache.get(
                LetterReads.letterKey(slug, lang, acceptLanguage, type),
                () -> render(slug, lang, acceptLanguage, type, null));
    return representations.ok(headers, document);
  }

  /**
   * The letter in one representation, with its names where the list is public (those that hold the
   * search, where there is one).
   */
  private Document render(
      String slug, String lang, String acceptLanguage, MediaType type, String search) {
    PublicLetter letter =
        letters.findPublic(slug, lang, acceptLanguage).orElseThrow(LetterResource::letterNotFound);
    String vary = "Accept, Accept-Language";
    if (type.equals(MediaType.APPLICATION_JSON_TYPE)) {
      return representations.jsonDocument(
          LetterView.of(letter, publicLog.link(letter.letter().slug).orElse(null)),
          letter.text().language,
          vary);
    }
    List<String> all = letter.listPublic() ? signatories.publicNames(letter.letter()) : List.of();
    List<String> names = search == null ? all : matching(all, search);
    String body;
    if (type.equals(MediaType.TEXT_PLAIN_TYPE)) {
      body = renderer.plain(letter.text(), names, letter.counts());
    } else if (type.getSubtype().equals("markdown")) {
      body = renderer.markdown(letter.text(), names, letter.counts());
    } else {
      body =
          renderer.html(
              letter.text(),
              names,
              letter.counts(),
              page(letter, search == null ? null : new LetterRenderer.Search(search, all.size())));
    }
    Document document =
        Document.of(body, type.toString() + ";charset=UTF-8")
            .inLanguage(letter.text().language)
            .varying(vary);
    // The page is text, a style sheet and the widget: nothing else may load or run in it.
    return type.equals(MediaType.TEXT_HTML_TYPE)
        ? document.securedBy(HTML_CONTENT_SECURITY_POLICY)
        : document;
  }

  @GET
  @Path("{slug}/counts")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getCounts",
      summary = "Read a letter's counts",
      description =
          "The published endorsements, computed from the data: total, named, anonymous. Small and"
              + " kept fresh (a few seconds of cache), for partner pages that show a live count.")
  @APIResponse(
      responseCode = "200",
      description = "The counts.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Counts.class)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response counts(
      @Parameter(ref = "slug") @PathParam("slug") String slug, @Context HttpHeaders headers) {
    Document counts =
        cache.get(
            LetterReads.countsKey(slug),
            () -> {
              PublicLetter letter =
                  letters.findPublicCounts(slug).orElseThrow(LetterResource::letterNotFound);
              return representations.freshly(
                  representations.jsonDocument(letter.counts(), null, null));
            });
    return representations.ok(headers, counts);
  }

  @GET
  @Path("{slug}/signatories.csv")
  @Produces(TEXT_CSV)
  @Operation(
      operationId = "exportSignatories",
      summary = "Export the public signatories as CSV",
      description =
          "The published, named signatories in the order they were added, for the press kit."
              + " RFC 4180, UTF-8, with a header row. A cell that a spreadsheet would read as a"
              + " formula is prefixed with an apostrophe.")
  @APIResponse(
      responseCode = "200",
      description = "The signatories.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response csv(
      @Parameter(ref = "slug") @PathParam("slug") String slug, @Context HttpHeaders headers) {
    Document csv =
        cache.get(
            LetterReads.csvKey(slug),
            () ->
                Document.of(
                        signatories.csv(slug).orElseThrow(LetterResource::letterNotFound),
                        TEXT_CSV + ";charset=UTF-8;header=present")
                    .attachment(slug + "-signatories.csv"));
    return representations.ok(headers, csv);
  }

  /** What the HTML page shows beyond the text: its address, languages, form and growth. */
  private LetterRenderer.Page page(PublicLetter letter, LetterRenderer.Search search) {
    List<Long> totals = List.of();
    if (letter.counts() != null) {
      Instant now = Instant.now();
      totals =
          Growth.history(
                  LetterGrowthResource.changes(cache, signatories, letter.letter().id),
                  Growth.Interval.DAY,
                  null,
                  now,
                  now)
              .stream()
              .map(p -> p.counts().total())
              .toList();
    }
    return new LetterRenderer.Page(
        letter.letter().slug,
        baseUrl + "/api/v1/letters/" + letter.letter().slug,
        letter.languages(),
        letter.open(),
        totals,
        search);
  }

  /** The names that hold the text, as the signatories' search finds them (case, accents aside). */
  static List<String> matching(List<String> names, String text) {
    String wanted = Names.searchKey(text);
    return names.stream().filter(n -> Names.searchKey(n).contains(wanted)).toList();
  }

  /** The answer for a slug that names no public letter. */
  public static ProblemException letterNotFound() {
    return new ProblemException(ProblemType.LETTER_NOT_FOUND);
  }
}
