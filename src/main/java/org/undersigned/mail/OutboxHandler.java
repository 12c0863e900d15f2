package org.undersigned.mail;

import io.quarkus.mailer.Mail;
import java.time.Duration;
import java.util.Optional;

/**
 * Carries out one kind of outbox message, in two steps: {@link #prepare} decides in a transaction
 * that commits before anything leaves; the worker then sends the e-mail it answered, outside any
 * transaction, and records the outcome.
 */
public interface OutboxHandler {

  /** The {@link OutboxMessage#kind} handled. */
  String kind();

  /**
   * Reads what the message is about and decides: spends the budgets, issues the link's token,
   * queues other messages. Runs in a transaction committed before the e-mail leaves (a link works
   * the instant its e-mail arrives), and rolled back if this throws. Answers the e-mail to send, or
   * nothing when there is nothing to send (the message is then done).
   */
  Optional<Mail> prepare(OutboxMessage message) throws Exception;

  /**
   * The e-mail {@link #prepare} answered did not leave (it will be prepared again at the retry):
   * gives back what was spent for it. Runs in the transaction that records the failure.
   */
  default void unsent(OutboxMessage message, Mail mail) {}

  /**
   * Thrown by a handler (or the worker's politeness) when the message must wait: a budget is spent
   * until its window ends, a receiving domain has had its share of this second. The message is
   * tried again after the wait, and it is no failure.
   */
  final class NotYet extends RuntimeException {
    private final Duration wait;

    public NotYet(Duration wait) {
      super(null, null, false, false);
      this.wait = wait;
    }

    public Duration waitFor() {
      return wait;
    }
  }
}
