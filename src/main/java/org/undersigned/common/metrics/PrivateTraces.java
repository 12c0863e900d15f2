package org.undersigned.common.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What a span must not carry out of the service, whoever collects the traces: the query string (the
 * link pages take the signer's token in it, {@code /confirm?token=…}) and the caller's address and
 * browser (which tie a person to a signature). The HTTP instrumentation sets them when a span
 * starts; this processor, which Quarkus adds to every tracer, blanks them there, before any
 * exporter sees the span. Paths carry no personal datum (names and e-mails travel in bodies, tokens
 * in bodies or queries), and database statements are not traced ({@code
 * quarkus.datasource.jdbc.telemetry} stays off), so their parameters never are. LogPrivacyTest
 * reads every exported span after a whole signing life.
 */
@ApplicationScoped
public class PrivateTraces implements SpanProcessor {

  static final String REDACTED = "";

  /** Attributes blanked whole. */
  static final List<AttributeKey<String>> BLANKED =
      List.of(
          AttributeKey.stringKey("url.query"),
          AttributeKey.stringKey("client.address"),
          AttributeKey.stringKey("network.peer.address"),
          AttributeKey.stringKey("user_agent.original"),
          // Older semantic conventions' names for the same.
          AttributeKey.stringKey("http.client_ip"),
          AttributeKey.stringKey("net.sock.peer.addr"),
          AttributeKey.stringKey("net.peer.ip"),
          AttributeKey.stringKey("http.user_agent"));

  /** Attributes that hold a URL or a path with its query: kept without the query. */
  static final List<AttributeKey<String>> WITHOUT_QUERY =
      List.of(
          AttributeKey.stringKey("url.full"),
          AttributeKey.stringKey("http.url"),
          AttributeKey.stringKey("http.target"));

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    for (AttributeKey<String> key : BLANKED) {
      if (span.getAttribute(key) != null) {
        span.setAttribute(key, REDACTED);
      }
    }
    for (AttributeKey<String> key : WITHOUT_QUERY) {
      String value = span.getAttribute(key);
      if (value != null && value.indexOf('?') >= 0) {
        span.setAttribute(key, value.substring(0, value.indexOf('?')));
      }
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }
}
