package org.undersigned.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.problem.Redacted;
import org.undersigned.common.retry.Backoff;

/**
 * Sends what the outbox holds, as fast as the mail server takes it.
 *
 * <p>One dispatcher thread claims due messages in batches ({@link Outbox#claimDue}: {@code FOR
 * UPDATE SKIP LOCKED}, then a lease that hides them from every other worker, of this instance or
 * another) and hands them to a fixed number of senders, each with its own connection to the mail
 * server, kept open from one e-mail to the next. A sender prepares its message in a short
 * transaction (the budgets spent, the link's token issued: committed before the mail leaves), takes
 * a place at the receiving domain ({@link Politeness}), sends, and the e-mails sent are recorded
 * together by the dispatcher. A failure is retried later with a doubling wait, for as long as it
 * takes, and gives back the budget it spent: nothing acknowledged is dropped.
 *
 * <p>The dispatcher sleeps until a message is committed by this instance (the outbox wakes it), a
 * sender finishes, or the poll interval passes (messages of other instances, and retries come due).
 *
 * <p>Delivery is at least once: a process killed between a send and its record leaves the message
 * claimed until its lease ends, and it is then sent again, once. Two instances never send one
 * message twice otherwise: a claim is exclusive until the lease ends, and a lease outlasts a send.
 *
 * <p>A watchdog: when sends have failed for {@code stall-after} without one success, the mail
 * client is rebuilt; after twice that, or when the dispatcher itself stops, the liveness check
 * ({@link OutboxLiveness}) says DOWN.
 *
 * <p>Over 300 lines on purpose: the dispatcher, the senders and the watchdog share one claim, lease
 * and record cycle, whose promises (nothing acknowledged lost, nothing sent twice once recorded)
 * are easier to check in one file.
 */
@ApplicationScoped
public class OutboxWorker {

  private static final Duration WATCH_EVERY = Duration.ofSeconds(1);

  private final Outbox outbox;
  private final Map<String, OutboxHandler> handlers;
  private final UndersignedConfig.Outbox config;
  private final SmtpSender smtp;
  private final Politeness politeness;
  private final MeterRegistry meters;

  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread dispatcher;
  private ExecutorService senders;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<UUID> sent = new ConcurrentLinkedQueue<>();
  private final List<SmtpSender.Connection> connections = new CopyOnWriteArrayList<>();
  private final ThreadLocal<SmtpSender.Connection> connection =
      ThreadLocal.withInitial(
          () -> {
            SmtpSender.Connection c = smtp().connection();
            connections.add(c);
            return c;
          });

  // What the watchdog and the liveness check read.
  private volatile long loopAt = System.nanoTime();
  private volatile long finishedAt = System.nanoTime();
  private volatile long failingSince;
  private volatile boolean rebuilt;
  private volatile Instant lastSent;
  private volatile Outbox.Backlog backlog = new Outbox.Backlog(0, 0);
  private long watchedAt;
  private long warnedAt;

  public OutboxWorker(
      Outbox outbox,
      Instance<OutboxHandler> handlers,
      UndersignedConfig config,
      SmtpSender smtp,
      Politeness politeness,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
    this.config = config.outbox();
    this.smtp = smtp;
    this.politeness = politeness;
    this.meters = meters;
  }

