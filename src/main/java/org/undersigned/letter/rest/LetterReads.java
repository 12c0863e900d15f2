package org.undersigned.letter.rest;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.common.http.Representations;
import org.undersigned.common.http.RouteOrder;

/**
 * The public reads that partner pages hit hardest (a letter, its counts, its CSV) answered from the
 * event loop when {@link ReadCache} holds their rendering, without a worker thread, a transaction
 * or the JAX-RS machinery; everything else (a miss, a stale rendering, an unusual request) goes on
 * to {@link LetterResource}, which renders and keeps what this answers.
 *
 * <p>This class decides nothing on its own: the keys are the resource's, the media type is the one
 * the resource negotiated for the same Accept header, and the headers are written by {@link
 * Representations} for both. Where in doubt (several Accept headers, a query on a letter other than
 * {@code lang}, a HEAD), it steps aside. Counts and CSV take no query: one is ignored, as the
 * resource ignores it.
 */
@ApplicationScoped
public class LetterReads {

  private static final String NONE = "\u0000";
  private static final int MAX_NEGOTIATED = 256;
  private static final int MAX_ACCEPT_LENGTH = 256;

  /** The only query this answers: a plain language tag, nothing to decode. */
  private static final Pattern LANG_QUERY = Pattern.compile("lang=[A-Za-z0-9-]{1,35}");

  /** Accept header as sent → the media type the resource negotiated for it. */
  private static final ConcurrentHashMap<String, MediaType> NEGOTIATED = new ConcurrentHashMap<>();

  private final ReadCache cache;
  private final Representations representations;

  public LetterReads(ReadCache cache, Representations representations) {
    this.cache = cache;
    this.representations = representations;
  }

  static String letterKey(String slug, String lang, String acceptLanguage, MediaType type) {
    return "letter|" + slug + "|" + lang + "|" + acceptLanguage + "|" + type;
  }

  static String countsKey(String slug) {
    return "counts|" + slug;
  }

  static String csvKey(String slug) {
    return "csv|" + slug;
  }

  /**
   * Called by the resource: the type it chose for this Accept header (null: none sent). When the
   * map is full it starts afresh, so that callers who sent many odd headers cannot keep the common
   * ones off the event loop for good; a header forgotten is learnt again at its next request.
   */
  static void negotiated(String accept, MediaType type) {
    String key = accept == null ? NONE : accept;
    if (key.length() > MAX_ACCEPT_LENGTH || NEGOTIATED.containsKey(key)) {
      return;
    }
    if (NEGOTIATED.size() >= MAX_NEGOTIATED) {
      NEGOTIATED.clear();
    }
    NEGOTIATED.put(key, type);
  }

  void install(@Observes Router router) {
    // After the edge (shedding, the body limit, the security headers) and CORS.
    int order = RouteOrder.KEPT_READS;
    router.get("/api/v1/letters/:slug").order(order).handler(ctx -> answer(ctx, this::letterKey));
    router
        .get("/api/v1/letters/:slug/counts")
        .order(order)
        .handler(ctx -> answer(ctx, c -> countsKey(c.pathParam("slug"))));
    router
        .get("/api/v1/letters/:slug/signatories.csv")
        .order(order)
        .handler(ctx -> answer(ctx, c -> csvKey(c.pathParam("slug"))));
  }

  private String letterKey(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String query = request.query();
    if (query != null && !LANG_QUERY.matcher(query).matches()) {
      return null;
    }
    MultiMap headers = request.headers();
    if (headers.getAll(HttpHeaders.ACCEPT).size() > 1
        || headers.getAll(HttpHeaders.ACCEPT_LANGUAGE).size() > 1) {
      return null;
    }
    String accept = headers.get(HttpHeaders.ACCEPT);
    MediaType type = NEGOTIATED.get(accept == null ? NONE : accept);
    if (type == null) {
      return null;
    }
    String lang = query == null ? null : query.substring("lang=".length());
    return letterKey(ctx.pathParam("slug"), lang, headers.get(HttpHeaders.ACCEPT_LANGUAGE), type);
  }

  private void answer(RoutingContext ctx, Function<RoutingContext, String> keyOf) {
    String key = keyOf.apply(ctx);
    ReadCache.Ready ready = key == null ? null : cache.ready(key);
    if (ready == null || !representations.send(ctx, ready.document(), ready.body())) {
      ctx.next();
    }
  }
}
