package org.undersigned.common.ratelimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.problem.ProblemType;

/**
 * Fixed-window counters kept in PostgreSQL, so that every instance of the service counts against
 * the same limits. A hit is counted in its own transaction, whatever becomes of the request, so
 * that refused attempts count too.
 */
@ApplicationScoped
public class RateLimiter {

  private final EntityManager entityManager;
  private final Duration window;

  public RateLimiter(EntityManager entityManager, UndersignedConfig config) {
    this.entityManager = entityManager;
    this.window = config.rateLimit().window();
  }

  /** A counter and its limit, in its own window or the configured one. */
  public record Bucket(String key, int limit, Duration window) {
    public Bucket(String key, int limit) {
      this(key, limit, null);
    }
  }

  /** Rows one bucket is spread over. */
  private static final int SHARDS = 8;

  /** Counters are kept at least this long (the longest window a bucket uses). */
  private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

  /**
   * Counts one hit in each bucket; refuses with 429 (and the seconds until the window ends) when
   * any of them is over its limit.
   */
  public void hit(List<Bucket> buckets) {
    long now = Instant.now().getEpochSecond();
    long retryAfter =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  long wait = 0;
                  for (Bucket bucket : buckets) {
                    long windowSeconds =
                        (bucket.window() == null ? window : bucket.window()).toSeconds();
                    Instant start = Instant.ofEpochSecond(now - Math.floorMod(now, windowSeconds));
                    // A bucket is spread over SHARDS rows, one taken at random: under a burst on
                    // one bucket (one address, one mail domain) concurrent requests rarely wait
                    // for the same row lock, and the count is the sum of the rows. Hits not yet
                    // committed by others are not seen: a burst can pass a limit by a few.
                    String[] shards = new String[SHARDS];
                    for (int i = 0; i < SHARDS; i++) {
                      shards[i] = bucket.key() + "#" + i;
                    }
                    String mine = shards[ThreadLocalRandom.current().nextInt(SHARDS)];
                    Number hits =
                        (Number)
                            entityManager
                                .createNativeQuery(
                                    "WITH hit AS (INSERT INTO rate_limit_counters"
                                        + " (bucket, window_start, hits) VALUES (:bucket, :start, 1)"
                                        + " ON CONFLICT (bucket, window_start)"
                                        + " DO UPDATE SET hits = rate_limit_counters.hits + 1"
                                        + " RETURNING hits)"
                                        + " SELECT (SELECT hits FROM hit) + coalesce((SELECT"
                                        + " sum(hits) FROM rate_limit_counters WHERE bucket ="
                                        + " ANY(string_to_array(:shards, ',')) AND bucket <> :bucket"
                                        + " AND window_start = :start), 0)")
                                .setParameter("bucket", mine)
                                .setParameter("start", start)
                                .setParameter("shards", String.join(",", shards))
                                .getSingleResult();
                    if (hits.intValue() > bucket.limit()) {
                      wait =
                          Math.max(wait, Math.max(1, start.getEpochSecond() + windowSeconds - now));
                    }
                  }
                  return wait;
                });
    if (retryAfter > 0) {
      throw new TooManyRequests(retryAfter);
    }
  }

  /** Forgets the windows that are over. */
  @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void forgetOldWindows() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "DELETE FROM rate_limit_counters WHERE window_start < :before")
                    .setParameter(
                        "before",
                        Instant.now()
                            .minus(
                                (window.compareTo(LONGEST_WINDOW) > 0 ? window : LONGEST_WINDOW)
                                    .multipliedBy(2)))
                    .executeUpdate());
  }

  /** A refusal: too many requests in this window. */
  public static final class TooManyRequests extends RuntimeException {
    private final long retryAfterSeconds;

    TooManyRequests(long retryAfterSeconds) {
      super(ProblemType.TOO_MANY_REQUESTS.uri(), null, false, false);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
