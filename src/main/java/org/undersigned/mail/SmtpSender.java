package org.undersigned.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.common.config.UndersignedConfig;

/**
 * Sends the service's e-mails over SMTP with Angus Mail (the Jakarta Mail implementation), through
 * connections each owned by one sender thread and kept open from one e-mail to the next.
 *
 * <p>Why not Quarkus Mailer's client (Vert.x mail client 4.5): a new pooled connection is handed
 * out by the pool before the client has set its socket's data handler ({@code SMTPConnection.init}
 * runs after {@code SMTPEndPoint.connect} has completed, on the caller's context), and Vert.x drops
 * what a socket receives while it has no handler. A server that greets the instant it accepts (a
 * local relay) loses its greeting about one time in five: the client waits for it until its
 * timeout, and with Quarkus's timeout, which bounds only the caller's wait, never closes the
 * connection; once the pool's connections were all so held no e-mail left again. Here each
 * connection is a blocking socket read in order (the greeting cannot be missed), every read, write
 * and connect is bounded by {@code quarkus.mailer.timeout}, and a connection that fails in any way
 * is closed at once.
 *
 * <p>The settings are Quarkus Mailer's own ({@code quarkus.mailer.*}: host, port, from, username,
 * password, start-tls, tls, timeout, mock), so configuration did not change.
 */
@ApplicationScoped
public class SmtpSender {

  private final boolean mock;
  private final InternetAddress from;
  private final Properties settings;
  private final String protocol;
  private final Optional<String> username;
  private final Optional<String> password;
  private final int mailsPerConnection;
  private final ScheduledExecutorService writeTimeouts;
  private volatile Session session;

  /** Bumped by {@link #rebuild()}: connections of an older generation are closed at next use. */
  private final AtomicInteger generation = new AtomicInteger();

