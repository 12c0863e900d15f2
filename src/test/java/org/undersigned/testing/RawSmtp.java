package org.undersigned.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small SMTP server that plays the recipient's mail scanner at its most eager: it hands each
 * message to a callback (which follows the link) before it acknowledges the message, that is before
 * the service even knows the mail has left.
 */
public final class SilentSmtp implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> onMessage = message -> {};
  private final int silentConnections;
  private final java.util.concurrent.atomic.AtomicInteger connections =
      new java.util.concurrent.atomic.AtomicInteger();
  private final List<Socket> silent = new CopyOnWriteArrayList<>();

  /** How many connections get no greeting, then. */
  public SilentSmtp(int silentConnections) throws IOException {
    this.silentConnections = silentConnections;
    server = new ServerSocket(0);
    Thread accepting = new Thread(this::accept, "silent-smtp");
    accepting.setDaemon(true);
    accepting.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many connections the client opened. */
  public int connections() {
    return connections.get();
  }

  /** How many of the silent connections the client has closed. */
  public long silentConnectionsClosedByTheClient() {
    return silent.stream().filter(Socket::isClosed).count();
  }

  /** What to do with each message, before it is acknowledged. */
  public void onMessage(Consumer<String> callback) {
    this.onMessage = callback;
  }

  /** The messages acknowledged so far, as raw text. */
  public List<String> received() {
    return received;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread session = new Thread(() -> serve(socket), "silent-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      if (connections.incrementAndGet() <= silentConnections) {
        // Never greets: holds the connection open and reads nothing, until the client hangs up.
        silent.add(socket);
        while (socket.getInputStream().read() >= 0) {
          // Whatever the client says, no answer.
        }
        return;
      }
      reply(out, "220 clicking-smtp ready");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(java.util.Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 clicking-smtp");
        } else if (command.startsWith("DATA")) {
          reply(out, "354 go on");
          StringBuilder message = new StringBuilder();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
          }
          String text = message.toString();
          onMessage.accept(text);
          received.add(text);
          reply(out, "250 accepted");
        } else if (command.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // The service hung up.
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
