package org.undersigned.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.undersigned.common.cache.ReadCache;

/** An open letter: its identity, its original language and whether it takes signatures. */
@Entity
@Table(name = "letters")
public class Letter {

  /** What a slug may be; the database holds the same rule. */
  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

  private static final int SLUG_MAX_LENGTH = 100;

  @Id public UUID id;

  public String slug;

  @Column(name = "original_language")
  public String originalLanguage;

  @Enumerated(EnumType.STRING)
  public LetterStatus status;

  @Column(name = "closes_at")
  public Instant closesAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "moderation_policy")
  public ModerationPolicy moderationPolicy;

  /** When a moderator closed it; signing also ends at {@link #closesAt}. */
  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "embargo_until")
  public Instant embargoUntil;

  @Column(name = "counts_during_embargo")
  public boolean countsDuringEmbargo = true;

  @Column(name = "collation_version")
  public String collationVersion;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version public int version;

  /** Whether a text can be a slug at all; one that cannot names no letter. */
  public static boolean isSlug(String text) {
    return text != null && text.length() <= SLUG_MAX_LENGTH && SLUG.matcher(text).matches();
  }

  /** Whether the public may see it: drafts are the coalition's alone. */
  public boolean isPublic() {
    return status != LetterStatus.DRAFT;
  }

  /** Whether its list of signatories is public at this instant (no embargo, or it is over). */
  public boolean listPublicAt(Instant now) {
    return embargoUntil == null || !now.isBefore(embargoUntil);
  }

  /** Whether its counts are public at this instant: with the list, or during the embargo if so. */
  public boolean countsPublicAt(Instant now) {
    return listPublicAt(now) || countsDuringEmbargo;
  }

  /** Whether it takes signatures at this instant. */
  public boolean isOpenAt(Instant now) {
    return isOpenAt(status, closesAt, now);
  }

  /** Whether a letter in this status and with this closing date takes signatures at an instant. */
  public static boolean isOpenAt(LetterStatus status, Instant closesAt, Instant now) {
    return status == LetterStatus.OPEN && (closesAt == null || now.isBefore(closesAt));
  }

  /** Every write of a letter changes what the public sees: the renderings are made anew. */
  @PostPersist
  @PostUpdate
  @PostRemove
  void written() {
    ReadCache.changedAfterCommit();
  }
}
