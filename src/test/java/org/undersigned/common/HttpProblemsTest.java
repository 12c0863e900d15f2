package org.undersigned.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undersigned.testing.TestLetters;

/**
 * What no operation of the contract covers still answers with a problem document: these requests
 * are outside the contract on purpose, so they are sent without its validation.
 */
@QuarkusTest
class HttpProblemsTest {

  /**
   * A phone that loses its network halfway through sending a signature: nothing is done, and it is
   * no incident (no error logged, no 500 counted), since the failure is the caller's connection.
   */
  @Test
  void aClientThatHangsUpMidBodyIsNoIncident() throws Exception {
    List<LogRecord> errors = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
              errors.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    try {
      try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/v1/letters/"
                    + TestLetters.BUNDLED
                    + "/endorsements HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                    + "{\"kind\":\"ORGANISATION\",")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // Long enough for the request to be under way on a worker thread.
        Thread.sleep(500);
      }
      // And long enough for the service to notice the connection is gone.
      Thread.sleep(1000);
      given().get("/api/v1/letters/" + TestLetters.BUNDLED + "/counts").then().statusCode(200);
      assertEquals(List.of(), errors.stream().map(LogRecord::getMessage).toList());
    } finally {
      root.removeHandler(handler);
    }
  }

  /**
   * A chunked body (no Content-Length) is counted as it arrives: once past the limit, the 413
   * problem is written and the connection closed, before the caller has sent the rest.
   */
  @Test
  void aChunkedBodyOverTheLimitIsRefusedAsSoonAsItPassesIt() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/letters/"
                  + TestLetters.BUNDLED
                  + "/endorsements HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[4096];
      java.util.Arrays.fill(chunk, (byte) ' ');
      // 20 KiB of a body announced to go on for ever: the limit is 16 KiB.
      for (int i = 0; i < 5; i++) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assertions.assertTrue(
          answer.startsWith("HTTP/1.1 413"), answer.lines().findFirst().orElse(""));
      org.junit.jupiter.api.Assertions.assertTrue(
          answer.contains("application/problem+json"), answer);
      org.junit.jupiter.api.Assertions.assertTrue(
          answer.contains("urn:undersigned:problem:payload-too-large"), answer);
    }
  }

  /**
   * More clients than the service works for at once (128) each start a chunked body and hang up:
   * none keeps its place, so the service still answers everyone after.
   */
  @Test
  void clientsThatHangUpMidChunkedBodyLeaveNoPlaceTaken() throws Exception {
    for (int i = 0; i < 140; i++) {
      try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/v1/letters/"
                    + TestLetters.BUNDLED
                    + "/endorsements HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n{\"kin\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }
    // Time for the service to notice the connections are gone.
    Thread.sleep(1000);
    given().get("/api/v1/letters/" + TestLetters.BUNDLED + "/counts").then().statusCode(200);
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/letters/" + TestLetters.BUNDLED + "/endorsements")
        .then()
        .statusCode(400);
  }

  /** A chunked body under the limit is taken like any other. */
  @Test
  void aChunkedBodyUnderTheLimitIsTaken() throws Exception {
    String json =
        "{\"kind\":\"ORGANISATION\",\"name\":\"Chunked Body Org\",\"contactName\":\"A\","
            + "\"contactEmail\":\"chunked@example.org\",\"anonymous\":false,\"consent\":true}";
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      int half = body.length / 2;
      StringBuilder request =
          new StringBuilder(
              "POST /api/v1/letters/"
                  + TestLetters.BUNDLED
                  + "/endorsements HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, half);
      out.write(
          ("\r\n" + Integer.toHexString(body.length - half) + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, half, body.length - half);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
      org.junit.jupiter.api.Assertions.assertTrue(answer.contains("PENDING_CONFIRMATION"), answer);
    }
  }

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/letters/a%00b",
        "/api/v1/letters/%E2%80%AE",
        "/api/v1/letters/" + "x" + "%F0%9F%98%80",
        "/api/v1/letters/un-china-human-rights/signatories?q=%00",
        "/api/v1/letters/un-china-human-rights/signatories?q=%E2%80%AEabc%07",
        "/api/v1/letters/un-china-human-rights/signatories?cursor=%00",
        "/api/v1/letters/un-china-human-rights/signatories/%00",
        "/api/v1/letters/un-china-human-rights?lang=%00",
        "/api/v1/letters/a%00b/signatories",
        "/api/v1/letters/a%00b/signatories.csv",
      })
  void hostileInputIsNeverAServerError(String path) {
    int status = given().urlEncodingEnabled(false).get(path).then().extract().statusCode();
    org.junit.jupiter.api.Assertions.assertTrue(status < 500, path + " answered " + status);
  }

  @Test
  void hostileInputIsAnsweredWithProblems() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/letters/a%00b")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void signatoriesAreOnlyJson() {
    given()
        .accept("text/plain")
        .get("/api/v1/letters/un-china-human-rights/signatories")
        .then()
        .statusCode(406)
        .contentType("application/problem+json");
  }

  @Test
  void headIsAnsweredLikeGetWithoutBody() {
    given()
        .head("/api/v1/letters/un-china-human-rights")
        .then()
        .statusCode(200)
        .header("ETag", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void everyAnswerForbidsSniffingAndLeaksNoAddressInReferers() {
    for (String path :
        new String[] {
          "/api/v1/letters", "/api/v1/letters/no-such-letter", "/widget.js", "/q/health"
        }) {
      given()
          .get(path)
          .then()
          .header("X-Content-Type-Options", "nosniff")
          .header("Referrer-Policy", org.hamcrest.Matchers.notNullValue());
    }
  }

  @Test
  void theHtmlRenderingMayRunNothing() {
    given()
        .accept("text/html")
        .get("/api/v1/letters/un-china-human-rights")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("default-src 'none'"));
  }
}
