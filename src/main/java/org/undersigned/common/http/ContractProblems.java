package org.undersigned.common.http;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * What every operation of the API can answer, as problem documents, whatever it does: 406 (no
 * representation in the media types of Accept), 500 (an unforeseen failure) and 503 (load shed, or
 * the database away); and, when it takes a body, 400 (malformed), 413 (too large) and 415 (of a
 * type it does not read); every POST and PUT 413 too, as the body limit holds before any route. The
 * contract says so on each, rather than each resource repeating it.
 */
public class ContractProblems implements OASFilter {

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
