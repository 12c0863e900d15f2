package org.undersigned.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the service exports, kept in memory for the tests that read them (Quarkus exports to
 * every SpanExporter bean). Tracing is off in the tests unless a profile turns it on ({@code
 * quarkus.otel.sdk.disabled=false}), so this holds nothing elsewhere.
 */
@Singleton
public class InMemoryTraces {

  @Produces
  @Singleton
  InMemorySpanExporter exporter() {
    return InMemorySpanExporter.create();
  }
}
