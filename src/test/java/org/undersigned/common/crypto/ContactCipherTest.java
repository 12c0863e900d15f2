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

  @Test
  void sealedValuesOpenAndNeverRepeat() {
    ContactCipher cipher = new ContactCipher(List.of(OLD), HASH);
    byte[] first = cipher.seal("contact@amnesty.org");
    byte[] second = cipher.seal("contact@amnesty.org");
    assertFalse(Arrays.equals(first, second), "a fresh nonce for every seal");
    assertEquals("contact@amnesty.org", cipher.open(first));
    assertEquals("Organisation 维吾尔", cipher.open(cipher.seal("Organisation 维吾尔")));
  }

  @Test
  void aTamperedValueIsRefused() {
    ContactCipher cipher = new ContactCipher(List.of(OLD), HASH);
    byte[] sealed = cipher.seal("contact@amnesty.org");
    sealed[sealed.length - 1] ^= 1;
    assertThrows(IllegalStateException.class, () -> cipher.open(sealed));
  }

  @Test
  void afterARotationOldValuesStillOpenUntilTheOldKeyIsRemoved() {
    byte[] sealedWithOld = new ContactCipher(List.of(OLD), HASH).seal("contact@amnesty.org");
    ContactCipher rotated = new ContactCipher(List.of(NEW, OLD), HASH);
    assertEquals("contact@amnesty.org", rotated.open(sealedWithOld));
    byte[] resealed = rotated.seal("contact@amnesty.org");
    ContactCipher newOnly = new ContactCipher(List.of(NEW), HASH);
    assertEquals("contact@amnesty.org", newOnly.open(resealed));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> newOnly.open(sealedWithOld));
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