  @Inject
  public SmtpSender(
      @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
      @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
      @ConfigProperty(name = "quarkus.mailer.from") String from,
      @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
      @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
      @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
      @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
      @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "10S") Duration timeout,
      @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock,
      UndersignedConfig config)
      throws MessagingException {
    this.mock = mock;
    this.from = new InternetAddress(from, true);
    this.username = username;
    this.password = password;
    this.mailsPerConnection = Math.max(1, config.outbox().mailsPerConnection());
    this.protocol = tls ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    String millis = Long.toString(Math.max(1_000, timeout.toMillis()));
    String mode = startTls.toUpperCase(Locale.ROOT);
    settings = new Properties();
    settings.put("mail.transport.protocol", protocol);
    settings.put(p + "host", host);
    settings.put(p + "port", Integer.toString(port.orElse(tls ? 465 : 25)));
    // Every step is bounded: the connect, each read (the greeting first) and each write.
    settings.put(p + "connectiontimeout", millis);
    settings.put(p + "timeout", millis);
    settings.put(p + "writetimeout", millis);
    // One scheduler for the write time-outs of every connection, rather than a thread for each.
    this.writeTimeouts =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "smtp-write-timeouts");
              t.setDaemon(true);
              return t;
            });
    settings.put(p + "executor.writetimeout", writeTimeouts);
    settings.put(p + "starttls.enable", Boolean.toString(!mode.equals("DISABLED")));
    settings.put(p + "starttls.required", Boolean.toString(mode.equals("REQUIRED")));
    // The server's certificate must name the server (as Quarkus Mailer checks it).
    settings.put(p + "ssl.checkserveridentity", "true");
    settings.put(p + "auth", Boolean.toString(username.isPresent()));
    settings.put(p + "from", this.from.getAddress());
    // Closing a connection does not wait for the server's goodbye.
    settings.put(p + "quitwait", "false");
    settings.put("mail.mime.charset", "UTF-8");
    this.session = Session.getInstance(settings);
  }

  /** A connection of one's own to the mail server: opened at the first send, then kept open. */
  public Connection connection() {
    return new Connection();
  }

  /**
   * Closes every connection at its next use and starts from a new session: what the outbox's
   * watchdog does when nothing has left for a while.
   */
  public void rebuild() {
    session = Session.getInstance(settings);
    generation.incrementAndGet();
    Log.warn("The mail client was rebuilt: every connection to the mail server is opened anew");
  }

  /** The e-mail as a MIME message: plain text and HTML alternatives of the same words. */
  MimeMessage mime(Mail mail, Session session) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(mail.getFrom() == null ? from : new InternetAddress(mail.getFrom(), true));
    for (String to : mail.getTo()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    }
    message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
    mail.getHeaders().forEach((name, values) -> values.forEach(v -> addHeader(message, name, v)));
    if (mail.getHtml() == null) {
      message.setText(mail.getText(), StandardCharsets.UTF_8.name());
    } else {
      MimeMultipart alternatives = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.getText(), StandardCharsets.UTF_8.name());
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.getHtml(), StandardCharsets.UTF_8.name(), "html");
      alternatives.addBodyPart(text);
      alternatives.addBodyPart(html);
      message.setContent(alternatives);
    }
    message.setSentDate(new java.util.Date());
    message.saveChanges();
    return message;
  }

  private static void addHeader(MimeMessage message, String name, String value) {
    try {
      message.addHeader(name, value);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Header " + name, e);
    }
  }

  /**
   * One connection, for one thread at a time. A failure of any kind closes it: the next send opens
   * another.
   */
  public final class Connection implements AutoCloseable {

    private static final long CHECK_WHEN_IDLE_MS = 10_000;

    private Transport transport;
    private int sent;
    private int openedIn;
    private long lastUse;

    private Connection() {}

    /**
     * Sends a message and returns once the server has taken it; throws when it refused it or did
     * not answer in time (the connection is then closed).
     */
    public void send(Mail mail) throws MessagingException {
      if (mock) {
        // The dev profile: no server; the developer reads the mail (and its link) in the log.
        Log.infof(
            "Mock e-mail to %s: %s%n%s",
            String.join(", ", mail.getTo()), mail.getSubject(), mail.getText());
        return;
      }
      Session current = session;
      MimeMessage message = mime(mail, current);
      boolean reused = transport != null;
      try {
        sendOver(open(current), message);
      } catch (MessagingException e) {
        close();
        // A kept connection the server has since dropped (it restarted, or closed it idle): the
        // e-mail is sent once more at once, over a new connection, rather than after the outbox's
        // wait. The server's refusals (an answer, not a dead connection) are not retried here.
        if (!reused || e instanceof jakarta.mail.SendFailedException) {
          throw e;
        }
        try {
          sendOver(open(current), message);
        } catch (MessagingException | RuntimeException again) {
          close();
          throw again;
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private void sendOver(Transport open, MimeMessage message) throws MessagingException {
      Address[] recipients = message.getAllRecipients();
      open.sendMessage(message, recipients);
      lastUse = System.nanoTime();
      if (++sent >= mailsPerConnection) {
        close();
      }
    }

    private Transport open(Session current) throws MessagingException {
      if (transport != null && openedIn != generation.get()) {
        close();
      }
      // A connection idle a while may have been closed by the server: NOOP tells.
      if (transport != null
          && System.nanoTime() - lastUse > CHECK_WHEN_IDLE_MS * 1_000_000
          && !transport.isConnected()) {
        close();
      }
      if (transport == null) {
        Transport t = current.getTransport(protocol);
        openedIn = generation.get();
        t.connect(username.orElse(null), password.orElse(null));
        transport = t;
        sent = 0;
        lastUse = System.nanoTime();
      }
      return transport;
    }

    /** Closes the connection, if open; never throws. */
    @Override
    public void close() {
      Transport t = transport;
      transport = null;
      if (t != null) {
        try {
          t.close();
        } catch (MessagingException | RuntimeException e) {
          Log.debugf("Closing a mail connection: %s", e.getMessage());
        }
      }
    }
  }

  /** Stops the write time-outs' scheduler, after the outbox worker has finished (see below). */
  void close(
      @Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
          io.quarkus.runtime.ShutdownEvent event) {
    writeTimeouts.shutdownNow();
  }

  /** The recipients' domains of a message (lower case), for the outbox's politeness. */
  static List<String> domainsOf(Mail mail) {
    return mail.getTo().stream()
        .map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
        .distinct()
        .toList();
  }
}
