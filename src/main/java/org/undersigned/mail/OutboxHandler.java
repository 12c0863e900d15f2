package org.undersigned.mail;

/** Carries out one kind of outbox message. Throwing leaves it to be retried later. */
public interface OutboxHandler {

  /** The {@link OutboxMessage#kind} handled. */
  String kind();

  /** Does the side effect; runs in the transaction that marks the message sent. */
  void handle(OutboxMessage message) throws Exception;

  /**
   * Thrown by a handler whose message must wait (a budget is spent until its window ends): the
   * message is tried again after the wait, and it is no failure.
   */
  final class NotYet extends RuntimeException {
    private final java.time.Duration wait;

    public NotYet(java.time.Duration wait) {
      super(null, null, false, false);
      this.wait = wait;
    }

    public java.time.Duration waitFor() {
      return wait;
    }
  }
}
