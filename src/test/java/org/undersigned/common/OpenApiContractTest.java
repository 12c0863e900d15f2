package org.undersigned.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.Contract;

/**
 * The committed contract is the one the service serves. When they differ the served one is written
 * to {@code target/openapi-served.yaml}; review it and copy it over {@code openapi/openapi.yaml} if
 * the change is meant.
 */
@QuarkusTest
class OpenApiContractTest {

  @Test
  void committedContractIsTheServedOne() throws IOException {
    String served =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode committed = yaml.readTree(Files.readString(Contract.FILE));
    JsonNode actual = yaml.readTree(served);
    if (!committed.equals(actual)) {
      Path out = Path.of("target", "openapi-served.yaml");
      Files.createDirectories(out.getParent());
      Files.writeString(out, served);
      assertEquals(
          committed.toPrettyString(),
          actual.toPrettyString(),
          "openapi/openapi.yaml differs from the served contract; see " + out);
    }
  }
}
