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
 * A small SMTP server for what GreenMail cannot play. Its first connections can be left without a
 * greeting, as a server whose greeting is lost leaves them; and it can hand each message to a
 * callback before acknowledging it, as the recipient's most eager mail scanner would follow a link
 * before the service even knows its mail has left.
 */
public final class RawSmtp implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> onMessage = message -> {};
  private final int silentConnections;
  private final java.util.concurrent.atomic.AtomicInteger connections =
      new java.util.concurrent.atomic.AtomicInteger();
  private final List<Socket> silent = new CopyOnWriteArrayList<>();

  /** A server whose first {@code silentConnections} connections get no greeting (0: none). */
  public RawSmtp(int silentConnections) throws IOException {
    this.silentConnections = silentConnections;
    server = new ServerSocket(0);
    Thread accepting = new Thread(this::accept, "raw-smtp");
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
        Thread session = new Thread(() -> serve(socket), "raw-smtp-session");
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
