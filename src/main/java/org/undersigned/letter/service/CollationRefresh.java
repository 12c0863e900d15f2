package org.undersigned.letter.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.undersigned.common.text.Collation;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.letter.Letter;

/**
 * Keeps the stored sort keys in step with ICU: a sort key is only comparable with keys of the same
 * collator version, so after an upgrade of ICU the keys of each letter are computed again, once, at
 * start (under a lock, so one instance does it).
 */
@ApplicationScoped
public class CollationRefresh {

  private final EntityManager entityManager;

  public CollationRefresh(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  void onStart(@Observes @Priority(10) StartupEvent event) {
    refreshAll();
  }

  /** Recomputes the sort keys of every letter whose keys an older ICU made; answers how many. */
  @Transactional
  public int refreshAll() {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('undersigned.collation'))")
        .getSingleResult();
    int refreshed = 0;
    List<Letter> letters = entityManager.createQuery("from Letter", Letter.class).getResultList();
    for (Letter letter : letters) {
      String current = Collation.version(letter.originalLanguage);
      if (current.equals(letter.collationVersion)) {
        continue;
      }
      List<Endorsement> named =
          entityManager
              .createQuery(
                  "from Endorsement where letterId = ?1 and collationKey is not null",
                  Endorsement.class)
              .setParameter(1, letter.id)
              .getResultList();
      for (Endorsement e : named) {
        e.collationKey = Collation.sortKey(letter.originalLanguage, e.name);
      }
      letter.collationVersion = current;
      refreshed++;
      Log.infof(
          "Sort keys of letter %s recomputed for ICU collation %s (%d names)",
          letter.slug, current, named.size());
    }
    return refreshed;
  }
}
