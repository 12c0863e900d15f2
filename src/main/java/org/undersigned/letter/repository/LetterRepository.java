package org.undersigned.letter.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;

/** Queries of letters. */
@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<Letter, UUID> {

  public Optional<Letter> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  /** The letters the public may see (open or closed, never drafts), newest first. */
  public List<Letter> listPublic() {
    return list("status <> ?1 order by createdAt desc, slug", LetterStatus.DRAFT);
  }
}
