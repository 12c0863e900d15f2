package org.undersigned.common.problem;

/** The kinds of problem the service reports, each with a stable type URI and a title. */
public enum ProblemType {
  VALIDATION_FAILED(400, "validation-failed", "The request is not valid"),
  MALFORMED_REQUEST(400, "malformed-request", "The request body cannot be read"),
  NOT_FOUND(404, "not-found", "Not found"),
  LETTER_NOT_FOUND(404, "letter-not-found", "Letter not found"),
  SIGNATORY_NOT_FOUND(404, "signatory-not-found", "Signatory not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "Service temporarily unavailable"),
  INTERNAL_ERROR(500, "internal-error", "Internal error");

  private static final String PREFIX = "urn:undersigned:problem:";

  private final int status;
  private final String uri;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.uri = PREFIX + slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return uri;
  }

  public String title() {
    return title;
  }
}
