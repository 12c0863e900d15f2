package org.undersigned.common.ratelimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
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
   * any of them is over its limit. Only for the caller's own budgets (its client address): a
   * refusal must never depend on what anyone else did.
   */
  public void hit(List<Bucket> buckets) {
    long retryAfter = count(buckets);
    if (retryAfter > 0) {
      throw new TooManyRequests(retryAfter);
    }
  }

  /**
   * Counts one hit in each bucket and answers 0 when every one is within its limit, else the
   * seconds until the window of the first one over ends. Refuses nothing: for budgets that are kept
   * silently (what is over is simply not done).
   */
  public long count(List<Bucket> buckets) {
    return QuarkusTransaction.requiringNew().call(() -> count(buckets, HIT));
  }

  /**
   * As {@link #count(List)}, in the caller's transaction: the hits are forgotten if it rolls back
   * (a mail that failed to leave has not spent its budget).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long countWithin(List<Bucket> buckets) {
    return count(buckets, HIT_IN_PLACE);
  }

  private long count(List<Bucket> buckets, String statement) {
    long now = Instant.now().getEpochSecond();
    // A bucket is spread over SHARDS rows, one taken at random: under a burst on one bucket (one
    // address, one mail domain) concurrent requests rarely wait for the same row lock, and the
    // count is the sum of the rows. Hits not yet committed by others are not seen: a burst can
    // pass a limit by a few.
    StringJoiner mine = new StringJoiner(",");
    StringJoiner starts = new StringJoiner(",");
    long[] windowEnds = new long[buckets.size()];
    for (int i = 0; i < buckets.size(); i++) {
      Bucket bucket = buckets.get(i);
      long start = windowStart(bucket, now);
      windowEnds[i] = start + windowSeconds(bucket);
      mine.add(bucket.key() + "#" + ThreadLocalRandom.current().nextInt(SHARDS));
      starts.add(Long.toString(start));
    }
    List<?> counts =
        entityManager
            .createNativeQuery(statement)
            .setParameter("mine", mine.toString())
            .setParameter("starts", starts.toString())
            .setParameter("last", SHARDS - 1)
            .getResultList();
    long retryAfter = 0;
    for (int i = 0; i < buckets.size(); i++) {
      if (((Number) counts.get(i)).intValue() > buckets.get(i).limit()) {
        retryAfter = Math.max(retryAfter, Math.max(1, windowEnds[i] - now));
      }
    }
    return retryAfter;
  }

  /**
   * Whether one more hit would fit in every bucket, counting none: 0 if so, else the seconds until
   * the window of a full one ends. For work that waits for room rather than being dropped.
   */
  public long secondsUntilRoom(List<Bucket> buckets) {
    return secondsUntilRoom(buckets, 0);
  }

  /**
   * As {@link #secondsUntilRoom(List)}, exact under {@code concurrent} callers at once: a bucket
   * with fewer than that many hits left is locked ({@link #serialize}) and counted again, so that
   * near its limit one caller at a time decides (far from it, callers go on side by side: they
   * cannot reach it together).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long secondsUntilRoom(List<Bucket> buckets, int concurrent) {
    long now = Instant.now().getEpochSecond();
    long[] hits = hits(buckets, now);
    if (concurrent > 0) {
      List<Bucket> near = new java.util.ArrayList<>();
      for (int i = 0; i < buckets.size(); i++) {
        if (hits[i] + concurrent >= buckets.get(i).limit()) {
          near.add(buckets.get(i));
        }
      }
      if (!near.isEmpty()) {
        serialize(near);
        // Counted again once it is this caller's turn: what the one before counted is committed.
        hits = hits(buckets, now);
      }
    }
    long wait = 0;
    for (int i = 0; i < buckets.size(); i++) {
      Bucket bucket = buckets.get(i);
      if (hits[i] >= bucket.limit()) {
        long start = windowStart(bucket, now);
        wait = Math.max(wait, Math.max(1, start + windowSeconds(bucket) - now));
      }
    }
    return wait;
  }

  /** Each bucket's hits in its current window, in one round trip. */
  private long[] hits(List<Bucket> buckets, long now) {
    StringJoiner keys = new StringJoiner(",");
    StringJoiner starts = new StringJoiner(",");
    for (Bucket bucket : buckets) {
      keys.add(bucket.key());
      starts.add(Long.toString(windowStart(bucket, now)));
    }
    List<?> sums =
        entityManager
            .createNativeQuery(
                "SELECT (SELECT coalesce(sum(c.hits), 0) FROM rate_limit_counters c"
                    + " WHERE c.bucket = ANY(ARRAY(SELECT t.key || '#' || g"
                    + " FROM generate_series(0, :last) g))"
                    + " AND c.window_start = to_timestamp(t.start::bigint))"
                    + " FROM unnest(string_to_array(:keys, ','), string_to_array(:starts, ','))"
                    + " WITH ORDINALITY AS t(key, start, ord) ORDER BY t.ord")
            .setParameter("keys", keys.toString())
            .setParameter("starts", starts.toString())
            .setParameter("last", SHARDS - 1)
            .getResultList();
    long[] hits = new long[buckets.size()];
    for (int i = 0; i < hits.length; i++) {
      hits[i] = ((Number) sums.get(i)).longValue();
    }
    return hits;
  }

  /**
   * Takes back one hit from each bucket, in the current window and the caller's transaction: for
   * work that counted its hit and then could not be done (an e-mail that did not leave).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void giveBack(List<Bucket> buckets) {
    long now = Instant.now().getEpochSecond();
    for (Bucket bucket : buckets) {
      entityManager
          .createNativeQuery(
              "UPDATE rate_limit_counters SET hits = hits - 1 WHERE (bucket, window_start) IN"
                  + " (SELECT bucket, window_start FROM rate_limit_counters"
                  + " WHERE bucket = ANY(string_to_array(:shards, ','))"
                  + " AND window_start = to_timestamp(:start) AND hits > 0"
                  + " ORDER BY hits DESC LIMIT 1)")
          .setParameter("shards", shards(bucket))
          .setParameter("start", windowStart(bucket, now))
          .executeUpdate();
    }
  }

  /**
   * Makes the callers that count in these buckets take turns until the caller's transaction ends (a
   * PostgreSQL advisory lock per bucket, taken in the order of the keys): what one counted, the
   * next sees, so a limit is never passed, whatever the number of instances.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void serialize(List<Bucket> buckets) {
    if (buckets.isEmpty()) {
      return;
    }
    StringJoiner keys = new StringJoiner(",");
    buckets.stream().map(Bucket::key).sorted().forEach(keys::add);
    entityManager
        .createNativeQuery(
            "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))"
                + " FROM (SELECT k FROM unnest(string_to_array(:keys, ',')) AS k ORDER BY k) s")
        .setParameter("keys", keys.toString())
        .getSingleResult();
  }

  private static String shards(Bucket bucket) {
    StringJoiner all = new StringJoiner(",");
    for (int i = 0; i < SHARDS; i++) {
      all.add(bucket.key() + "#" + i);
    }
    return all.toString();
  }

  private long windowSeconds(Bucket bucket) {
    return (bucket.window() == null ? window : bucket.window()).toSeconds();
  }

  private long windowStart(Bucket bucket, long now) {
    return now - Math.floorMod(now, windowSeconds(bucket));
  }

  /**
   * One statement, one round trip, for all the buckets of a request: a hit on the taken shard of
   * each ({@code :mine}, keys without commas, each with its window's start in {@code :starts}), in
   * the order of the keys so that concurrent requests lock rows in one order; then each bucket's
   * count, in the order given, as the sum of its shards.
   *
   * <p>The transaction commits without waiting for its WAL to reach the disk ({@code
   * synchronous_commit} off, for this transaction only): a crash of PostgreSQL forgets at most the
   * last fraction of a second of hits, never corrupts the counters, and no caller was promised
   * them; it spares every submission one of its two waits for the disk.
   */
  private static final String HIT =
      "WITH relaxed AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),"
          + hitBody(true);

  /** The same, in a transaction whose commit must wait for the disk (the caller's). */
  private static final String HIT_IN_PLACE = "WITH " + hitBody(false);

  private static String hitBody(boolean relaxed) {
    return " input AS (SELECT t.bucket, to_timestamp(t.start::bigint) AS window_start, t.ord"
        + " FROM unnest(string_to_array(:mine, ','), string_to_array(:starts, ','))"
        + " WITH ORDINALITY AS t(bucket, start, ord)),"
        + " hit AS (INSERT INTO rate_limit_counters (bucket, window_start, hits)"
        + " SELECT bucket, window_start, 1 FROM input ORDER BY bucket"
        + " ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1"
        + " RETURNING bucket, window_start, hits)"
        + " SELECT h.hits + coalesce((SELECT sum(c.hits) FROM rate_limit_counters c"
        + " WHERE c.bucket = ANY(ARRAY(SELECT regexp_replace(i.bucket, '#[0-9]+$', '') || '#' || g"
        + " FROM generate_series(0, :last) g))"
        + " AND c.bucket <> i.bucket AND c.window_start = i.window_start), 0)"
        + " FROM input i JOIN hit h ON h.bucket = i.bucket AND h.window_start = i.window_start"
        + (relaxed ? " CROSS JOIN relaxed" : "")
        + " ORDER BY i.ord";
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
