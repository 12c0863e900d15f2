package org.undersigned.widget;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.common.http.Representations;
import org.undersigned.common.http.Representations.Document;

/**
 * Serves the embeddable widget's script to partner pages: with a strong ETag, so that they
 * revalidate cheaply, and an hour of cache, so that a fix reaches every partner within the hour.
 */
@Path("/widget.js")
public class WidgetResource {

  static final String MEDIA_TYPE = "text/javascript;charset=UTF-8";
  static final Duration MAX_AGE = Duration.ofHours(1);

  private final Representations representations;
  private final byte[] script;

  public WidgetResource(Representations representations) {
    this.representations = representations;
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream("widget/widget.js")) {
      if (in == null) {
        throw new IllegalStateException("The widget's script is missing from the class path");
      }
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Produces("text/javascript")
  @Operation(hidden = true)
  public Response script(@Context HttpHeaders headers) {
    return representations.ok(headers, new Document(script, MEDIA_TYPE, null, null, null), MAX_AGE);
  }
}
