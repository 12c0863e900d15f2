package org.undersigned.letter.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.undersigned.common.text.Collation;
import org.undersigned.letter.Letter;

/**
 * Keeps the stored sort keys in step with ICU: a sort key is only comparable with keys of the same
 * collator version, so after an upgrade of ICU the keys of each letter are computed again, once, at
 * start (under a lock, so one instance does it). Named endorsements written without a key (loaded
 * by SQL, say) get theirs the same way. In batches, each its own transaction, so that a letter of
 * 100,000 names never sits in memory at once.
 */
@ApplicationScoped
public class CollationRefresh {

  private static final int BATCH = 1000;

  private final EntityManager entityManager;

  public CollationRefresh(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  void onStart(@Observes @Priority(10) StartupEvent event) {
    refreshAll();
  }

  /** Recomputes the sort keys of every letter whose keys an older ICU made; answers how many. */
  public int refreshAll() {
    List<Letter> stale =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  lock();
                  List<Letter> letters =
                      entityManager.createQuery("from Letter", Letter.class).getResultList();
                  List<Letter> outdated = new java.util.ArrayList<>();
                  for (Letter letter : letters) {
                    String current = Collation.version(letter.originalLanguage);
                    if (!current.equals(letter.collationVersion)) {
                      entityManager
                          .createNativeQuery(
                              "UPDATE endorsements SET collation_key = NULL"
                                  + " WHERE letter_id = :letter AND collation_key IS NOT NULL")
                          .setParameter("letter", letter.id)
                          .executeUpdate();
                      letter.collationVersion = current;
                      outdated.add(letter);
                    }
                  }
                  return outdated;
                });
    int keyed = 0;
    int done;
    do {
      done = QuarkusTransaction.requiringNew().call(this::batch);
      keyed += done;
    } while (done == BATCH);
    for (Letter letter : stale) {
      Log.infof(
          "Sort keys of letter %s recomputed for ICU collation %s",
          letter.slug, letter.collationVersion);
    }
    if (keyed > 0) {
      Log.infof("Computed %d sort keys", keyed);
    }
    return stale.size();
  }

  /** Gives a sort key to a batch of named endorsements that have none; answers how many. */
  private int batch() {
    lock();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT e.id, e.name, l.original_language FROM endorsements e"
                    + " JOIN letters l ON l.id = e.letter_id"
                    + " WHERE e.collation_key IS NULL AND NOT e.anonymous AND e.name IS NOT NULL"
                    + " LIMIT :batch")
            .setParameter("batch", BATCH)
            .getResultList();
    for (Object[] row : rows) {
      entityManager
          .createNativeQuery("UPDATE endorsements SET collation_key = :key WHERE id = :id")
          .setParameter("key", Collation.sortKey((String) row[2], (String) row[1]))
          .setParameter("id", (UUID) row[0])
          .executeUpdate();
    }
    return rows.size();
  }

  private void lock() {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('undersigned.collation'))")
        .getSingleResult();
  }
}
