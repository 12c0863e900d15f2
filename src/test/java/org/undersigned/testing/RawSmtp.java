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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small SMTP server for what GreenMail cannot play. It greets the instant it accepts, as a local
 * relay does. Its first connections can be left without a greeting, as a server whose greeting is
 * lost leaves them; it can cut a connection in the middle of a message, and restart; it can hand
 * each message to a callback before acknowledging it, as the recipient's most eager mail scanner
 * would follow a link before the service even knows its mail has left; and it tells how many
 * messages it was taking at once, per receiving domain.
 */
public final class RawSmtp implements AutoCloseable {

  private volatile ServerSocket server;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger dropNext =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> sendingTo =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Integer> mostAtOnceTo =
      new java.util.concurrent.ConcurrentHashMap<>();
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
    port = server.getLocalPort();
    listen();
  }

  private void listen() {
    ServerSocket listening = server;
    Thread accepting = new Thread(() -> accept(listening), "raw-smtp");
    accepting.setDaemon(true);
    accepting.start();
  }

  /**
   * Plays a restart: every connection is cut and the port closed, then opened again. The
   * connections the service keeps are dead without it knowing.
   */
  public synchronized void restart() throws IOException {
    stop();
    start();
  }

  /** Plays an outage: every connection is cut and the port closed (connections are refused). */
  public synchronized void stop() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  /** Ends the outage: the port is open again. */
  public synchronized void start() throws IOException {
    // The port is one of the ephemeral range, free while the server is away: the service's own
    // attempts to connect to it can be given it as their source port, and a TCP connection to
    // oneself is then made (simultaneous open) and holds the port until the client's time-out.
    // So the bind is retried for a while, as a restarting server would be by its supervisor.
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      ServerSocket again = new ServerSocket();
      again.setReuseAddress(true);
      try {
        again.bind(new java.net.InetSocketAddress(port));
        server = again;
        listen();
        return;
      } catch (java.net.BindException inUse) {
        again.close();
        if (System.nanoTime() > deadline) {
          throw inUse;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw inUse;
        }
      }
    }
  }

  /** The next {@code count} messages are cut off: the connection drops in the middle of DATA. */
  public void dropInTheMiddle(int count) {
    dropNext.set(count);
  }

  /** The most messages to one domain this server was taking at once. */
  public int mostAtOnceTo(String domain) {
    return mostAtOnceTo.getOrDefault(domain, 0);
  }

  /** The most messages this server was taking at once, whatever their domain. */
  public int mostAtOnce() {
    return mostAtOnce.get();
  }

  private final java.util.concurrent.atomic.AtomicInteger sending =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger mostAtOnce =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A server listening now (see the constructor); for a test class's static field. */
  public static RawSmtp listening(int silentConnections) {
    try {
      return new RawSmtp(silentConnections);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
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

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket socket = listening.accept();
        open.add(socket);
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
      String domain = "";
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(java.util.Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 clicking-smtp");
        } else if (command.startsWith("RCPT")) {
          domain = line.substring(line.indexOf('@') + 1).replace(">", "").trim();
          reply(out, "250 ok");
        } else if (command.startsWith("DATA")) {
          reply(out, "354 go on");
          if (dropNext.getAndDecrement() > 0) {
            in.readLine();
            return;
          }
          AtomicInteger toDomain = sendingTo.computeIfAbsent(domain, d -> new AtomicInteger());
          mostAtOnceTo.merge(domain, toDomain.incrementAndGet(), Math::max);
          mostAtOnce.accumulateAndGet(sending.incrementAndGet(), Math::max);
          try {
            StringBuilder message = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
            }
            String text = message.toString();
            onMessage.accept(text);
            received.add(text);
          } finally {
            toDomain.decrementAndGet();
            sending.decrementAndGet();
          }
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
    } finally {
      open.remove(socket);
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
