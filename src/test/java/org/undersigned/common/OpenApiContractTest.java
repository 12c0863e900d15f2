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

  /**
   * The shared problem responses' examples (components.responses, written in UndersignedApi) are
   * what the service answers: each type is a ProblemType, with its status and the English title and
   * detail the service sends. A text changed in one place and not the other fails here.
   */
  @Test
  void everySharedProblemExampleIsWhatTheServiceAnswers() throws IOException {
    JsonNode responses =
        new ObjectMapper(new YAMLFactory())
            .readTree(Files.readString(Contract.FILE))
            .path("components")
            .path("responses");
    int checked = 0;
    for (var entry : responses.properties()) {
      JsonNode examples =
          entry.getValue().path("content").path("application/problem+json").path("examples");
      for (JsonNode example : examples) {
        JsonNode value = example.path("value");
        org.undersigned.common.problem.ProblemType type =
            java.util.Arrays.stream(org.undersigned.common.problem.ProblemType.values())
                .filter(t -> t.uri().equals(value.path("type").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(entry.getKey() + ": no such problem type"));
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertEquals(type.status(), value.path("status").asInt(), entry.getKey());
        assertEquals(
            org.undersigned.common.i18n.Texts.text(en, type.titleKey()),
            value.path("title").asText(),
            entry.getKey());
        assertEquals(
            org.undersigned.common.i18n.Texts.text(en, type.detailKey()),
            value.path("detail").asText(),
            entry.getKey());
        checked++;
      }
    }
    assertEquals(responses.size(), checked, "every shared response has one problem example");
  }
}
