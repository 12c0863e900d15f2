package org.undersigned.letter.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.undersigned.testing.Answers.headersButDate;
import static org.undersigned.testing.Contract.api;
import static org.undersigned.testing.Contract.badRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.TestLetters;

/**
 * A kept rendering is answered from the event loop ({@link LetterReads}); a caller must not be able
 * to tell that answer from the resource's: same status, same headers, same bytes.
 */
@QuarkusTest
class LetterReadsTest {

  private static final String BUNDLED = "/api/v1/letters/" + TestLetters.BUNDLED;

  @Inject ReadCache cache;
  @Inject TestLetters fixtures;

  @Test
  void theEventLoopAnswersAsTheResourceDoes() {
    List<Case> cases =
        List.of(
            new Case(BUNDLED, r -> r),
            new Case(BUNDLED, r -> r.accept("text/plain")),
            new Case(BUNDLED, r -> r.accept("text/markdown")),
            new Case(BUNDLED, r -> r.accept("text/html")),
            new Case(BUNDLED, r -> r.accept("text/*;q=0.8, application/json;q=0.1")),
            new Case(BUNDLED, r -> r.queryParam("lang", "fr")),
            new Case(BUNDLED, r -> r.header("Accept-Language", "fr-CH, fr;q=0.9")),
            new Case(BUNDLED, r -> r.header("Origin", "https://partner.example")),
            new Case(BUNDLED, r -> r.header("Origin", "https://elsewhere.example")),
            new Case(BUNDLED + "/counts", r -> r),
            new Case(BUNDLED + "/counts", r -> r.queryParam("t", "1")),
            new Case(BUNDLED + "/signatories.csv", r -> r),
            new Case(BUNDLED + "/signatories.csv", r -> r.header("Accept", "text/csv")));
    for (Case c : cases) {
      cache.clear();
      Response byResource = c.send();
      Response byEventLoop = c.send();
      assertSame(c.path(), byResource, byEventLoop);
      // And a revalidation with the tag just received is a 304 with the same headers.
      String etag = byResource.header("ETag");
      assertNotNull(etag, c.path());
      cache.clear();
      Response notModifiedByResource = c.send(r -> r.header("If-None-Match", etag));
      Response notModifiedByEventLoop = c.send(r -> r.header("If-None-Match", etag));
      assertEquals(304, notModifiedByResource.statusCode(), c.path());
      assertSame(c.path(), notModifiedByResource, notModifiedByEventLoop);
    }
  }

  @Test
  void theKeptRenderingIsTheOneTheEventLoopFinds() {
    cache.clear();
    api().accept("text/plain").get(BUNDLED).then().statusCode(200);
    String key = LetterReads.letterKey(TestLetters.BUNDLED, null, null, MediaType.TEXT_PLAIN_TYPE);
    assertNotNull(cache.ready(key), "the resource kept its rendering under the event loop's key");
  }

  @Test
  void whatNoOneMayReadIsNeverAnsweredFromMemory() {
    Letter draft = fixtures.letter(LetterStatus.DRAFT, "en");
    for (int i = 0; i < 2; i++) {
      api().get("/api/v1/letters/" + draft.slug).then().statusCode(404);
      api().get("/api/v1/letters/" + draft.slug + "/counts").then().statusCode(404);
    }
    assertNull(cache.ready(LetterReads.countsKey(draft.slug)));
    // A malformed lang is refused every time, never kept.
    for (int i = 0; i < 2; i++) {
      badRequest().queryParam("lang", "x_1").get(BUNDLED).then().statusCode(400);
    }
  }

  private static void assertSame(String what, Response expected, Response actual) {
    assertEquals(expected.statusCode(), actual.statusCode(), what);
    assertEquals(headersButDate(expected), headersButDate(actual), what);
    assertArrayEquals(expected.asByteArray(), actual.asByteArray(), what);
  }

  private record Case(String path, UnaryOperator<RequestSpecification> request) {

    Response send() {
      return send(r -> r);
    }

    Response send(UnaryOperator<RequestSpecification> more) {
      return more.apply(request.apply(api())).get(path);
    }
  }
}
