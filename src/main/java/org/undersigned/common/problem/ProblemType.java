package org.undersigned.common.problem;

/**
 * The kinds of problem the service reports, each with a stable type URI; titles and default details
 * are texts ({@code problem.<slug>.title}, {@code problem.<slug>.detail}).
 */
public enum ProblemType {
  VALIDATION_FAILED(400, "validation-failed"),
  MALFORMED_REQUEST(400, "malformed-request"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  NOT_FOUND(404, "not-found"),
  LETTER_NOT_FOUND(404, "letter-not-found"),
  SIGNATORY_NOT_FOUND(404, "signatory-not-found"),
  ENDORSEMENT_NOT_FOUND(404, "endorsement-not-found"),
  TOKEN_UNKNOWN(404, "token-unknown"),
  WEBHOOK_NOT_FOUND(404, "webhook-not-found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable"),
  LETTER_CLOSED(409, "letter-closed"),
  TOKEN_USED(409, "token-used"),
  INVALID_TRANSITION(409, "invalid-transition"),
  DUPLICATE_ORGANISATION(409, "duplicate-organisation"),
  SLUG_TAKEN(409, "slug-taken"),
  TOKEN_EXPIRED(410, "token-expired"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused"),
  TOO_MANY_REQUESTS(429, "too-many-requests"),
  INTERNAL_ERROR(500, "internal-error"),
  SERVICE_UNAVAILABLE(503, "service-unavailable");

  private static final String PREFIX = "urn:undersigned:problem:";

  private final int status;
  private final String slug;

  ProblemType(int status, String slug) {
    this.status = status;
    this.slug = slug;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return PREFIX + slug;
  }

  /** Key of the title text. */
  public String titleKey() {
    return "problem." + slug + ".title";
  }

  /** Key of the default detail text. */
  public String detailKey() {
    return "problem." + slug + ".detail";
  }
}
