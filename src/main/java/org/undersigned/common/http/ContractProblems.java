package org.undersigned.common.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.Problem;
import org.undersigned.common.problem.ProblemType;

/**
 * What every operation of the API can answer, as problem documents, whatever it does: 406 (no
 * representation in the media types of Accept), 500 (an unforeseen failure) and 503 (load shed, or
 * the database away); and, when it takes a body, 400 (malformed), 413 (too large) and 415 (of a
 * type it does not read); every POST and PUT 413 too, as the body limit holds before any route. The
 * contract says so on each, rather than each resource repeating it.
 *
 * <p>The shared problem responses' examples are made here from their one source: each example's
 * type, title, status and detail come from {@link ProblemType} and the English texts the service
 * answers with. {@link UndersignedApi} declares each response (name, status, what it means) and
 * names its example with the extension {@link #EXAMPLE}, which this filter replaces by the example.
 */
public class ContractProblems implements OASFilter {

  /** The extension by which a declared response names the example made for it. */
  static final String EXAMPLE = "x-undersigned-example";

  /** A shared response's example: its name, its problem, what it adds to the problem's fields. */
  record Shared(String name, ProblemType type, Map<String, Object> extra) {

    Shared(String name, ProblemType type) {
      this(name, type, Map.of());
    }
  }

  static final List<Shared> SHARED =
      List.of(
          new Shared(
              "BadRequest",
              ProblemType.VALIDATION_FAILED,
              Map.of(
                  "errors",
                  List.of(
                      error(
                          "contactEmail", "must be an e-mail address, such as contact@example.org"),
                      error(
                          "country",
                          "must be an ISO 3166-1 alpha-2 country code in capitals, such as FR")))),
          new Shared("LetterNotFound", ProblemType.LETTER_NOT_FOUND),
          new Shared("NotFound", ProblemType.NOT_FOUND),
          new Shared("SignatoryNotFound", ProblemType.SIGNATORY_NOT_FOUND),
          new Shared("LetterClosed", ProblemType.LETTER_CLOSED),
          new Shared("PayloadTooLarge", ProblemType.PAYLOAD_TOO_LARGE),
          new Shared("UnsupportedMediaType", ProblemType.UNSUPPORTED_MEDIA_TYPE),
          new Shared("IdempotencyKeyReused", ProblemType.IDEMPOTENCY_KEY_REUSED),
          new Shared("TokenUnknown", ProblemType.TOKEN_UNKNOWN),
          new Shared("TokenUsed", ProblemType.TOKEN_USED),
          new Shared("TokenExpired", ProblemType.TOKEN_EXPIRED),
          new Shared("Unauthorized", ProblemType.UNAUTHORIZED),
          new Shared("Forbidden", ProblemType.FORBIDDEN),
          new Shared("EndorsementNotFound", ProblemType.ENDORSEMENT_NOT_FOUND),
          new Shared("InvalidTransition", ProblemType.INVALID_TRANSITION),
          new Shared("SlugTaken", ProblemType.SLUG_TAKEN),
          new Shared("WebhookNotFound", ProblemType.WEBHOOK_NOT_FOUND),
          new Shared("TooManyRequests", ProblemType.TOO_MANY_REQUESTS),
          new Shared(
              "InternalError",
              ProblemType.INTERNAL_ERROR,
              Map.of("instance", "urn:uuid:4f0c2a9e-7b1d-4c3e-9a8f-2d6b5e1c0a7f")),
          new Shared("ServiceUnavailable", ProblemType.SERVICE_UNAVAILABLE),
          new Shared("NotAcceptable", ProblemType.NOT_ACCEPTABLE));

  @Override
  public APIResponse filterAPIResponse(APIResponse response) {
    Object name = response.getExtensions() == null ? null : response.getExtensions().get(EXAMPLE);
    if (name == null) {
      return response;
    }
    Shared shared =
        SHARED.stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No problem example named " + name));
    response.removeExtension(EXAMPLE);
    MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
    problem.addExample(shared.name(), OASFactory.createExample().value(example(shared)));
    return response;
  }

  /** The problem document the service answers with, in English. */
  static Map<String, Object> example(Shared shared) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", shared.type().uri());
    example.put("title", Texts.text(Locale.ENGLISH, shared.type().titleKey()));
    example.put("status", shared.type().status());
    example.put("detail", Texts.text(Locale.ENGLISH, shared.type().detailKey()));
    example.putAll(shared.extra());
    return example;
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }

  @Override
  public PathItem filterPathItem(PathItem item) {
    item.getOperations()
        .forEach(
            (method, operation) -> {
              if (operation.getResponses() == null) {
                return;
              }
              add(operation, "406", "NotAcceptable");
              if (operation.getRequestBody() != null) {
                add(operation, "400", "BadRequest");
                add(operation, "415", "UnsupportedMediaType");
              }
              if (operation.getRequestBody() != null
                  || method == PathItem.HttpMethod.POST
                  || method == PathItem.HttpMethod.PUT
                  || method == PathItem.HttpMethod.PATCH) {
                // A body over the limit is refused before the operation, even where none is read.
                add(operation, "413", "PayloadTooLarge");
              }
              add(operation, "500", "InternalError");
              add(operation, "503", "ServiceUnavailable");
            });
    return item;
  }

  private static void add(Operation operation, String status, String response) {
    if (operation.getResponses().getAPIResponse(status) == null) {
      operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(response));
    }
  }
}
