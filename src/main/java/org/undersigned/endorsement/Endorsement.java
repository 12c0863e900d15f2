package org.undersigned.endorsement;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.crypto.Sealed;
import org.undersigned.common.http.ReadCache;
import org.undersigned.common.text.Collation;
import org.undersigned.common.text.Names;

/**
 * One organisation's (or person's) endorsement of a letter, whatever became of it. Its contact data
 * and, when anonymous, its name are never part of any public answer, and are stored sealed
 * (AES-GCM, {@link ContactCipher}): the database holds no personal data in clear.
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

  /** The name to publish; null for an anonymous endorsement (see {@link #anonymousName}). */
  public String name;

  /** The name of an anonymous endorsement, sealed; only moderators ever see it. */
  @Convert(converter = Sealed.class)
  @Column(name = "name_sealed")
  public String anonymousName;

  /** The normalised public name; null for an anonymous endorsement. */
  @Column(name = "normalized_name")
  public String normalizedName;

  /** Keyed hash of the normalised name, anonymous or not: what "the same organisation" means. */
  @Column(name = "name_hash")
  public byte[] nameHash;

  @Column(name = "search_key")
  public String searchKey;

  @Column(name = "collation_key")
  public byte[] collationKey;

  public String country;

  public String website;

  public boolean anonymous;

  @Convert(converter = Sealed.class)
  @Column(name = "contact_name_sealed")
  public String contactName;

  @Convert(converter = Sealed.class)
  @Column(name = "contact_email_sealed")
  public String contactEmail;

  /** Keyed hash of the normalised contact e-mail, for look-ups; set when the row is written. */
  @Column(name = "contact_email_hash")
  public byte[] contactEmailHash;

  /** Keyed hash of the contact e-mail's domain, for finding bursts; set when the row is written. */
  @Column(name = "contact_domain_hash")
  public byte[] contactDomainHash;

  /**
   * The network the submission came from (IPv4 /24, IPv6 /48, never the full address), for finding
   * bursts; read and written as CIDR text.
   */
  @Column(name = "client_network", columnDefinition = "cidr")
  @ColumnTransformer(write = "CAST(? AS cidr)", read = "CAST(client_network AS text)")
  public String clientNetwork;

  /** Which keys sealed and hashed this row (fingerprints); set when the row is written. */
  @Column(name = "crypto_generation")
  public String cryptoGeneration;

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

  /** The name as moderators and the signer's e-mails show it, anonymous or not. */
  public String displayName() {
    return anonymous ? anonymousName : name;
  }

  /**
   * Sets the name and every form derived from it. An anonymous endorsement's name is only sealed,
   * with a keyed hash for duplicate checks (computed with the other hashes when the row is
   * persisted, see {@link #sealed()}): it gets no clear, search or sort form, so no public query
   * (and no reader of the database) can reach it.
   */
  public void name(String rawName, boolean anonymous, String letterLanguage) {
    this.anonymous = anonymous;
    String display = rawName == null ? null : Names.display(rawName);
    this.name = anonymous ? null : display;
    this.anonymousName = anonymous ? display : null;
    this.normalizedName = anonymous || display == null ? null : Names.normalized(display);
    this.searchKey = anonymous || display == null ? null : Names.searchKey(display);
    this.collationKey =
        anonymous || display == null ? null : Collation.sortKey(letterLanguage, display);
  }

  /**
   * Every write seals the personal fields with the newest key (the converter) and hashes them with
   * the current hash key, so the row's generation is the current one.
   */
  /** A write that may change a public list or count makes the public renderings anew. */
  @PostPersist
  @PostUpdate
  @PostRemove
  void written() {
    if (status != EndorsementStatus.PENDING_CONFIRMATION && status != EndorsementStatus.CONFIRMED) {
      ReadCache.changedAfterCommit();
    }
  }

  @PrePersist
  @PreUpdate
  void sealed() {
    ContactCipher cipher = ContactCipher.current();
    contactEmailHash = contactEmail == null ? null : cipher.emailHash(contactEmail);
    contactDomainHash = contactEmail == null ? null : cipher.domainHash(contactEmail);
    String display = displayName();
    nameHash = display == null ? null : cipher.nameHash(Names.normalized(display));
    cryptoGeneration = cipher.generation();
  }
}
