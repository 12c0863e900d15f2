package org.undersigned.endorsement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.undersigned.common.text.Collation;
import org.undersigned.common.text.Names;

/**
 * One organisation's (or person's) endorsement of a letter, whatever became of it. Its contact data
 * and, when anonymous, its name are never part of any public answer.
 */
@Entity
@Table(name = "endorsements")
public class Endorsement {

  @Id public UUID id;

  /** Order of arrival; internal, never exposed. */
  @Column(name = "position", insertable = false, updatable = false)
  public Long position;

  @Column(name = "letter_id")
  public UUID letterId;

  @Column(name = "translation_id")
  public UUID translationId;

  @Enumerated(EnumType.STRING)
  public EndorsementKind kind;

  public String name;

  @Column(name = "normalized_name")
  public String normalizedName;

  @Column(name = "search_key")
  public String searchKey;

  @Column(name = "collation_key")
  public byte[] collationKey;

  public String country;

  public String website;

  public boolean anonymous;

  @Column(name = "contact_name")
  public String contactName;

  @Column(name = "contact_email")
  public String contactEmail;

  @Column(name = "contact_email_hash")
  public byte[] contactEmailHash;

  public String language;

  @Enumerated(EnumType.STRING)
  public EndorsementStatus status;

  @Enumerated(EnumType.STRING)
  public EndorsementSource source;

  @Column(name = "source_partner")
  public String sourcePartner;

  @Column(name = "source_reference")
  public String sourceReference;

  @Column(name = "email_confirmed_at")
  public Instant emailConfirmedAt;

  @Column(name = "domain_verified")
  public boolean domainVerified;

  @Column(name = "approved_at")
  public Instant approvedAt;

  @Column(name = "approved_by")
  public String approvedBy;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "rejected_at")
  public Instant rejectedAt;

  @Column(name = "rejection_reason")
  public String rejectionReason;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Column(name = "duplicate_of")
  public UUID duplicateOf;

  @Column(name = "contact_erased_at")
  public Instant contactErasedAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version public int version;

  /**
   * Sets the name and every form derived from it. An anonymous endorsement keeps its name only for
   * duplicate checks: it gets no search or sort key, so no public query can ever reach it.
   */
  public void name(String rawName, boolean anonymous, String letterLanguage) {
    this.anonymous = anonymous;
    if (rawName == null) {
      this.name = null;
      this.normalizedName = null;
      this.searchKey = null;
      this.collationKey = null;
      return;
    }
    this.name = Names.display(rawName);
    this.normalizedName = Names.normalized(this.name);
    this.searchKey = anonymous ? null : Names.searchKey(this.name);
    this.collationKey = anonymous ? null : Collation.sortKey(letterLanguage, this.name);
  }
}
