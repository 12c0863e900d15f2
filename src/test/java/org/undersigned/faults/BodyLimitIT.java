package org.undersigned.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Large bodies sent without a Content-Length, against the packaged service run with the
 * Dockerfile's own JVM options (80 MB of heap, exit on OutOfMemoryError): none is held beyond the
 * limit, and the service stays up.
 */
class BodyLimitIT {

  @BeforeAll
  static void database() throws Exception {
    Faults.freshDatabase();
  }

  @Test
  void aBurstOfLargeChunkedBodiesLeavesTheServiceUp() throws Exception {
    int smtpPort = Faults.freePort();
    var mail = Faults.smtp(smtpPort);
    try (ServiceProcess service =
        new ServiceProcess("chunked-bodies", Faults.settings(Faults.POSTGRES_PORT, smtpPort))
            .jvmOptions(ServiceProcess.productionJvmOptions())
            .start()) {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String url = service.baseUrl() + "/api/v1/letters/" + Faults.SLUG + "/endorsements";
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        answers.add(pool.submit(() -> sendChunked(client, url, 6 * 1024 * 1024)));
      }
      List<String> seen = new ArrayList<>();
      for (Future<String> answer : answers) {
        seen.add(answer.get(120, TimeUnit.SECONDS));
      }
      pool.shutdown();
      // Each got the 413 problem, or saw its connection closed while it was still sending (the
      // problem was written first): never a 400 after the whole body was read, never a 500.
      for (String s : seen) {
        assertTrue(s.equals("413 problem") || s.equals("closed"), s);
      }
      assertTrue(seen.contains("413 problem"), seen.toString());
      assertTrue(service.isAlive(), "the service is still running");
      assertEquals(200, Faults.get(service.managementUrl() + "/q/health/ready").statusCode());
      assertEquals(
          202, Faults.sign(service, "After The Burst Org", Faults.newEmail()).statusCode());
    } finally {
      mail.stop();
    }
  }

  /** Streams a body of this size with no Content-Length (HTTP/1.1 chunked). */
  private static String sendChunked(HttpClient client, String url, int size) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Spaces(size)))
            .build();
    try {
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 413
              && answer.headers().firstValue("Content-Type").orElse("").contains("problem+json")
          ? "413 problem"
          : answer.statusCode() + " " + answer.body();
    } catch (IOException closed) {
      return "closed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** A JSON-ish body of spaces that is never held in memory whole. */
  private static final class Spaces extends InputStream {
    private int left;

    Spaces(int size) {
      this.left = size;
    }

    @Override
    public int read() {
      return left-- > 0 ? ' ' : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) ' ');
      left -= n;
      return n;
    }
  }
}
