package org.undersigned.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.undersigned.common.cache.ReadCache;

/**
 * The text of a letter in one language, at one version. A new version is a new row, so an
 * endorsement can always show the exact text its signer saw.
 */
@Entity
@Table(name = "letter_translations")
public class LetterTranslation {

  /** Placeholders of {@link #countSentence}. */
  public static final String TOTAL = "{total}";

  public static final String NAMED = "{named}";
  public static final String ANONYMOUS = "{anonymous}";

  @Id public UUID id;

  @Column(name = "letter_id")
  public UUID letterId;

  public String language;

  @Column(name = "text_version")
  public int textVersion;

  public String title;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> recipients;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> paragraphs;

  public String closing;

  /** The sentence under the list of names, with {total}, {named} and {anonymous}. */
  @Column(name = "count_sentence")
  public String countSentence;

  @Column(name = "created_at")
  public Instant createdAt;

  /** The count sentence with the figures filled in. */
  public String countSentence(long total, long named, long anonymous) {
    return countSentence
        .replace(TOTAL, Long.toString(total))
        .replace(NAMED, Long.toString(named))
        .replace(ANONYMOUS, Long.toString(anonymous));
  }

  /** Every write of a letter changes what the public sees: the renderings are made anew. */
  @PostPersist
  @PostUpdate
  @PostRemove
  void written() {
    ReadCache.changedAfterCommit();
  }
}
