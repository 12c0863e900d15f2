package org.undersigned.common.problem;

import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * The last resort: a failure nobody foresaw is logged with an incident id and answered with a bare
 * 500 problem that quotes the id, never the exception's class, message or stack.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable exception) {
    String incident = "urn:uuid:" + UUID.randomUUID();
    Log.errorf("Unexpected failure, incident %s: %s", incident, Redacted.describe(exception));
    ProblemType type = ProblemType.INTERNAL_ERROR;
    return Problems.response(
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            "The service failed to answer this request. Quote the instance when reporting it.",
            incident,
            null));
  }
}
