package org.undersigned.endorsement.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.text.Names;

/**
 * Moves every endorsement to the current keys at start: rows sealed with an older key (after a key
 * rotation), hashed with an older hash key, or written before personal data was sealed (their clear
 * contact columns are emptied, rows loaded by SQL get their derived forms). In batches, each its
 * own transaction, rows locked with SKIP LOCKED so that several instances starting together share
 * the work.
 */
@ApplicationScoped
public class Resealing {

  private static final int BATCH = 500;

  /** The generation of rows no configured key opens. */
  static final String UNREADABLE = "unreadable";

  private final EntityManager entityManager;
  private final ContactCipher cipher;

  public Resealing(EntityManager entityManager, ContactCipher cipher) {
    this.entityManager = entityManager;
    this.cipher = cipher;
  }

  void onStart(@Observes @Priority(5) StartupEvent event) {
    int total = resealAll();
    if (total > 0) {
      Log.infof("Resealed %d endorsements with keys %s", total, cipher.generation());
    }
  }

  /** Reseals every row of another generation; answers how many. */
  public int resealAll() {
    // Rows the keys could not open at the last start are tried again (a key may be back).
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE endorsements SET crypto_generation = NULL"
                            + " WHERE crypto_generation = :unreadable")
                    .setParameter("unreadable", UNREADABLE)
                    .executeUpdate());
    int total = 0;
    int done;
    do {
      done = QuarkusTransaction.requiringNew().call(this::batch);
      total += done;
    } while (done == BATCH);
    return total;
  }

  private int batch() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT id, anonymous, name, name_sealed, contact_name, contact_name_sealed,"
                    + " contact_email, contact_email_sealed, website, website_sealed, country,"
                    + " country_sealed FROM endorsements"
                    + " WHERE crypto_generation IS DISTINCT FROM :generation"
                    + " AND crypto_generation IS DISTINCT FROM :unreadable"
                    + " LIMIT :batch FOR UPDATE SKIP LOCKED")
            .setParameter("generation", cipher.generation())
            .setParameter("unreadable", UNREADABLE)
            .setParameter("batch", BATCH)
            .getResultList();
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      boolean anonymous = (Boolean) row[1];
      String name = (String) row[2];
      String anonymousName;
      String contactName;
      String contactEmail;
      String anonymousWebsite;
      String anonymousCountry;
      try {
        anonymousName = anonymous ? firstOf((byte[]) row[3], name, "name_sealed", id) : null;
        contactName = firstOf((byte[]) row[5], (String) row[4], "contact_name_sealed", id);
        contactEmail = firstOf((byte[]) row[7], (String) row[6], "contact_email_sealed", id);
        // An anonymous endorsement's website and country were kept in clear before V8.
        anonymousWebsite =
            anonymous ? firstOf((byte[]) row[9], (String) row[8], "website_sealed", id) : null;
        anonymousCountry =
            anonymous ? firstOf((byte[]) row[11], (String) row[10], "country_sealed", id) : null;
      } catch (IllegalStateException unreadable) {
        // Sealed with a key no longer configured, or damaged: left as it is, flagged, and the
        // service starts all the same (one bad row must not keep every letter offline).
        Log.errorf(
            "Endorsement %s cannot be opened with the configured keys: %s",
            row[0], unreadable.getMessage());
        entityManager
            .createNativeQuery(
                "UPDATE endorsements SET crypto_generation = :unreadable WHERE id = :id")
            .setParameter("unreadable", UNREADABLE)
            .setParameter("id", id)
            .executeUpdate();
        continue;
      }
      String display = anonymous ? anonymousName : name;
      entityManager
          .createNativeQuery(
              "UPDATE endorsements SET name = :name, normalized_name = :normalized,"
                  + " search_key = :searchKey,"
                  + " name_sealed = :nameSealed, name_hash = :nameHash,"
                  + " contact_name = NULL, contact_email = NULL,"
                  + " contact_name_sealed = :contactName, contact_email_sealed = :contactEmail,"
                  + " contact_email_hash = :emailHash, contact_domain_hash = :domainHash,"
                  + " website = CASE WHEN anonymous THEN NULL ELSE website END,"
                  + " country = CASE WHEN anonymous THEN NULL ELSE country END,"
                  + " website_sealed = :websiteSealed, country_sealed = :countrySealed,"
                  + " crypto_generation = :generation"
                  + " WHERE id = :id")
          .setParameter("name", anonymous ? null : name)
          .setParameter("normalized", anonymous || name == null ? null : Names.normalized(name))
          .setParameter("searchKey", anonymous || name == null ? null : Names.searchKey(name))
          .setParameter("nameSealed", seal(anonymousName, "name_sealed", id))
          .setParameter(
              "nameHash", display == null ? null : cipher.nameHash(Names.normalized(display)))
          .setParameter("contactName", seal(contactName, "contact_name_sealed", id))
          .setParameter("contactEmail", seal(contactEmail, "contact_email_sealed", id))
          .setParameter("emailHash", contactEmail == null ? null : cipher.emailHash(contactEmail))
          .setParameter("domainHash", contactEmail == null ? null : cipher.domainHash(contactEmail))
          .setParameter("websiteSealed", seal(anonymousWebsite, "website_sealed", id))
          .setParameter("countrySealed", seal(anonymousCountry, "country_sealed", id))
          .setParameter("generation", cipher.generation())
          .setParameter("id", id)
          .executeUpdate();
    }
    return rows.size();
  }

  /** The sealed value, opened, if there is one; else the value still in clear. */
  private String firstOf(byte[] sealed, String clear, String column, UUID id) {
    return sealed != null
        ? cipher.open(sealed, ContactCipher.place("endorsements", column, id))
        : clear;
  }

  /** A value sealed for its row and column, with the newest key. */
  private byte[] seal(String value, String column, UUID id) {
    return cipher.seal(value, ContactCipher.place("endorsements", column, id));
  }
}
