package org.undersigned.common.crypto;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.text.Emails;

/**
 * Personal data at rest: contact names and e-mails, and the names of anonymous endorsements, are
 * sealed with AES-256-GCM; e-mails and organisation names are looked up by an HMAC-SHA-256 of their
 * normalised form. Keys come from configuration ({@code undersigned.crypto.keys}, newest first, and
 * {@code undersigned.crypto.hash-key}); src/docs/guarantees.md says how to rotate them.
 *
 * <p>A sealed value is {@code version (1 byte) | key id (4 bytes) | nonce (12 bytes) | ciphertext
 * and tag}. The key id is the start of the key's SHA-256, so an old key keeps opening what it
 * sealed until the resealing at start (endorsement.service.Resealing) has moved every row to the
 * newest key.
 *
 * <p>Version 2 binds each value to its place: the associated data of AES-GCM is the table, the
 * column and the row's id, so a value copied into another row or column (by someone who can write
 * to the database but holds no key) fails its integrity check instead of being read as that row's.
 * Version 1 values (bound to nothing) are still opened, and resealed at the next start.
 */
@ApplicationScoped
public class ContactCipher {

  private static final byte VERSION_UNBOUND = 1;
  private static final byte VERSION = 2;
  private static final int KEY_ID_BYTES = 4;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] AAD_UNBOUND =
      "undersigned.contact.v1".getBytes(StandardCharsets.UTF_8);

  private final List<Key> keys;
  private final SecretKeySpec hashKey;
  private final String generation;
  private final SecureRandom random = new SecureRandom();

  @Inject
  public ContactCipher(UndersignedConfig config) {
    this(config.crypto().keys(), config.crypto().hashKey());
  }

  /** Keys in base64, the newest first, and the hash key. */
  public ContactCipher(List<String> encodedKeys, String encodedHashKey) {
    List<Key> parsed = new ArrayList<>();
    for (String encoded : encodedKeys) {
      byte[] key = decode(encoded.strip(), "undersigned.crypto.keys");
      parsed.add(new Key(fingerprint(key), new SecretKeySpec(key, "AES")));
    }
    if (parsed.isEmpty()) {
      throw new IllegalStateException("undersigned.crypto.keys names no key");
    }
    this.keys = List.copyOf(parsed);
    byte[] hash = decode(encodedHashKey.strip(), "undersigned.crypto.hash-key");
    this.hashKey = new SecretKeySpec(hash, "HmacSHA256");
    // "v2": the format of the sealed values; rows of another format are resealed at start too.
    this.generation =
        "v2."
            + HexFormat.of().formatHex(keys.get(0).id())
            + "."
            + HexFormat.of().formatHex(fingerprint(hash));
  }

  /** The bean, for the places CDI cannot inject into (JPA converters, entities). */
  public static ContactCipher current() {
    return Arc.container().instance(ContactCipher.class).get();
  }

  /**
   * Which keys sealed and hashed a row: rows of another generation are resealed at start. It names
   * the keys by fingerprint, never by value.
   */
  public String generation() {
    return generation;
  }

  /**
   * Where a sealed value lives, bound into its seal: the table, the column and the row's id, such
   * as {@code endorsements.contact_email_sealed.<uuid>}.
   */
  public static String place(String table, String column, Object rowId) {
    return table + "." + column + "." + rowId;
  }

  /** Seals a value for one place ({@link #place}); it opens only there. */
  public byte[] seal(String plain, String place) {
    if (plain == null) {
      return null;
    }
    try {
      Key key = keys.get(0);
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(VERSION, place));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + KEY_ID_BYTES + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(key.id())
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed to seal", e);
    }
  }

  /** Opens a value sealed for this place (or, from before version 2, for any). */
  public String open(byte[] sealed, String place) {
    if (sealed == null) {
      return null;
    }
    if (sealed.length < 1 + KEY_ID_BYTES + NONCE_BYTES
        || (sealed[0] != VERSION && sealed[0] != VERSION_UNBOUND)) {
      throw new IllegalStateException("A sealed value is not in a known format");
    }
    byte[] id = Arrays.copyOfRange(sealed, 1, 1 + KEY_ID_BYTES);
    Key key =
        keys.stream()
            .filter(k -> Arrays.equals(k.id(), id))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "A value was sealed with key "
                            + HexFormat.of().formatHex(id)
                            + ", which undersigned.crypto.keys no longer holds"));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.spec(),
          new GCMParameterSpec(TAG_BITS, sealed, 1 + KEY_ID_BYTES, NONCE_BYTES));
      cipher.updateAAD(aad(sealed[0], place));
      int offset = 1 + KEY_ID_BYTES + NONCE_BYTES;
      return new String(
          cipher.doFinal(sealed, offset, sealed.length - offset), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed value failed its integrity check", e);
    }
  }

  private static byte[] aad(byte version, String place) {
    if (version == VERSION_UNBOUND) {
      return AAD_UNBOUND;
    }
    return ("undersigned.sealed.v2\u0000" + place).getBytes(StandardCharsets.UTF_8);
  }

  /** The keyed hash an e-mail address is looked up and counted by. */
  public byte[] emailHash(String email) {
    return hash("email", Emails.normalized(email));
  }

  /** The keyed hash of an e-mail address's domain (or of a domain), for finding bursts. */
  public byte[] domainHash(String emailOrDomain) {
    String normalized = Emails.normalized(emailOrDomain);
    return hash("domain", normalized.substring(normalized.lastIndexOf('@') + 1));
  }

  /** The keyed hash of a normalised organisation name: what "the same organisation" means. */
  public byte[] nameHash(String normalizedName) {
    return normalizedName == null ? null : hash("name", normalizedName);
  }

  /** A keyed hash of any other value that is stored and must not let a guess be checked. */
  public byte[] keyedHash(String purpose, String value) {
    return hash(purpose, value);
  }

  private byte[] hash(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 failed", e);
    }
  }

  private static byte[] decode(String encoded, String setting) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " holds a value that is not base64");
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          setting + " must hold 32-byte keys in base64 (openssl rand -base64 32)");
    }
    return key;
  }

  private static byte[] fingerprint(byte[] key) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), KEY_ID_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private record Key(byte[] id, SecretKeySpec spec) {}
}
