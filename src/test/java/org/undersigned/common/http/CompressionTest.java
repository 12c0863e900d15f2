package org.undersigned.common.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.undersigned.testing.TestLetters;

/**
 * Fewer bytes for mobiles: the public reads are gzipped when asked, with an entity tag of their own
 * and {@code Vary: Accept-Encoding}, on the first request (through the resource) and on the next
 * ones (from the kept rendering) alike. Read with a client that does not decode, as the bytes on
 * the wire are what is tested.
 */
@QuarkusTest
class CompressionTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<byte[]> get(String path, String accept, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Accept", accept);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @ParameterizedTest
  @CsvSource({"text/plain", "application/json", "text/html"})
  void theLetterIsGzippedWhenAskedWithATagOfItsOwn(String type) throws Exception {
    String path = "/api/v1/letters/" + TestLetters.BUNDLED;
    // Three times: the first through the resource, the next from the kept rendering.
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> plain = get(path, type);
      HttpResponse<byte[]> gzipped = get(path, type, "Accept-Encoding", "br;q=1, gzip;q=0.8");
      assertEquals(200, plain.statusCode());
      assertEquals(200, gzipped.statusCode());
      assertEquals(null, header(plain, "Content-Encoding"));
      assertEquals("gzip", header(gzipped, "Content-Encoding"));
      assertArrayEquals(plain.body(), gunzip(gzipped.body()));
      assertTrue(gzipped.body().length * 2 < plain.body().length, "worth it");
      assertNotEquals(header(plain, "ETag"), header(gzipped, "ETag"));
      assertTrue(header(plain, "Vary").contains("Accept-Encoding"), header(plain, "Vary"));
      assertTrue(header(gzipped, "Vary").contains("Accept-Encoding"), header(gzipped, "Vary"));
      assertEquals(header(plain, "Content-Type"), header(gzipped, "Content-Type"));

      // A tag names one encoding: 304 for the one the caller holds, the bytes for the other.
      String gzipTag = header(gzipped, "ETag");
      assertEquals(
          304, get(path, type, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode());
      HttpResponse<byte[]> other = get(path, type, "If-None-Match", gzipTag);
      assertEquals(200, other.statusCode());
      assertArrayEquals(plain.body(), other.body());
      assertEquals(
          304,
          get(path, type, "If-None-Match", header(plain, "ETag")).statusCode(),
          "the identity tag still matches the identity bytes");
    }
  }

  @Test
  void refusedOrUnknownCodingsGetTheBytesAsTheyAre() throws Exception {
    String path = "/api/v1/letters/" + TestLetters.BUNDLED;
    for (String acceptEncoding : new String[] {"gzip;q=0", "br", "identity", "*;q=0", "gzip;q=x"}) {
      HttpResponse<byte[]> response = get(path, "text/plain", "Accept-Encoding", acceptEncoding);
      assertEquals(200, response.statusCode());
      assertEquals(null, header(response, "Content-Encoding"), acceptEncoding);
    }
    assertEquals(
        "gzip",
        header(get(path, "text/plain", "Accept-Encoding", "*"), "Content-Encoding"),
        "* takes gzip");
  }

  @Test
  void smallAnswersAreNotCompressed() throws Exception {
    HttpResponse<byte[]> counts =
        get(
            "/api/v1/letters/" + TestLetters.BUNDLED + "/counts",
            "application/json",
            "Accept-Encoding",
            "gzip");
    assertEquals(200, counts.statusCode());
    assertEquals(null, header(counts, "Content-Encoding"));
    String vary = header(counts, "Vary");
    assertFalse(vary != null && vary.contains("Accept-Encoding"), vary);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip|true",
        "GZIP|true",
        "x-gzip|true",
        "deflate, gzip;q=0.5|true",
        "*|true",
        "*;q=0|false",
        "gzip;q=0, *|false",
        "gzip;q=0.000|false",
        "br|false",
        "identity|false",
        "gzip;q=oops|false",
        "' '|false"
      })
  void acceptEncodingIsReadAsRfc9110Says(String header, boolean gzip) {
    assertEquals(gzip, Representations.Gzipped.accepted(header));
  }
}
