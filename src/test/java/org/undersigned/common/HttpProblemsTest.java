package org.undersigned.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What no operation of the contract covers still answers with a problem document: these requests
 * are outside the contract on purpose, so they are sent without its validation.
 */
@QuarkusTest
class HttpProblemsTest {

  @Test
  void unknownPathUnderTheApiIsAProblem() {
    given()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:not-found"))
        .body("status", equalTo(404));
  }

  @Test
  void unknownSubPathOfALetterIsAProblem() {
    given()
        .get("/api/v1/letters/un-china-human-rights/nothing/here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void methodNotAllowedIsAProblem() {
    given()
        .delete("/api/v1/letters")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:undersigned:problem:method-not-allowed"));
  }

  @Test
  void problemsNeverCarryAStackTraceOrAClassName() {
    given()
        .queryParam("limit", "-1")
        .get("/api/v1/letters/un-china-human-rights/signatories")
        .then()
        .statusCode(400)
        .body(not(containsString("Exception")))
        .body(not(containsString("at org.")))
        .body(not(containsString("java.")));
  }
}
