package org.undersigned.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealing, opening, tampering and key rotation of personal data at rest. */
class ContactCipherTest {

  private static final String OLD = "5MK2JRIi6n5TLxZQ+Y3muskWNVtwkqD3/fRgEnApz8s=";
  private static final String NEW = "5AakrB5Pogb0CU1n0cAHN0yRSlgsVqFORmlLzV+jnCk=";
  private static final String HASH = "VprURQdBcY17qAtjvDdeXqG9SQnUIPmW40iMolZldko=";
  private static final String OTHER_HASH = "xjElxDA80vGz705ohYIYVSaG4gO1FOsMCl6QN4tgtJ4=";
  private static final java.util.UUID ROW = java.util.UUID.randomUUID();
  private static final String HERE =
      ContactCipher.place("endorsements", "contact_email_sealed", ROW);

  /**
   * A value sealed for one row and column does not open as another row's, nor as another column of
   * the same row: whoever can write to the database but holds no key cannot swap them.
   */
  @Test
  void aValueOpensOnlyWhereItWasSealed() {
    ContactCipher cipher = new ContactCipher(List.of(OLD), HASH);
    byte[] sealed = cipher.seal("contact@amnesty.org", HERE);
    assertEquals("contact@amnesty.org", cipher.open(sealed, HERE));
    assertThrows(
        IllegalStateException.class,
        () ->
            cipher.open(
                sealed,
                ContactCipher.place(
                    "endorsements", "contact_email_sealed", java.util.UUID.randomUUID())));
    assertThrows(
        IllegalStateException.class,
        () -> cipher.open(sealed, ContactCipher.place("endorsements", "contact_name_sealed", ROW)));
  }

  /** Values sealed before they were bound to their place (version 1) still open anywhere. */
  @Test
  void valuesOfTheFirstFormatStillOpen() throws Exception {
    byte[] key = java.util.Base64.getDecoder().decode(OLD);
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        javax.crypto.Cipher.ENCRYPT_MODE,
        new javax.crypto.spec.SecretKeySpec(key, "AES"),
        new javax.crypto.spec.GCMParameterSpec(128, nonce));
    aes.updateAAD("undersigned.contact.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] body = aes.doFinal("old@amnesty.org".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] keyId = Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256").digest(key), 4);
    byte[] v1 =
        java.nio.ByteBuffer.allocate(1 + 4 + 12 + body.length)
            .put((byte) 1)
            .put(keyId)
            .put(nonce)
            .put(body)
            .array();
    assertEquals("old@amnesty.org", new ContactCipher(List.of(OLD), HASH).open(v1, HERE));
  }

  @Test
  void sealedValuesOpenAndNeverRepeat() {
    ContactCipher cipher = new ContactCipher(List.of(OLD), HASH);
    byte[] first = cipher.seal("contact@amnesty.org", HERE);
    byte[] second = cipher.seal("contact@amnesty.org", HERE);
    assertFalse(Arrays.equals(first, second), "a fresh nonce for every seal");
    assertEquals("contact@amnesty.org", cipher.open(first, HERE));
    assertEquals("Organisation 维吾尔", cipher.open(cipher.seal("Organisation 维吾尔", HERE), HERE));
  }

  @Test
  void aTamperedValueIsRefused() {
    ContactCipher cipher = new ContactCipher(List.of(OLD), HASH);
    byte[] sealed = cipher.seal("contact@amnesty.org", HERE);
    sealed[sealed.length - 1] ^= 1;
    assertThrows(IllegalStateException.class, () -> cipher.open(sealed, HERE));
  }

  @Test
  void afterARotationOldValuesStillOpenUntilTheOldKeyIsRemoved() {
    byte[] sealedWithOld = new ContactCipher(List.of(OLD), HASH).seal("contact@amnesty.org", HERE);
    ContactCipher rotated = new ContactCipher(List.of(NEW, OLD), HASH);
    assertEquals("contact@amnesty.org", rotated.open(sealedWithOld, HERE));
    byte[] resealed = rotated.seal("contact@amnesty.org", HERE);
    ContactCipher newOnly = new ContactCipher(List.of(NEW), HASH);
    assertEquals("contact@amnesty.org", newOnly.open(resealed, HERE));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> newOnly.open(sealedWithOld, HERE));
    assertFalse(refused.getMessage().contains(OLD), "a key is never printed");
    assertNotEquals(new ContactCipher(List.of(OLD), HASH).generation(), rotated.generation());
  }

  @Test
  void lookUpHashesAreKeyedAndIgnoreCaseAndSpaces() {
    ContactCipher cipher = new ContactCipher(List.of(OLD), HASH);
    assertArrayEquals(
        cipher.emailHash("Contact@Amnesty.org "), cipher.emailHash("contact@amnesty.org"));
    assertFalse(
        Arrays.equals(
            cipher.emailHash("contact@amnesty.org"),
            new ContactCipher(List.of(OLD), OTHER_HASH).emailHash("contact@amnesty.org")));
    assertFalse(Arrays.equals(cipher.emailHash("x"), cipher.nameHash("x")), "purposes differ");
  }

  @Test
  void badKeysStopTheServiceWithAClearMessage() {
    IllegalStateException shortKey =
        assertThrows(
            IllegalStateException.class, () -> new ContactCipher(List.of("c2hvcnQ="), HASH));
    assertTrue(shortKey.getMessage().contains("32-byte"));
    assertThrows(IllegalStateException.class, () -> new ContactCipher(List.of("%%%"), HASH));
    assertThrows(IllegalStateException.class, () -> new ContactCipher(List.of(), HASH));
  }
}
