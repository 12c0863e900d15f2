package org.undersigned.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.common.config.UndersignedConfig;

/**
 * Public reads as cacheable documents: a strong {@code ETag} computed from the very bytes sent,
 * {@code 304 Not Modified} on a matching {@code If-None-Match}, and {@code Cache-Control}.
 *
 * <p>Over 300 lines because ETags, 304, gzip and the kept renderings are one set of caching rules
 * that every public read follows together.
 */
@ApplicationScoped
public class Representations {

  private final String cacheControl;
  private final String freshCacheControl;
  private final ObjectMapper json;

  public Representations(UndersignedConfig config, ObjectMapper json) {
    this.cacheControl = "public, max-age=" + config.http().maxAge().toSeconds();
    this.freshCacheControl = "public, max-age=" + config.http().countsMaxAge().toSeconds();
    this.json = json;
  }

  /** A document kept for a given time, such as the widget's script. */
  public Response ok(HttpHeaders request, Document document, Duration maxAge) {
    return ok(request, document.cachedFor("public, max-age=" + maxAge.toSeconds()));
  }

  /** A value as a JSON document. */
  public Response json(HttpHeaders request, Object value, String language, String vary) {
    return ok(request, jsonDocument(value, language, vary));
  }

  /** A value as the bytes of a JSON document. */
  public Document jsonDocument(Object value, String language, String vary) {
    try {
      return new Document(
          json.writeValueAsBytes(value), MediaType.APPLICATION_JSON, language, vary, null);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document with the short Cache-Control of what must stay fresh (the counts). */
  public Document freshly(Document document) {
    return document.cachedFor(freshCacheControl);
  }

  /**
   * A representation of a resource, or 304 when the caller already holds these bytes; gzipped when
   * the caller accepts it and the document is worth it ({@link Gzipped}).
   */
  public Response ok(HttpHeaders request, Document document) {
    String etag = document.etag() != null ? document.etag() : etagOf(document.body());
    Gzipped gzipped =
        Gzipped.accepted(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))
            ? Gzipped.of(document, etag)
            : null;
    String sent = gzipped == null ? etag : gzipped.etag();
    Response.ResponseBuilder builder;
    if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), sent)) {
      builder = Response.notModified();
    } else if (gzipped != null) {
      builder =
          Response.ok(gzipped.bytes())
              .type(document.mediaType())
              .header(HttpHeaders.CONTENT_ENCODING, "gzip");
    } else {
      builder = Response.ok(document.body()).type(document.mediaType());
    }
    headers(document, sent, builder::header);
    return builder.build();
  }

  /**
   * Answers a kept rendering straight from the event loop, with the same status and headers as
   * {@link #ok(HttpHeaders, Document)} gives through a resource; {@code body} holds the document's
   * bytes (see {@link ReadCache.Ready}). Answers false, having sent nothing, when the caller takes
   * gzip and the rendering's gzip is not made yet: compressing megabytes is no work for the event
   * loop, and the resource (on a worker thread) makes it.
   */
  public boolean send(RoutingContext ctx, Document document, Buffer body) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    // As JAX-RS's getHeaderString: several headers of a name are one list.
    List<String> encodings = request.headers().getAll(HttpHeaders.ACCEPT_ENCODING);
    Gzipped gzipped = null;
    if (Gzipped.accepted(encodings.isEmpty() ? null : String.join(",", encodings))
        && Gzipped.worthIt(document)) {
      gzipped = Gzipped.made(document);
      if (gzipped == null) {
        return false;
      }
    }
    String etag = gzipped == null ? document.etag() : gzipped.etag();
    List<String> ifNoneMatch = request.headers().getAll(HttpHeaders.IF_NONE_MATCH);
    if (matches(ifNoneMatch.isEmpty() ? null : String.join(",", ifNoneMatch), etag)) {
      response.setStatusCode(304);
      headers(document, etag, response::putHeader);
      response.end();
      return true;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, document.mediaType());
    headers(document, etag, response::putHeader);
    if (gzipped != null) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
      response.end(gzipped.buffer());
    } else {
      response.end(body);
    }
    return true;
  }

  /** The headers of a representation, but for its Content-Type, in the order they are sent. */
  private void headers(Document document, String etag, BiConsumer<String, String> header) {
    header.accept(HttpHeaders.ETAG, etag);
    header.accept(
        HttpHeaders.CACHE_CONTROL,
        document.cacheControl() != null ? document.cacheControl() : cacheControl);
    String vary = document.vary();
    if (Gzipped.worthIt(document)) {
      vary = vary == null ? HttpHeaders.ACCEPT_ENCODING : vary + ", " + HttpHeaders.ACCEPT_ENCODING;
    }
    if (vary != null) {
      header.accept(HttpHeaders.VARY, vary);
    }
    if (document.language() != null) {
      header.accept(HttpHeaders.CONTENT_LANGUAGE, document.language());
    }
    if (document.disposition() != null) {
      header.accept("Content-Disposition", document.disposition());
    }
    if (document.securityPolicy() != null) {
      header.accept("Content-Security-Policy", document.securityPolicy());
    }
  }

  /**
   * A document's gzip encoding, made once per document (by the identity of its bytes: a kept
   * rendering is compressed at the first request that accepts gzip, and forgotten with it), with an
   * entity tag of its own (the identity one, suffixed), as a strong tag names one representation.
   * Only text of 1 KiB or more is worth it. Brotli is left out: no maintained pure-Java encoder.
   */
  record Gzipped(byte[] bytes, Buffer buffer, String etag) {

    private static final int WORTH_FROM_BYTES = 1024;
    private static final java.util.Map<byte[], Gzipped> MADE =
        java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static boolean worthIt(Document document) {
      String type = document.mediaType();
      return document.body().length >= WORTH_FROM_BYTES
          && type != null
          && (type.startsWith("text/")
              || type.startsWith("application/json")
              || type.startsWith("application/javascript")
              || type.startsWith("application/problem+json"));
    }

    static Gzipped of(Document document, String etag) {
      if (!worthIt(document)) {
        return null;
      }
      Gzipped made = made(document);
      if (made == null) {
        // Compressed outside the map's lock: two threads may both compress a new rendering, and
        // none waits for another's megabytes.
        made = gzip(document.body(), etag);
        MADE.put(document.body(), made);
      }
      return made;
    }

    /** The document's gzip if made already, else null. */
    static Gzipped made(Document document) {
      // WeakHashMap compares keys with equals, which for an array is its identity.
      return MADE.get(document.body());
    }

    private static Gzipped gzip(byte[] body, String etag) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4);
      try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
        gzip.write(body);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] bytes = out.toByteArray();
      String tag = etag.substring(0, etag.length() - 1) + "-gzip\"";
      return new Gzipped(
          bytes,
          Buffer.buffer(
              io.netty.buffer.Unpooled.unreleasableBuffer(
                  io.netty.buffer.Unpooled.wrappedBuffer(bytes))),
          tag);
    }

    /**
     * Whether an Accept-Encoding (RFC 9110, 12.5.3) takes gzip: named (or x-gzip, or "*") with a
     * weight above 0, and not refused by name.
     */
    static boolean accepted(String acceptEncoding) {
      if (acceptEncoding == null || acceptEncoding.isBlank()) {
        return false;
      }
      Double gzip = null;
      Double any = null;
      for (String item : acceptEncoding.split(",")) {
        String[] parts = item.split(";");
        String coding = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
        double q = 1;
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
          if (parameter.startsWith("q=")) {
            try {
              q = Double.parseDouble(parameter.substring(2));
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          gzip = gzip == null ? q : Math.max(gzip, q);
        } else if (coding.equals("*")) {
          any = q;
        }
      }
      return gzip != null ? gzip > 0 : any != null && any > 0;
    }
  }

  /** A strong entity tag: the first 128 bits of the SHA-256 of the bytes, base64url. */
  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      byte[] half = new byte[16];
      System.arraycopy(digest, 0, half, 0, half.length);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(half) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** RFC 9110 If-None-Match: weak comparison, a list of tags, or "*". */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bytes of a representation and the headers that describe them; a null {@code cacheControl}
   * is the service's default for public reads.
   */
  public record Document(
      byte[] body,
      String mediaType,
      String language,
      String vary,
      String disposition,
      String etag,
      String cacheControl,
      String securityPolicy) {

    public Document(
        byte[] body, String mediaType, String language, String vary, String disposition) {
      this(body, mediaType, language, vary, disposition, null, null, null);
    }

    public static Document of(String body, String mediaType) {
      return new Document(body.getBytes(StandardCharsets.UTF_8), mediaType, null, null, null);
    }

    public Document inLanguage(String language) {
      return new Document(
          body, mediaType, language, vary, disposition, etag, cacheControl, securityPolicy);
    }

    public Document varying(String vary) {
      return new Document(
          body, mediaType, language, vary, disposition, etag, cacheControl, securityPolicy);
    }

    public Document attachment(String filename) {
      return new Document(
          body,
          mediaType,
          language,
          vary,
          "attachment; filename=\"" + filename + "\"",
          etag,
          cacheControl,
          securityPolicy);
    }

    public Document cachedFor(String cacheControl) {
      return new Document(
          body, mediaType, language, vary, disposition, etag, cacheControl, securityPolicy);
    }

    /** The same document with a Content-Security-Policy (an HTML page's). */
    public Document securedBy(String securityPolicy) {
      return new Document(
          body, mediaType, language, vary, disposition, etag, cacheControl, securityPolicy);
    }

    /** The same document with its entity tag computed once, for documents that are kept. */
    public Document withEtag() {
      return etag != null
          ? this
          : new Document(
              body,
              mediaType,
              language,
              vary,
              disposition,
              etagOf(body),
              cacheControl,
              securityPolicy);
    }
  }
}
