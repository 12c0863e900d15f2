package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.undersigned.common.config.UndersignedConfig;

/**
 * What this instance sends to one receiving domain at once and per second: large providers throttle
 * a sender that floods them, and a slow or failing domain must not take every sender. A message to
 * a domain that has had its share waits (and is retried) rather than holding a sender. Kept in
 * memory, per instance: with several instances the caps add up.
 */
@ApplicationScoped
public class Politeness {

  /** How long a message waits when its domain has all its connections in use. */
  static final Duration BUSY_WAIT = Duration.ofMillis(500);

  private final int connections;
  private final int perSecond;
  private final Map<String, Domain> domains = new ConcurrentHashMap<>();

  @jakarta.inject.Inject
  public Politeness(UndersignedConfig config) {
    this(config.outbox().perDomainConnections(), config.outbox().perDomainPerSecond());
  }

  Politeness(int connections, int perSecond) {
    this.connections = Math.max(1, connections);
    this.perSecond = Math.max(0, perSecond);
  }

  /**
   * Takes one connection and one of this second's sends at each domain, all or none; throws {@link
   * OutboxHandler.NotYet} with the wait when a domain has no room.
   */
  public Permit admit(List<String> names) {
    List<Domain> taken = new ArrayList<>();
    try {
      for (String name : names) {
        Domain domain = domains.computeIfAbsent(name, n -> new Domain());
        long waitNanos = domain.take(connections, perSecond);
        if (waitNanos > 0) {
          throw new OutboxHandler.NotYet(Duration.ofNanos(waitNanos));
        }
        taken.add(domain);
      }
      return new Permit(taken);
    } catch (RuntimeException e) {
      taken.forEach(Domain::release);
      throw e;
    }
  }

  /** Forgets the domains idle for a minute (their state is then the initial one anyway). */
  void forgetIdle() {
    long before = System.nanoTime() - Duration.ofMinutes(1).toNanos();
    domains.entrySet().removeIf(e -> e.getValue().idleSince(before));
  }

  /** Connections taken at some domains; given back once the send is over. */
  public static final class Permit implements AutoCloseable {
    private final List<Domain> domains;
    private boolean closed;

    private Permit(List<Domain> domains) {
      this.domains = domains;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        domains.forEach(Domain::release);
      }
    }
  }

  /** One domain: its connections in use, and a token bucket of one second's sends. */
  private static final class Domain {
    private int inUse;
    private double tokens = -1;
    private long refilledAt = System.nanoTime();
    private long lastUse = System.nanoTime();

    /** 0 when taken, else the nanoseconds to wait. */
    synchronized long take(int connections, int perSecond) {
      long now = System.nanoTime();
      lastUse = now;
      if (inUse >= connections) {
        return BUSY_WAIT.toNanos();
      }
      if (perSecond > 0) {
        if (tokens < 0) {
          tokens = perSecond;
        }
        tokens = Math.min(perSecond, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens < 1) {
          return Math.max(1, (long) ((1 - tokens) / perSecond * 1e9));
        }
        tokens -= 1;
      }
      inUse++;
      return 0;
    }

    synchronized void release() {
      inUse--;
      lastUse = System.nanoTime();
    }

    synchronized boolean idleSince(long before) {
      return inUse == 0 && lastUse - before < 0;
    }
  }
}
