package org.undersigned.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What operators reach, on the management interface (a port of its own): health, metrics, Swagger
 * UI. The public port serves none of it, only the contract.
 */
@QuarkusTest
class OperationsTest {

  /** The management interface of the service under test. */
  static RequestSpecification management() {
    return given()
        .port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
  }

  @Test
  void livenessIsUp() {
    management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessChecksTheDatabase() {
    management()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")));
  }

  @Test
  void metricsAreExposedForPrometheus() {
    given().get("/api/v1/letters").then().statusCode(200);
    management()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests_seconds_count"));
  }

  @Test
  void swaggerUiServesTheContract() {
    management().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/q/metrics",
        "/q/health",
        "/q/health/ready",
        "/q/health/live",
        "/q/swagger-ui/",
        "/q/swagger-ui/index.html",
        "/q/info",
        "/q/dev-ui"
      })
  void thePublicPortServesNoOperations(String path) {
    given().get(path).then().statusCode(404);
  }

  @Test
  void thePublicPortServesTheContractAsTheManagementInterfaceDoes() {
    for (String format : new String[] {"yaml", "json"}) {
      String published =
          given()
              .queryParam("format", format)
              .get("/q/openapi")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      String managed =
          management()
              .queryParam("format", format)
              .get("/q/openapi")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertEquals(managed, published, format);
    }
    given().get("/q/openapi.json").then().statusCode(200).contentType(containsString("json"));
  }
}
