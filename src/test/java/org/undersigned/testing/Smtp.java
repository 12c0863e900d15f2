package org.undersigned.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the whole test run, on a free port the service is configured
 * with. A test can stop it and start it again to play a mail server outage.
 */
public class Smtp implements QuarkusTestResourceLifecycleManager {

  private static int port;
  private static GreenMail server;

  @Override
  public Map<String, String> start() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    startServer();
    return Map.of("quarkus.mailer.port", String.valueOf(port));
  }

  @Override
  public void stop() {
    stopServer();
  }

  /** Starts the server (again) on the same port. */
  public static synchronized void startServer() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** Stops the server: the service's sends now fail until it starts again. */
  public static synchronized void stopServer() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The messages received so far for an address. */
  public static synchronized List<MimeMessage> messagesTo(String address) {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  /** Waits until an address has received {@code count} messages, and answers them. */
  public static List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    List<MimeMessage> messages = messagesTo(address);
    while (messages.size() < count && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      messages = messagesTo(address);
    }
    if (messages.size() < count) {
      throw new AssertionError(
          address + " received " + messages.size() + " messages, expected " + count);
    }
    return messages;
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
