package org.undersigned.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real HTTP endpoint for webhooks: it records every request, and can fail the first ones. */
public final class Receiver implements AutoCloseable {

  /** A request as received, and the status it was answered with. */
  public record Received(Map<String, String> headers, String body, int answered) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;

  private final java.util.concurrent.CountDownLatch released =
      new java.util.concurrent.CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();

  public Receiver(int failFirst) throws IOException {
    this(failFirst, false);
  }

  /** An endpoint that takes each request and never answers, until it is closed. */
  public static Receiver hanging() throws IOException {
    return new Receiver(0, true);
  }

  /** How many requests a hanging endpoint is holding now. */
  public int held() {
    return held.get();
  }

  private Receiver(int failFirst, boolean hang) throws IOException {
    this.failuresLeft = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          if (hang) {
            held.incrementAndGet();
            try {
              released.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          Map<String, String> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          received.add(new Received(headers, body, status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until a request matching the predicate was answered 2xx, and answers every match. */
  public List<Received> awaitDelivered(Predicate<Received> which, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<Received> matches = received.stream().filter(which).toList();
      if (matches.stream().anyMatch(r -> r.answered() < 300)) {
        return matches;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("No delivery matched; received: " + received);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
