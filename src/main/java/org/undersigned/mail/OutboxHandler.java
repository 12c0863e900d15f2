package org.undersigned.mail;

/** Carries out one kind of outbox message. Throwing leaves it to be retried later. */
public interface OutboxHandler {

  /** The {@link OutboxMessage#kind} handled. */
  String kind();

  /** Does the side effect; runs in the transaction that marks the message sent. */
  void handle(OutboxMessage message) throws Exception;
}
