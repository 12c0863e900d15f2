package org.undersigned.mail;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.lifecycle.WorkGate;
import org.undersigned.common.problem.Redacted;
import org.undersigned.common.retry.Backoff;

/**
 * Sends what the outbox holds. Each message is claimed with {@code FOR UPDATE SKIP LOCKED} in its
 * own transaction, so several instances share the work and none sends a message another holds; a
 * message is marked sent in the transaction that sent it, and a failure is retried later with a
 * doubling wait, for as long as it takes: nothing acknowledged is dropped.
 */
@ApplicationScoped
public class OutboxWorker {

  private final Outbox outbox;
  private final Map<String, OutboxHandler> handlers;
  private final UndersignedConfig config;
  private final WorkGate gate = new WorkGate();

  public OutboxWorker(Outbox outbox, Instance<OutboxHandler> handlers, UndersignedConfig config) {
    this.outbox = outbox;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
    this.config = config;
  }

  @Scheduled(
      identity = "outbox",
      every = "${undersigned.outbox.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    if (!gate.enter()) {
      return;
    }
    try {
      for (int i = 0; i < config.outbox().batchSize() && gate.isOpen(); i++) {
        if (!sendNext()) {
          return;
        }
      }
    } finally {
      gate.leave();
    }
  }

  /**
   * At shutdown: no new run; the one under way finishes what it sends (a mail times out in 10 s).
   */
  void stop(@Observes ShutdownEvent event) {
    gate.closeAndAwait(Duration.ofSeconds(15));
  }

  /** Sends the next due message, if any; answers whether there was one. */
  boolean sendNext() {
    AtomicReference<UUID> claimed = new AtomicReference<>();
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () ->
                  outbox
                      .claimNextDue()
                      .map(
                          message -> {
                            claimed.set(message.id);
                            deliver(message);
                            return true;
                          })
                      .orElse(false));
    } catch (Exception e) {
      UUID id = claimed.get();
      if (id == null) {
        // The database itself failed; the next run tries again.
        Log.warnf("Outbox unavailable: %s", Redacted.describe(e));
        return false;
      }
      if (e instanceof OutboxHandler.NotYet later) {
        QuarkusTransaction.requiringNew().run(() -> postpone(id, later.waitFor()));
      } else {
        QuarkusTransaction.requiringNew().run(() -> recordFailure(id, e));
      }
      return true;
    }
  }

  private void deliver(OutboxMessage message) {
    OutboxHandler handler = handlers.get(message.kind);
    if (handler == null) {
      throw new IllegalStateException("No handler for outbox messages of kind " + message.kind);
    }
    try {
      handler.handle(message);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new OutboxDeliveryException(e);
    }
    message.attempts++;
    message.status = OutboxMessage.Status.SENT;
    message.sentAt = Instant.now();
    message.lastError = null;
  }

  private void postpone(UUID id, Duration wait) {
    OutboxMessage message = outbox.findById(id);
    if (message != null && message.status == OutboxMessage.Status.PENDING) {
      message.nextAttemptAt = Instant.now().plus(wait);
    }
  }

  private void recordFailure(UUID id, Exception failure) {
    OutboxMessage message = outbox.findById(id);
    if (message == null || message.status != OutboxMessage.Status.PENDING) {
      return;
    }
    message.attempts++;
    message.nextAttemptAt =
        Instant.now()
            .plus(
                Backoff.after(
                    message.attempts, config.outbox().retryInitial(), config.outbox().retryMax()));
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

  /** A checked failure of a handler, carried out of the transaction. */
  static final class OutboxDeliveryException extends RuntimeException {
    OutboxDeliveryException(Exception cause) {
      super(cause);
    }
  }
}
