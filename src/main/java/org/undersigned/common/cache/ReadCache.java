package org.undersigned.common.cache;

import io.netty.buffer.Unpooled;
import io.quarkus.arc.Arc;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
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

  /**
   * The budget in use: {@link #MAX_BYTES}, or a quarter of the heap when that is smaller, so that a
   * small heap (the benchmark's, a small container's) is not filled by renderings.
   */
  private final long maxBytes = Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);

  private static final int MAX_KEY_LENGTH = 512;
  private static final Object CHANGED = new Object();

  /** Bodies from this size on are also kept off the heap, so that answers need no copy. */
  private static final int DIRECT_FROM_BYTES = 64 * 1024;

  private final long freshNanos;
  // Read without a lock (the event loop answers from here); written under the lock of `entries`.
  private final ConcurrentHashMap<String, Ready> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<Document>> rendering =
      new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final ConcurrentHashMap<String, Fact> facts = new ConcurrentHashMap<>();
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
    Ready entry = entries.get(key);
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

  /**
   * For the event loop: the rendering under this key if it can be answered without a worker thread,
   * as {@link #get} would answer it: fresh, or the previous one while another request makes it
   * anew. Null when only {@link #get} can answer.
   */
  public Ready ready(String key) {
    Ready entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.at() < freshNanos
        || rendering.containsKey(key + '\u0000' + generation.get())) {
      return entry;
    }
    return null;
  }

  private void keep(String key, Document rendered, long at, long generation) {
    int length = rendered.body().length;
    if (length > maxBytes / 4) {
      return;
    }
    // Off the heap, a JDK buffer: freed by the collector once no answer writes it any more (a
    // buffer of Netty's own could need an explicit release, which an answer under way forbids).
    Buffer body =
        length >= DIRECT_FROM_BYTES
            ? Buffer.buffer(
                Unpooled.unreleasableBuffer(
                    Unpooled.wrappedBuffer(
                        ByteBuffer.allocateDirect(length).put(rendered.body()).flip())))
            : Buffer.buffer(rendered.body());
    synchronized (entries) {
      if (generation != this.generation.get()) {
        // A write committed while this was rendered: it may predate the write; not kept.
        return;
      }
      Ready previous = entries.put(key, new Ready(rendered, body, at));
      bytes += length - (previous == null ? 0 : previous.document().body().length);
      while (bytes > maxBytes || entries.size() > MAX_ENTRIES) {
        // The oldest rendering goes first (a scan, only when the budget is exceeded).
        Map.Entry<String, Ready> oldest = null;
        for (Map.Entry<String, Ready> candidate : entries.entrySet()) {
          if (oldest == null || candidate.getValue().at() - oldest.getValue().at() < 0) {
            oldest = candidate;
          }
        }
        entries.remove(oldest.getKey());
        bytes -= oldest.getValue().document().body().length;
      }
    }
  }

  /** Forgets every rendering and every fact. */
  public void clear() {
    synchronized (entries) {
      generation.incrementAndGet();
      entries.clear();
      facts.clear();
      bytes = 0;
    }
  }

  /**
   * A small fact about what the public sees that writes need at each request (which letter a slug
   * names, whether it is open, its texts), held as the renderings are: fresh for {@code
   * undersigned.http.render-cache}, forgotten when this instance commits a public change. {@code
   * load} must answer a value that holds no managed entity; a null answer is not kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T fact(String key, Supplier<T> load) {
    long generation = this.generation.get();
    long now = System.nanoTime();
    Fact fact = facts.get(key);
    if (fact != null && fact.generation() == generation && now - fact.at() < freshNanos) {
      return (T) fact.value();
    }
    T value = load.get();
    if (value != null && key.length() <= MAX_KEY_LENGTH) {
      if (facts.size() >= MAX_ENTRIES) {
        facts.clear();
      }
      facts.put(key, new Fact(value, now, generation));
    }
    return value;
  }

  private record Fact(Object value, long at, long generation) {}

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

  /**
   * A kept rendering: the document, and its bytes as a buffer that can be written any number of
   * times (Vert.x writes a slice of it each time), off the heap for large ones so that the event
   * loop writes them without a copy.
   */
  public record Ready(Document document, Buffer body, long at) {}

  /** For tests and operators: how long an entry stays fresh. */
  public Duration freshness() {
    return Duration.ofNanos(freshNanos);
  }
}
