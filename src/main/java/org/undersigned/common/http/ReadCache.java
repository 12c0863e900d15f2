package org.undersigned.common.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.http.Representations.Document;
import org.undersigned.common.problem.Unavailable;

/**
 * The public reads' renderings, held in memory: a letter with 100,000 names is rendered once, not
 * once per request, and while the database is away the last rendering is still served.
 *
 * <p>An entry is fresh for {@code undersigned.http.render-cache} (1 s), so the figures of another
 * instance's writes show within that time; a write of this instance that changes what the public
 * sees empties the cache when its transaction commits. When a rendering cannot be made because the
 * database is away, the last one is answered however old it is (stale-if-error).
 */
@ApplicationScoped
public class ReadCache {

  private static final int MAX_ENTRIES = 2_000;

  /**
   * What the renderings may hold in all: a letter as text with 100,000 names is some megabytes, and
   * a caller can ask for it in many Accept-Language variants; the oldest go first.
   */
  private static final long MAX_BYTES = 48L * 1024 * 1024;

  private static final int MAX_KEY_LENGTH = 512;
  private static final Object CHANGED = new Object();

  private final long freshNanos;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final ConcurrentHashMap<String, CompletableFuture<Document>> rendering =
      new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private long bytes;

  public ReadCache(UndersignedConfig config) {
    this.freshNanos = config.http().renderCache().toNanos();
  }

  /** The rendering under this key: the cached one while fresh, else a new one. */
  public Document get(String key, Supplier<Document> render) {
    if (key.length() > MAX_KEY_LENGTH) {
      // An outlandish Accept-Language: answered, but not kept.
      return render.get();
    }
    Entry entry;
    synchronized (entries) {
      entry = entries.get(key);
    }
    long now = System.nanoTime();
    if (entry != null && now - entry.at() < freshNanos) {
      return entry.document();
    }
    // One rendering per key at a time: the others serve the previous one meanwhile, or wait for
    // the first if there is none (a burst on a cold letter of 100,000 names renders it once).
    long generation = this.generation.get();
    // Keyed with the generation: a reader after a write never waits for a rendering begun before.
    String flight = key + '\u0000' + generation;
    CompletableFuture<Document> mine = new CompletableFuture<>();
    CompletableFuture<Document> running = rendering.putIfAbsent(flight, mine);
    if (running != null) {
      if (entry != null) {
        return entry.document();
      }
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Document rendered = render.get().withEtag();
      keep(key, rendered, now, generation);
      mine.complete(rendered);
      return rendered;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      if (entry != null && Unavailable.isDatabaseDown(e)) {
        return entry.document();
      }
      throw e;
    } finally {
      rendering.remove(flight, mine);
    }
  }

  private void keep(String key, Document rendered, long at, long generation) {
    if (rendered.body().length > MAX_BYTES / 4) {
      return;
    }
    synchronized (entries) {
      if (generation != this.generation.get()) {
        // A write committed while this was rendered: it may predate the write; not kept.
        return;
      }
      Entry previous = entries.put(key, new Entry(rendered, at));
      bytes += rendered.body().length - (previous == null ? 0 : previous.document().body().length);
      var eldest = entries.entrySet().iterator();
      while ((bytes > MAX_BYTES || entries.size() > MAX_ENTRIES) && eldest.hasNext()) {
        bytes -= eldest.next().getValue().document().body().length;
        eldest.remove();
      }
    }
  }

  /** Forgets every rendering. */
  public void clear() {
    synchronized (entries) {
      generation.incrementAndGet();
      entries.clear();
      bytes = 0;
    }
  }

  /**
   * Called by entities whose writes change what the public sees: once the transaction commits, this
   * instance's renderings are made anew.
   */
  public static void changedAfterCommit() {
    TransactionSynchronizationRegistry registry =
        Arc.container().instance(TransactionSynchronizationRegistry.class).get();
    if (registry.getTransactionKey() == null) {
      Arc.container().instance(ReadCache.class).get().clear();
      return;
    }
    if (registry.getResource(CHANGED) != null) {
      return;
    }
    registry.putResource(CHANGED, Boolean.TRUE);
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              Arc.container().instance(ReadCache.class).get().clear();
            }
          }
        });
  }

  private record Entry(Document document, long at) {}

  /** For tests and operators: how long an entry stays fresh. */
  public Duration freshness() {
    return Duration.ofNanos(freshNanos);
  }
}
