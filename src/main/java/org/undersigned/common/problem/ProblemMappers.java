package org.undersigned.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.ratelimit.RateLimiter;

/**
 * Every exception that reaches the REST layer becomes a problem document in the caller's language
 * (Accept-Language; English or French). Never a class name, a message of the exception or a stack.
 */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response problem(ProblemException exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    return localized(Problems.response(Problems.of(exception, locale)), locale);
  }

  @ServerExceptionMapper
  public Response tooMany(RateLimiter.TooManyRequests exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    return Response.fromResponse(
            localized(
                Problems.response(Problems.of(ProblemType.TOO_MANY_REQUESTS, locale)), locale))
        .header("Retry-After", Long.toString(exception.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(
                Comparator.comparing(Problem.FieldError::field)
                    .thenComparing(Problem.FieldError::message))
            .toList();
    ProblemType type = ProblemType.VALIDATION_FAILED;
    return localized(
        Problems.response(Problems.of(type, locale, Texts.text(locale, type.detailKey()), errors)),
        locale);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonParseException exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    return localized(Problems.response(Problems.of(ProblemType.MALFORMED_REQUEST, locale)), locale);
  }

  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException exception, HttpHeaders headers) {
    return bodyShape(exception, headers);
  }

  @ServerExceptionMapper
  public Response unmappableJson(JsonMappingException exception, HttpHeaders headers) {
    return bodyShape(exception, headers);
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    return Response.fromResponse(
            localized(Problems.response(Problems.of(ProblemType.UNAUTHORIZED, locale)), locale))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    return localized(Problems.response(Problems.of(ProblemType.FORBIDDEN, locale)), locale);
  }

  /** The framework's own HTTP errors: unknown path, method, Accept, Content-Type, size. */
  @ServerExceptionMapper
  public Response framework(WebApplicationException exception, HttpHeaders headers) {
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status >= 500) {
      Log.errorf("Framework error %d: %s", status, Redacted.describe(exception));
    }
    Locale locale = locale(headers);
    return localized(Problems.response(forStatus(status, locale)), locale);
  }

  /** Whether the failure is the caller's connection closing while its body was being read. */
  private static boolean clientWentAway(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpClosedException) {
        return true;
      }
    }
    return false;
  }

  /** The last resort: logged with an incident id, answered with a bare 500 that quotes the id. */
  @ServerExceptionMapper
  public Response unexpected(Throwable exception, HttpHeaders headers) {
    return unexpectedResponse(exception, locale(headers));
  }

  /** A 500 problem for an unforeseen failure, logged without its messages. */
  public static Response unexpectedResponse(Throwable exception, Locale locale) {
    if (clientWentAway(exception)) {
      // A phone that lost its network mid-request: nothing was done, no one reads the answer.
      Log.debugf("The client closed its connection before its request was read");
      return localized(
          Problems.response(Problems.of(ProblemType.MALFORMED_REQUEST, locale)), locale);
    }
    if (Unavailable.isDatabaseDown(exception)) {
      Log.warnf("Database unavailable, answered 503: %s", Redacted.describe(exception));
      return Response.fromResponse(
              localized(
                  Problems.response(Problems.of(ProblemType.SERVICE_UNAVAILABLE, locale)), locale))
          .header("Retry-After", Integer.toString(Unavailable.RETRY_AFTER_SECONDS))
          .build();
    }
    String incident = "urn:uuid:" + UUID.randomUUID();
    Log.errorf("Unexpected failure, incident %s: %s", incident, Redacted.describe(exception));
    ProblemType type = ProblemType.INTERNAL_ERROR;
    Problem bare = Problems.of(type, locale);
    return Problems.response(
        new Problem(bare.type(), bare.title(), bare.status(), bare.detail(), incident, null));
  }

  /** The problem for an HTTP status the framework chose. */
  public static Problem forStatus(int status, Locale locale) {
    ProblemType type =
        switch (status) {
          case 400 -> ProblemType.MALFORMED_REQUEST;
          case 401 -> ProblemType.UNAUTHORIZED;
          case 403 -> ProblemType.FORBIDDEN;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case 503 -> ProblemType.SERVICE_UNAVAILABLE;
          default -> null;
        };
    if (type != null) {
      return Problems.of(type, locale);
    }
    if (status >= 400 && status < 500) {
      // RFC 9457: "about:blank" says no more than the status itself.
      Response.Status known = Response.Status.fromStatusCode(status);
      return new Problem(
          "about:blank",
          known == null ? "Client error" : known.getReasonPhrase(),
          status,
          null,
          null,
          null);
    }
    return Problems.of(ProblemType.INTERNAL_ERROR, locale);
  }

  private static Response bodyShape(JsonMappingException exception, HttpHeaders headers) {
    Locale locale = locale(headers);
    String field =
        exception.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
            .collect(Collectors.joining("."));
    if (field.isEmpty()) {
      return localized(
          Problems.response(Problems.of(ProblemType.MALFORMED_REQUEST, locale)), locale);
    }
    String message =
        Texts.text(
            locale,
            exception instanceof UnrecognizedPropertyException
                ? "field.not-allowed"
                : "field.wrong-type");
    ProblemType type = ProblemType.VALIDATION_FAILED;
    return localized(
        Problems.response(
            Problems.of(
                type,
                locale,
                Texts.text(locale, type.detailKey()),
                List.of(new Problem.FieldError(field, message)))),
        locale);
  }

  /**
   * The caller's name for the field: the properties of a body ({@code submit.body.name} gives
   * {@code name}), or else the query parameter's name ({@code list.limit} gives {@code limit}).
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    String parameter = null;
    List<String> properties = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        properties.add(node.getName());
      }
    }
    if (!properties.isEmpty()) {
      return String.join(".", properties);
    }
    return parameter == null ? "request" : parameter;
  }

  private static Locale locale(HttpHeaders headers) {
    return Texts.fromAcceptLanguage(
        headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private static Response localized(Response response, Locale locale) {
    return Response.fromResponse(response)
        .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
        .build();
  }
}