  private SmtpSender smtp() {
    return smtp;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    AtomicInteger number = new AtomicInteger();
    senders =
        Executors.newFixedThreadPool(
            Math.max(1, config.senders()),
            r -> {
              Thread t = new Thread(r, "outbox-sender-" + number.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Gauge.builder("undersigned.outbox.waiting", this, w -> w.backlog.waiting())
        .description("Messages waiting in the outbox (withdrawal links left out)")
        .register(meters);
    Gauge.builder("undersigned.outbox.oldest.due", this, w -> w.backlog.oldestDueSeconds())
        .description("How long the message due longest has waited for a sender")
        .baseUnit("seconds")
        .register(meters);
    outbox.onCommit(this::wake);
    dispatcher = new Thread(this::dispatch, "outbox-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /**
   * At shutdown: nothing more is claimed; the sends under way finish (a send times out) and are
   * recorded, and the connections are closed.
   */
  void stop(@Observes ShutdownEvent event) {
    running = false;
    wake();
    try {
      if (dispatcher != null) {
        dispatcher.join(Duration.ofSeconds(5).toMillis());
      }
      if (senders != null) {
        senders.shutdown();
        senders.awaitTermination(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recordSent();
    connections.forEach(SmtpSender.Connection::close);
  }

  /** Wakes the dispatcher: a message was committed, or a sender is free. */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void sleep(Duration longest) {
    synchronized (signal) {
      try {
        if (!woken && running) {
          signal.wait(Math.max(1, longest.toMillis()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }

  private void dispatch() {
    int senderCount = Math.max(1, config.senders());
    int queueLimit = 2 * senderCount;
    while (running) {
      loopAt = System.nanoTime();
      recordSent();
      watch();
      // Claimed in batches: once the senders' queue is down to one message each, it is filled
      // up again (not one claim for each message a sender finishes).
      int held = inFlight.get();
      int room = held <= senderCount ? Math.min(config.batchSize(), queueLimit - held) : 0;
      boolean more = false;
      if (room > 0) {
        try {
          List<OutboxMessage> due = outbox.claimDue(room, config.lease());
          for (OutboxMessage message : due) {
            inFlight.incrementAndGet();
            senders.execute(() -> process(message));
          }
          more = due.size() == room;
        } catch (RuntimeException e) {
          // The database itself failed; the next round tries again.
          Log.warnf("Outbox unavailable: %s", Redacted.describe(e));
        }
      }
      if (!more) {
        sleep(config.pollInterval());
      }
    }
  }

  /** Records the e-mails sent since the last round, in one statement. */
  private void recordSent() {
    List<UUID> batch = new ArrayList<>();
    for (UUID id; batch.size() < 1000 && (id = sent.poll()) != null; ) {
      batch.add(id);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      outbox.recordSent(batch);
    } catch (RuntimeException e) {
      // Kept for the next round; their leases keep them from being sent again meanwhile.
      sent.addAll(batch);
      Log.warnf("Outbox: sent e-mails not recorded yet: %s", Redacted.describe(e));
    }
  }

  /** Prepares, sends and records one message; in a sender's thread. */
  private void process(OutboxMessage message) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    OutboxHandler handler = handlers.get(message.kind);
    Mail mail = null;
    try {
      if (handler == null) {
        throw new IllegalStateException("No handler for outbox messages of kind " + message.kind);
      }
      Optional<Mail> prepared =
          QuarkusTransaction.requiringNew().call(() -> handler.prepare(message));
      if (prepared.isPresent()) {
        mail = prepared.get();
        try (Politeness.Permit permit = politeness.admit(SmtpSender.domainsOf(mail))) {
          connection.get().send(mail);
        }
        lastSent = Instant.now();
        failingSince = 0;
        rebuilt = false;
      }
      sent.add(message.id);
    } catch (OutboxHandler.NotYet later) {
      Mail unsent = mail;
      settle(() -> postpone(handler, message, unsent, later.waitFor()));
    } catch (Exception e) {
      Mail unsent = mail;
      if (unsent != null && !answeredBy(e) && failingSince == 0) {
        failingSince = System.nanoTime();
      }
      settle(() -> recordFailure(handler, message, unsent, e));
    } finally {
      requestContext.terminate();
      finishedAt = System.nanoTime();
      inFlight.decrementAndGet();
      wake();
    }
  }

  /**
   * Whether the mail server answered (it refused this one e-mail, an address say): it is alive, and
   * such a failure says nothing of the connection.
   */
  private static boolean answeredBy(Exception e) {
    return e instanceof jakarta.mail.SendFailedException
        || e instanceof jakarta.mail.internet.AddressException;
  }

  private void settle(Runnable work) {
    try {
      QuarkusTransaction.requiringNew().run(work);
    } catch (RuntimeException e) {
      // The message stays claimed until its lease ends, and is then tried again.
      Log.warnf("Outbox: an outcome not recorded: %s", Redacted.describe(e));
    }
  }

  private void postpone(OutboxHandler handler, OutboxMessage claimed, Mail unsent, Duration wait) {
    if (unsent != null) {
      handler.unsent(claimed, unsent);
    }
    OutboxMessage message = outbox.findById(claimed.id);
    if (message != null && message.status == OutboxMessage.Status.PENDING) {
      message.nextAttemptAt = Instant.now().plus(wait);
    }
  }

  private void recordFailure(
      OutboxHandler handler, OutboxMessage claimed, Mail unsent, Exception failure) {
    if (unsent != null) {
      handler.unsent(claimed, unsent);
    }
    OutboxMessage message = outbox.findById(claimed.id);
    if (message == null || message.status != OutboxMessage.Status.PENDING) {
      return;
    }
    message.attempts++;
    message.nextAttemptAt =
        Instant.now()
            .plus(Backoff.after(message.attempts, config.retryInitial(), config.retryMax()));
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    message.lastError = root.getClass().getName();
    Log.warnf(
        "Outbox message %s (%s) failed at attempt %d; next attempt at %s: %s",
        message.id,
        message.kind,
        message.attempts,
        message.nextAttemptAt,
        Redacted.describe(failure));
  }

  /**
   * Once a second: the backlog's figures (and a warning when it is long), the mail client rebuilt
   * when sends have failed for a while, idle domains forgotten.
   */
  private void watch() {
    long now = System.nanoTime();
    if (now - watchedAt < WATCH_EVERY.toNanos()) {
      return;
    }
    watchedAt = now;
    politeness.forgetIdle();
    try {
      backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
    } catch (RuntimeException e) {
      Log.debugf("Outbox backlog unknown: %s", e.getMessage());
    }
    if (backlog.waiting() > config.backlogWarning()
        && now - warnedAt > Duration.ofMinutes(1).toNanos()) {
      warnedAt = now;
      Log.warnf(
          "The outbox holds %d messages; the one due longest has waited %.0f s",
          backlog.waiting(), backlog.oldestDueSeconds());
    }
    long failing = failingSince;
    if (failing != 0 && !rebuilt && now - failing > config.stallAfter().toNanos()) {
      rebuilt = true;
      smtp.rebuild();
    }
  }

  /** What the liveness check tells. */
  Health health() {
    long now = System.nanoTime();
    long stall = config.stallAfter().multipliedBy(2).toNanos();
    long failing = failingSince;
    Outbox.Backlog b = backlog;
    String problem = null;
    if (running && now - loopAt > stall) {
      problem = "the outbox dispatcher has not run for " + (now - loopAt) / 1_000_000_000 + " s";
    } else if (failing != 0 && now - failing > stall) {
      problem = "no e-mail has left for " + (now - failing) / 1_000_000_000 + " s";
    } else if (b.oldestDueSeconds() > stall / 1e9 && now - finishedAt > stall) {
      // Due messages wait and no sender has finished one for that long: the senders are stuck.
      // (A long backlog that is draining is no problem: the senders finish messages.)
      problem = "a due message has waited " + (long) b.oldestDueSeconds() + " s for a sender";
    }
    return new Health(problem, b, lastSent);
  }

  /** The worker's state: a problem (null when none), the backlog, the last e-mail sent. */
  record Health(String problem, Outbox.Backlog backlog, Instant lastSent) {}
}
