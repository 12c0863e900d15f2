package org.undersigned.letter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.http.Representations;
import org.undersigned.common.http.Representations.Document;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.letter.Signatures;
import org.undersigned.letter.service.Growth;
import org.undersigned.letter.service.LetterService;
import org.undersigned.letter.service.PublicLetter;

/**
 * What partners and journalists show beside the count: how it grew, and where the named signatories
 * are. Both are computed from small per-letter summaries kept for a second ({@link
 * ReadCache#fact}), never from a scan per request; anonymous signatories are counted in the growth
 * and never broken down by anything.
 */
@Path("/api/v1/letters/{slug}")
@Tag(name = "Letters")
public class LetterGrowthResource {

  /** The name of the group of countries with too few named signatories to be named. */
  static final String OTHER = "other";

  private final LetterService letters;
  private final Signatures signatures;
  private final Representations representations;
  private final ReadCache cache;
  private final int countriesMinimum;

  public LetterGrowthResource(
      LetterService letters,
      Signatures signatures,
      Representations representations,
      ReadCache cache,
      UndersignedConfig config) {
    this.letters = letters;
    this.signatures = signatures;
    this.representations = representations;
    this.cache = cache;
    this.countriesMinimum = config.partners().countriesMinimum();
  }

  /** One point of the history. */
  @Schema(name = "CountsAt", description = "The published counts when an interval ended.")
  public record CountsAt(
      @Schema(
              required = true,
              implementation = String.class,
              format = "date-time",
              description = "The end of the interval; for the interval now running, now.",
              examples = "2026-11-30T15:00:00Z",
              maxLength = 40)
          Instant at,
      @Schema(required = true, examples = "301") long total,
      @Schema(required = true, examples = "262") long named,
      @Schema(required = true, examples = "39") long anonymous) {}

  /** The history. */
  @Schema(name = "CountsHistory")
  public record CountsHistory(
      @Schema(
              required = true,
              enumeration = {"hour", "day"},
              description = "The length of each interval (days are UTC days).",
              examples = "day",
              maxLength = 4)
          String interval,
      @Schema(
              required = true,
              description = "One point an interval, oldest first.",
              maxItems = 1000)
          List<CountsAt> items) {}

  /** The named signatories of one country. */
  @Schema(name = "CountryCount")
  public record CountryCount(
      @Schema(
              required = true,
              description =
                  "ISO 3166-1 alpha-2, or \"other\": the countries with fewer named signatories"
                      + " than the coalition names.",
              examples = "FR",
              pattern = "^([A-Z]{2}|other)$",
              maxLength = 5)
          String country,
      @Schema(required = true, examples = "42") long count) {}

  /** The countries. */
  @Schema(name = "Countries")
  public record Countries(
      @Schema(required = true, description = "The most first; \"other\" last.", maxItems = 250)
          List<CountryCount> items,
      @Schema(
              required = true,
              description = "Named signatories that gave no country.",
              examples = "3")
          long withoutCountry) {}

  @GET
  @Path("counts/history")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getCountsHistory",
      summary = "Read how a letter's counts grew",
      description =
          "The published counts at the end of each hour or UTC day from `from` to `to` (by"
              + " default, from the first publication, at most 1000 intervals back, to now): one"
              + " point an interval, the last one now. For a sparkline beside the live count.")
  @APIResponse(
      responseCode = "200",
      description = "The history.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CountsHistory.class)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "BadRequest")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response history(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(
              description = "The length of each interval.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"hour", "day"},
                      defaultValue = "day",
                      maxLength = 4))
          @QueryParam("interval")
          String interval,
      @Parameter(
              description = "The first interval is the one holding this time (RFC 3339).",
              example = "2026-11-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "The last interval is the one holding this time; by default, now.",
              example = "2026-11-30T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40))
          @QueryParam("to")
          String to,
      @Context HttpHeaders headers) {
    Growth.Interval length =
        interval == null
            ? Growth.Interval.DAY
            : Growth.Interval.of(interval)
                .orElseThrow(
                    () -> ProblemException.invalidField("interval", "field.interval.invalid"));
    Instant now = Instant.now();
    Instant fromTime = from == null ? null : instant("from", from);
    Instant toTime = to == null ? now : instant("to", to);
    if (fromTime != null && fromTime.isAfter(toTime)) {
      throw ProblemException.invalidField("from", "field.history.range");
    }
    Document document =
        from == null && to == null
            // The call a page makes: kept like the counts.
            ? cache.get(
                "history:" + slug + ":" + length.param(),
                () -> history(slug, length, null, now, now))
            : history(slug, length, fromTime, toTime, now);
    return representations.ok(headers, document);
  }

  @GET
  @Path("countries")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getCountries",
      summary = "Read where a letter's named signatories are",
      description =
          "The published, named signatories per country. Anonymous signatories are never broken"
              + " down by anything; a country with fewer named signatories than the coalition"
              + " chose is counted under \"other\".")
  @APIResponse(
      responseCode = "200",
      description = "The countries.",
      headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Countries.class)))
  @APIResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match.")
  @APIResponse(ref = "LetterNotFound")
  @APIResponse(ref = "NotAcceptable")
  public Response countries(
      @Parameter(ref = "slug") @PathParam("slug") String slug, @Context HttpHeaders headers) {
    Document document =
        cache.get(
            "countries:" + slug,
            () -> {
              PublicLetter letter =
                  letters.findPublic(slug, null, null).orElseThrow(LetterResource::letterNotFound);
              if (!letter.listPublic()) {
                // Under an embargo of the list, where its signatories are is as unknown as they.
                throw LetterResource.letterNotFound();
              }
              return representations.freshly(
                  representations.jsonDocument(
                      countries(signatures.namedByCountry(letter.letter().id)), null, null));
            });
    return representations.ok(headers, document);
  }

  private Document history(
      String slug, Growth.Interval length, Instant fromTime, Instant toTime, Instant now) {
    PublicLetter letter =
        letters.findPublicCounts(slug).orElseThrow(LetterResource::letterNotFound);
    List<CountsAt> items =
        Growth.history(
                changes(cache, signatures, letter.letter().id), length, fromTime, toTime, now)
            .stream()
            .map(
                p ->
                    new CountsAt(
                        p.at(), p.counts().total(), p.counts().named(), p.counts().anonymous()))
            .toList();
    return representations.freshly(
        representations.jsonDocument(new CountsHistory(length.param(), items), null, null));
  }

  /**
   * How a letter's counts changed hour by hour, read at most once a second per instance for every
   * caller (the history, the letter's page).
   */
  static List<Signatures.HourlyChange> changes(
      ReadCache cache, Signatures signatures, java.util.UUID letterId) {
    return cache.fact(
        "hourly-changes:" + letterId, () -> List.copyOf(signatures.hourlyChanges(letterId)));
  }

  private Countries countries(List<Signatures.CountryCount> counts) {
    List<CountryCount> items = new ArrayList<>();
    long other = 0;
    long without = 0;
    for (Signatures.CountryCount c : counts) {
      if (c.country() == null) {
        without += c.count();
      } else if (c.count() < countriesMinimum) {
        other += c.count();
      } else {
        items.add(new CountryCount(c.country(), c.count()));
      }
    }
    items.sort(
        Comparator.comparingLong(CountryCount::count)
            .reversed()
            .thenComparing(CountryCount::country));
    if (other > 0) {
      items.add(new CountryCount(OTHER, other));
    }
    return new Countries(items, without);
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "field.instant.invalid");
    }
  }
}
