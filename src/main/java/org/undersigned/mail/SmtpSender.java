package org.undersigned.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the service's e-mails over SMTP with the Vert.x mail client, configured here rather than by
 * Quarkus Mailer, for one reason: a send must never hold a connection for ever. Quarkus Mailer's
 * {@code timeout} only bounds how long the caller waits; the send and its connection carry on, and
 * a server that never sends its greeting keeps that connection, and its slot in the pool, until the
 * process ends: once the pool is full no e-mail leaves again (MailServerThatNeverGreetsTest). Here
 * every connection has an idle timeout of the same length, so a silent server's connection is
 * closed, its slot freed, and the outbox retries the e-mail. The settings are Quarkus Mailer's own
 * ({@code quarkus.mailer.*}), so configuration does not change.
 */
@ApplicationScoped
public class SmtpSender {

  private final MailClient client;
  private final boolean mock;
  private final String from;
  private final Duration timeout;

  @Inject
  public SmtpSender(
      Vertx vertx,
      @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
      @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
      @ConfigProperty(name = "quarkus.mailer.from") String from,
      @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
      @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
      @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
      @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
      @ConfigProperty(name = "quarkus.mailer.max-pool-size", defaultValue = "10") int maxPoolSize,
      @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "10S") Duration timeout,
      @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock) {
    this.mock = mock;
    this.from = from;
    this.timeout = timeout;
    int seconds = (int) Math.max(1, timeout.toSeconds());
    MailConfig config =
        new MailConfig()
            .setHostname(host)
            .setPort(port.orElse(tls ? 465 : 25))
            .setSsl(tls)
            .setStarttls(StartTLSOptions.valueOf(startTls.toUpperCase(Locale.ROOT)))
            // The server's certificate must name the server (as Quarkus Mailer checks it).
            .setHostnameVerificationAlgorithm("HTTPS")
            .setKeepAlive(false)
            .setMaxPoolSize(maxPoolSize)
            .setConnectTimeout((int) Math.max(1_000, timeout.toMillis()))
            // The point of this class: a connection silent this long is closed.
            .setIdleTimeout(seconds)
            .setIdleTimeoutUnit(TimeUnit.SECONDS);
    username.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    this.client = mock ? null : MailClient.create(vertx, config);
  }

  /**
   * Sends a message and waits until the server has taken it; throws when it did not within the
   * timeout (the connection is then closed by its idle timeout) or refused it.
   */
  public void send(Mail mail) throws Exception {
    if (mock) {
      // The dev profile: no server; the developer reads the mail (and its link) in the log.
      Log.infof(
          "Mock e-mail to %s: %s%n%s",
          String.join(", ", mail.getTo()), mail.getSubject(), mail.getText());
      return;
    }
    MailMessage message =
        new MailMessage()
            .setFrom(mail.getFrom() == null ? from : mail.getFrom())
            .setTo(List.copyOf(mail.getTo()))
            .setSubject(mail.getSubject())
            .setText(mail.getText())
            .setHtml(mail.getHtml());
    if (!mail.getHeaders().isEmpty()) {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      mail.getHeaders().forEach(headers::add);
      message.setHeaders(headers);
    }
    try {
      client
          .sendMail(message)
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MailTimeoutException(timeout);
    }
  }

  /**
   * Closed after the outbox worker has finished the send under way (its own shutdown observer has
   * the default priority, and a lower one is notified first).
   */
  void close(
      @Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
          io.quarkus.runtime.ShutdownEvent event) {
    if (client != null) {
      client.close();
    }
  }

  /** A send the server did not complete in time. */
  public static final class MailTimeoutException extends Exception {
    MailTimeoutException(Duration timeout) {
      super("The mail server did not take the e-mail within " + timeout, null, false, false);
    }
  }
}
