package org.undersigned.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/**
 * Every request a test sends and every answer it gets is checked against the committed contract,
 * {@code openapi/openapi.yaml}: the behaviour cannot drift from what integrators read.
 */
public final class Contract {

  /** The committed contract, relative to the project's root where Maven runs the tests. */
  public static final Path FILE = Path.of("openapi", "openapi.yaml");

  private static final OpenApiValidationFilter EXCHANGE =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl(FILE.toUri().toString()).build());

  private static final OpenApiValidationFilter RESPONSE_ONLY =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl(FILE.toUri().toString())
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

  private Contract() {}

  /** A request the contract allows; the request and its answer are validated against it. */
  public static RequestSpecification api() {
    return RestAssured.given().filter(EXCHANGE);
  }

  /**
   * A request the contract forbids, sent on purpose to test the refusal: only the answer is
   * validated, and it must be a problem the contract describes.
   */
  public static RequestSpecification badRequest() {
    return RestAssured.given().filter(RESPONSE_ONLY);
  }
}
