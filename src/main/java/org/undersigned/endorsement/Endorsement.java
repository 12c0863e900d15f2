package org.undersigned.endorsement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.text.Collation;
import org.undersigned.common.text.Names;

/**
 * One organisation's (or person's) endorsement of a letter, whatever became of it. Its contact data
 * and, when anonymous, its name are never part of any public answer, and are stored sealed
 * (AES-GCM, {@link ContactCipher}): the database holds no personal data in clear.
 *
 * <p>Over 300 lines because each sealed field's rule (what is sealed, when it is erased) sits
 * beside its column.
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

  /** The name of an anonymous endorsement, sealed ({@link #nameSealed}); only moderators see it. */
  @Transient public String anonymousName;

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

  /** The country of a named endorsement; null for an anonymous one (see {@link #country()}). */
  public String country;

  /** The website of a named endorsement; null for an anonymous one (see {@link #website()}). */
  public String website;

  /** An anonymous endorsement's website, sealed: it identifies the organisation. */
  @Transient public String anonymousWebsite;

  /** An anonymous endorsement's country, sealed: with the kind, it narrows down who signed. */
  @Transient public String anonymousCountry;

  public boolean anonymous;

  @Transient public String contactName;

  @Transient public String contactEmail;

  // The sealed columns of the fields above (ContactCipher): each value bound to this row and its
  // column, sealed when the row is written and opened when it is read.
  @Column(name = "name_sealed")
  byte[] nameSealed;

  @Column(name = "website_sealed")
  byte[] websiteSealed;

  @Column(name = "country_sealed")
  byte[] countrySealed;

  @Column(name = "contact_name_sealed")
  byte[] contactNameSealed;

  @Column(name = "contact_email_sealed")
  byte[] contactEmailSealed;

  /** The clear values as last read or written, to reseal only what changed. */
  @Transient private String[] opened = new String[SEALED_COLUMNS.length];

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

  /** Since when its domain's TXT record counts (DOMAIN_DNS); null once a look-up finds it gone. */
  @Column(name = "domain_dns_verified_at")
  public Instant domainDnsVerifiedAt;

  /** When its domain's record was last seen. */
  @Column(name = "domain_dns_seen_at")
  public Instant domainDnsSeenAt;

  /** When its domain was last looked up. */
  @Column(name = "domain_checked_at")
  public Instant domainCheckedAt;

  /** Why the last look-up did not verify; null when it did. */
  @Column(name = "domain_check_reason")
  public String domainCheckReason;

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

  /** The country, as moderators see it, anonymous or not. */
  public String country() {
    return anonymous ? anonymousCountry : country;
  }

  /** The website, as moderators see it, anonymous or not. */
  public String website() {
    return anonymous ? anonymousWebsite : website;
  }

  /**
   * A new endorsement of a letter, as every way in makes it (a signer's submission, a moderator's
   * import, the bundled seed): a fresh id, its kind (an organisation unless said), its name and the
   * forms derived from it, the letter's language until the caller says another, its status and
   * source, written now (published now, if it is). The caller adds what its way knows.
   */
  public static Endorsement create(
      UUID letterId,
      String letterLanguage,
      EndorsementKind kind,
      String name,
      boolean anonymous,
      EndorsementStatus status,
      EndorsementSource source,
      Instant now) {
    Endorsement e = new Endorsement();
    e.id = UUID.randomUUID();
    e.letterId = letterId;
    e.kind = kind == null ? EndorsementKind.ORGANISATION : kind;
    e.name(name, anonymous, letterLanguage);
    e.language = letterLanguage;
    e.status = status;
    e.source = source;
    e.createdAt = now;
    e.updatedAt = now;
    if (status == EndorsementStatus.PUBLISHED) {
      e.publishedAt = now;
    }
    return e;
  }

  /**
   * Sets the contact as signers and imports give it: the name in display form, the address trimmed.
   */
  public void contact(String contactName, String contactEmail) {
    this.contactName = contactName == null ? null : Names.display(contactName);
    this.contactEmail = contactEmail == null ? null : contactEmail.strip();
  }

  /**
   * Sets the country and website, after {@link #name}: an anonymous endorsement's are only sealed,
   * like its name.
   */
  public void details(String country, String website) {
    this.country = anonymous ? null : country;
    this.website = anonymous ? null : website;
    this.anonymousCountry = anonymous ? country : null;
    this.anonymousWebsite = anonymous ? website : null;
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

  /** A write that may change a public list or count makes the public renderings anew. */
  @PostPersist
  @PostUpdate
  @PostRemove
  void written() {
    if (status != EndorsementStatus.PENDING_CONFIRMATION && status != EndorsementStatus.CONFIRMED) {
      ReadCache.changedAfterCommit();
    }
  }

  /** The sealed columns, in the order of {@link #clear()}. */
  private static final String[] SEALED_COLUMNS = {
    "name_sealed", "website_sealed", "country_sealed", "contact_name_sealed", "contact_email_sealed"
  };

  private String[] clear() {
    return new String[] {
      anonymousName, anonymousWebsite, anonymousCountry, contactName, contactEmail
    };
  }

  private byte[][] sealedColumns() {
    return new byte[][] {
      nameSealed, websiteSealed, countrySealed, contactNameSealed, contactEmailSealed
    };
  }

  private void sealedColumns(byte[][] values) {
    nameSealed = values[0];
    websiteSealed = values[1];
    countrySealed = values[2];
    contactNameSealed = values[3];
    contactEmailSealed = values[4];
  }

  @PostLoad
  void opened() {
    ContactCipher cipher = ContactCipher.current();
    byte[][] sealed = sealedColumns();
    anonymousName = cipher.open(sealed[0], place(0));
    anonymousWebsite = cipher.open(sealed[1], place(1));
    anonymousCountry = cipher.open(sealed[2], place(2));
    contactName = cipher.open(sealed[3], place(3));
    contactEmail = cipher.open(sealed[4], place(4));
    opened = clear();
  }

  private String place(int column) {
    return ContactCipher.place("endorsements", SEALED_COLUMNS[column], id);
  }

  @PrePersist
  @PreUpdate
  void sealed() {
    ContactCipher cipher = ContactCipher.current();
    // A row of another key generation is sealed anew whole (the resealing at start relies on the
    // generation); otherwise only the values that changed, each bound to this row and column.
    boolean whole = !cipher.generation().equals(cryptoGeneration);
    String[] now = clear();
    byte[][] sealed = sealedColumns();
    for (int i = 0; i < now.length; i++) {
      if (whole || !java.util.Objects.equals(now[i], opened[i])) {
        sealed[i] = cipher.seal(now[i], place(i));
      }
    }
    sealedColumns(sealed);
    opened = now;
    contactEmailHash = contactEmail == null ? null : cipher.emailHash(contactEmail);
    contactDomainHash = contactEmail == null ? null : cipher.domainHash(contactEmail);
    String display = displayName();
    nameHash = display == null ? null : cipher.nameHash(Names.normalized(display));
    cryptoGeneration = cipher.generation();
  }
}
