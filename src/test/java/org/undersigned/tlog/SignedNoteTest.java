package org.undersigned.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Signed notes and their keys against the published vectors of Go's golang.org/x/mod/sumdb/note
 * ({@code note_test.go}): the PeterNeumann signer key gives the published verifier key, and signs
 * the published text into the published note, byte for byte (Ed25519 is deterministic); the
 * EnochRoot signature is verified too; mangled keys, notes and signatures are refused.
 */
class SignedNoteTest {

  static final String PETER_SIGNER =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String PETER_VERIFIER =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String ENOCH_VERIFIER =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String PETER_SIG =
      "\u2014 PeterNeumann"
          + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "\u2014 EnochRoot"
          + " rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  @Test
  void theSignerKeyGivesThePublishedVerifierKey() {
    assertEquals(PETER_VERIFIER, NoteKey.signer(PETER_SIGNER).verifierKey());
    assertEquals(PETER_VERIFIER, NoteKey.verifier(PETER_VERIFIER).verifierKey());
  }

  @Test
  void theTextIsSignedIntoThePublishedNote() {
    assertEquals(TEXT + "\n" + PETER_SIG, SignedNote.sign(TEXT, NoteKey.signer(PETER_SIGNER)));
  }

  @Test
  void publishedNotesOpenWithTheirKeysAndOnlyThem() {
    String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
    assertEquals(TEXT, SignedNote.open(both, NoteKey.verifier(PETER_VERIFIER)));
    assertEquals(TEXT, SignedNote.open(both, NoteKey.verifier(ENOCH_VERIFIER)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedNote.open(TEXT + "\n" + PETER_SIG, NoteKey.verifier(ENOCH_VERIFIER)));
    String forged = TEXT.replace("answer", "Answer") + "\n" + PETER_SIG;
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedNote.open(forged, NoteKey.verifier(PETER_VERIFIER)));
    String mangled = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedNote.open(mangled, NoteKey.verifier(PETER_VERIFIER)));
    for (String bad :
        new String[] {
          TEXT,
          TEXT + "\n",
          TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
          "\u0001" + TEXT + "\n" + PETER_SIG,
          TEXT + "\n" + PETER_SIG + "Unexpected line.\n"
        }) {
      assertThrows(
          IllegalArgumentException.class,
          () -> SignedNote.open(bad, NoteKey.verifier(PETER_VERIFIER)),
          bad);
    }
  }

  @Test
  void mangledKeysAreRefused() {
    for (int i = 0; i < PETER_VERIFIER.length(); i++) {
      char[] c = PETER_VERIFIER.toCharArray();
      c[i]++;
      String mangled = new String(c);
      assertThrows(IllegalArgumentException.class, () -> NoteKey.verifier(mangled), mangled);
    }
    for (int i = 0; i < PETER_SIGNER.length(); i++) {
      char[] c = PETER_SIGNER.toCharArray();
      c[i]++;
      String mangled = new String(c);
      assertThrows(IllegalArgumentException.class, () -> NoteKey.signer(mangled), mangled);
    }
    // Wrong length with an adjusted hash, unknown algorithm with an adjusted hash (published).
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NoteKey.verifier(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NoteKey.verifier("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
  }

  /** The contract's example checkpoint, signed by OpenSSL with the test key, opens here. */
  @Test
  void aCheckpointSignedByOpenSslOpens() {
    String note =
        "undersigned.example/api/v1/letters/un-china-human-rights/log\n302\n"
            + "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"
            + "\u2014 undersigned.test hjtqpraZZVPNsuD46QY5nA+ufO9PFWUCKYRHjP7Vo8I06"
            + "RdJEiP/uZKqe1Gior59HpS5hljnWuazWEQJBTr4b3cdsAg=\n";
    Checkpoint checkpoint = Checkpoint.open(note, NoteKey.verifier(PublicLogTest.VERIFIER));
    assertEquals(302, checkpoint.size());
    // And ours signs it byte for byte as OpenSSL did (Ed25519 is deterministic).
    NoteKey signer =
        NoteKey.signer(
            "PRIVATE+KEY+undersigned.test+863b6aa6+AXLyQmkO1jdqP09xz2Cr4DF1YD0khlvfsy8a+7eO9GBS");
    assertEquals(note, checkpoint.sign(signer));
  }

  @Test
  void productionDoesNotStartWithoutASigningKey() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> PublicLog.check(io.quarkus.runtime.LaunchMode.NORMAL, false));
    assertTrue(refused.getMessage().contains("UNDERSIGNED_LOG_SIGNING_KEY"));
    PublicLog.check(io.quarkus.runtime.LaunchMode.NORMAL, true);
    PublicLog.check(io.quarkus.runtime.LaunchMode.TEST, false);
  }

  @Test
  void aGeneratedKeySignsWhatItsVerifierOpens() {
    NoteKey signer = NoteKey.signer(NoteKey.generate("undersigned.test/log", new SecureRandom()));
    NoteKey verifier = NoteKey.verifier(signer.verifierKey());
    Checkpoint checkpoint =
        new Checkpoint("undersigned.test/log/example", 8, MerkleTest.ROOTS.get(8));
    Checkpoint opened = Checkpoint.open(checkpoint.sign(signer), verifier);
    assertEquals(checkpoint.body(), opened.body());
    assertEquals(
        "undersigned.test/log/example\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        checkpoint.body());
  }

  /**
   * During a key rotation each checkpoint carries the signatures of both keys, under one name: a
   * reader holding either verifier key opens it. The first line is the published vector's.
   */
  @Test
  void aNoteSignedByTwoKeysOfOneNameOpensWithEither() {
    NoteKey old = NoteKey.signer(PETER_SIGNER);
    NoteKey next = NoteKey.signer(NoteKey.generate("PeterNeumann", new SecureRandom()));
    String note = SignedNote.sign(TEXT, java.util.List.of(old, next));
    assertTrue(note.startsWith(TEXT + "\n" + PETER_SIG + "\u2014 PeterNeumann "), note);
    assertEquals(TEXT, SignedNote.open(note, NoteKey.verifier(PETER_VERIFIER)));
    assertEquals(TEXT, SignedNote.open(note, NoteKey.verifier(next.verifierKey())));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignedNote.sign(TEXT, java.util.List.of()),
        "a note signed by no key");
  }
}
