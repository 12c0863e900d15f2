package org.undersigned.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.undersigned.common.config.UndersignedConfig;

/**
 * Public reads as cacheable documents: a strong {@code ETag} computed from the very bytes sent,
 * {@code 304 Not Modified} on a matching {@code If-None-Match}, and {@code Cache-Control}.
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

  /** A small JSON document that must stay fresh (the counts): a few seconds of cache only. */
  public Response fresh(HttpHeaders request, Object value) {
    return withCacheControl(json(request, value, null, null), freshCacheControl);
  }

  /** A document kept for a given time, such as the widget's script. */
  public Response ok(HttpHeaders request, Document document, Duration maxAge) {
    return withCacheControl(ok(request, document), "public, max-age=" + maxAge.toSeconds());
  }

  private static Response withCacheControl(Response response, String cacheControl) {
    return Response.fromResponse(response)
        .header(HttpHeaders.CACHE_CONTROL, null)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .build();
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

  /** A small document that must stay fresh (the counts): a few seconds of cache only. */
  public Response fresh(HttpHeaders request, Document document) {
    return withCacheControl(ok(request, document), freshCacheControl);
  }

  /** A representation of a resource, or 304 when the caller already holds these bytes. */
  public Response ok(HttpHeaders request, Document document) {
    String etag = document.etag() != null ? document.etag() : etagOf(document.body());
    Response.ResponseBuilder builder;
    if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
      builder = Response.notModified();
    } else {
      builder = Response.ok(document.body()).type(document.mediaType());
    }
    builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    if (document.vary() != null) {
      builder.header(HttpHeaders.VARY, document.vary());
    }
    if (document.language() != null) {
      builder.header(HttpHeaders.CONTENT_LANGUAGE, document.language());
    }
    if (document.disposition() != null) {
      builder.header("Content-Disposition", document.disposition());
    }
    return builder.build();
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

  /** The bytes of a representation and the headers that describe them. */
  public record Document(
      byte[] body,
      String mediaType,
      String language,
      String vary,
      String disposition,
      String etag) {

    public Document(
        byte[] body, String mediaType, String language, String vary, String disposition) {
      this(body, mediaType, language, vary, disposition, null);
    }

    public static Document of(String body, String mediaType) {
      return new Document(body.getBytes(StandardCharsets.UTF_8), mediaType, null, null, null);
    }

    public Document inLanguage(String language) {
      return new Document(body, mediaType, language, vary, disposition, etag);
    }

    public Document varying(String vary) {
      return new Document(body, mediaType, language, vary, disposition, etag);
    }

    public Document attachment(String filename) {
      return new Document(
          body, mediaType, language, vary, "attachment; filename=\"" + filename + "\"", etag);
    }

    /** The same document with its entity tag computed once, for documents that are kept. */
    public Document withEtag() {
      return etag != null
          ? this
          : new Document(body, mediaType, language, vary, disposition, etagOf(body));
    }
  }
}
