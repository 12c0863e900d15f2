package org.undersigned.letter.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.undersigned.letter.LetterTranslation;

/** Queries of letters' texts. */
@ApplicationScoped
public class LetterTranslationRepository implements PanacheRepositoryBase<LetterTranslation, UUID> {

  /** The latest version of a letter's text in each of its languages, ordered by language. */
  public List<LetterTranslation> latestOf(UUID letterId) {
    return list(
        "letterId = ?1 and textVersion = (select max(t.textVersion) from LetterTranslation t"
            + " where t.letterId = ?1 and t.language = language) order by language",
        letterId);
  }
}
