package org.undersigned.letter.rest;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Answers.headersButDate;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.TestLetters;

/**
 * A rendering over 64 KiB is kept off the heap and answered from there by the event loop: whole, as
 * the resource answers it, and given back once a newer rendering replaces it.
 */
@QuarkusTest
class LargeRenderingTest {

  private static final int NAMES = 1_800;

  @Inject TestLetters fixtures;
  @Inject ReadCache cache;

  @Test
  void aLargeRenderingIsAnsweredWholeAndGivenBackWhenReplaced() throws InterruptedException {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    for (int i = 0; i < NAMES; i++) {
      fixtures.published(
          letter, String.format("Organisation of the large rendering test %04d", i), false);
    }
    String path = "/api/v1/letters/" + letter.slug;

    cache.clear();
    Response byResource = api().accept("text/plain").get(path);
    Response byEventLoop = api().accept("text/plain").get(path);
    byte[] body = byResource.asByteArray();
    assertTrue(body.length > 64 * 1024, "the text is over 64 KiB: " + body.length);
    assertEquals(200, byResource.statusCode());
    assertEquals(200, byEventLoop.statusCode());
    assertEquals(headersButDate(byResource), headersButDate(byEventLoop));
    assertArrayEquals(body, byEventLoop.asByteArray());
    byEventLoop.then().body(containsString("Organisation of the large rendering test 1799"));

    // Each clearing makes the next answer render anew: 200 renderings kept one after the other
    // would hold some 17 MB off the heap if the replaced ones were never given back.
    BufferPoolMXBean direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .findFirst()
            .orElseThrow();
    long before = usedAfterCollection(direct);
    for (int i = 0; i < 200; i++) {
      cache.clear();
      api().accept("text/plain").get(path).then().statusCode(200);
    }
    cache.clear();
    long after = usedAfterCollection(direct);
    assertTrue(
        after - before < 6L * 1024 * 1024,
        "direct memory before " + before + " bytes, after " + after);
  }

  private static long usedAfterCollection(BufferPoolMXBean direct) throws InterruptedException {
    long used = Long.MAX_VALUE;
    // The collector frees a direct buffer's memory some time after it finds the buffer unused.
    for (int i = 0; i < 20; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, direct.getMemoryUsed());
    }
    return used;
  }
}
