package org.undersigned.common.lifecycle;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What lets a background worker (the outbox's, the webhooks') stop cleanly: at shutdown no new run
 * begins, and the one under way is awaited, so that a message being sent is finished and recorded
 * before the database and the mailer close, rather than failing halfway with errors in the log.
 */
public final class WorkGate {

  private final Semaphore running = new Semaphore(1);
  private volatile boolean closed;

  /** Whether a run may begin now; if so, it must call {@link #leave()} when it ends. */
  public boolean enter() {
    return !closed && running.tryAcquire();
  }

  public void leave() {
    running.release();
  }

  /** Whether a run under way should take one more item. */
  public boolean isOpen() {
    return !closed;
  }

  /** Lets no new run begin, and waits (at most {@code max}) for the one under way. */
  public void closeAndAwait(Duration max) {
    closed = true;
    try {
      if (running.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
