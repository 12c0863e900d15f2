package org.undersigned.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A C2SP signed-note key with Ed25519 (algorithm byte 0x01), in the formats of Go's {@code
 * golang.org/x/mod/sumdb/note}: the signer key {@code PRIVATE+KEY+<name>+<key hash>+<base64(0x01 ||
 * seed)>} and the verifier key {@code <name>+<key hash>+<base64(0x01 || public key)>}, where the
 * key hash is the first 4 bytes of {@code SHA-256(name || "\n" || 0x01 || public key)}, in 8 hex
 * digits.
 */
public final class NoteKey {

  private static final byte ED25519 = 0x01;
  private static final Pattern NAME = Pattern.compile("[^+\\s]+");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{8}");

  private final String name;
  private final byte[] publicKey;
  private final PrivateKey privateKey;
  private final byte[] keyId;

  private NoteKey(String name, byte[] publicKey, PrivateKey privateKey) {
    this.name = name;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.keyId = keyId(name, publicKey);
  }

  /** A signer key string, as {@code note.NewSigner} reads it; refuses any other. */
  public static NoteKey signer(String key) {
    // The key's base64 may hold '+': the fields before it are split off, the rest is the key.
    String[] parts = key.split("\\+", 5);
    if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
      throw new IllegalArgumentException("Not a signer key (PRIVATE+KEY+name+hash+key)");
    }
    byte[] seed = algorithmKey(parts[4]);
    String name = name(parts[2]);
    NoteKey signer = new NoteKey(name, publicKeyOf(seed), privateKeyOf(seed));
    checkHash(parts[3], signer.keyId);
    return signer;
  }

  /** A verifier key string, as {@code note.NewVerifier} reads it; refuses any other. */
  public static NoteKey verifier(String key) {
    String[] parts = key.split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a verifier key (name+hash+key)");
    }
    NoteKey verifier = new NoteKey(name(parts[0]), algorithmKey(parts[2]), null);
    checkHash(parts[1], verifier.keyId);
    return verifier;
  }

  /** A new signer key string of that name, from 32 random bytes. */
  public static String generate(String name, SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    NoteKey key = new NoteKey(name(name), publicKeyOf(seed), privateKeyOf(seed));
    return "PRIVATE+KEY+"
        + name
        + "+"
        + HexFormat.of().formatHex(key.keyId)
        + "+"
        + Base64.getEncoder().encodeToString(withAlgorithm(seed));
  }

  public String name() {
    return name;
  }

  /** The 4-byte key hash that opens each signature. */
  public byte[] keyId() {
    return keyId.clone();
  }

  /** This key's verifier key string: what readers check signatures with. */
  public String verifierKey() {
    return name
        + "+"
        + HexFormat.of().formatHex(keyId)
        + "+"
        + Base64.getEncoder().encodeToString(withAlgorithm(publicKey));
  }

  /** The Ed25519 signature of the message. */
  public byte[] sign(byte[] message) {
    if (privateKey == null) {
      throw new IllegalStateException("A verifier key cannot sign");
    }
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(privateKey);
      ed25519.update(message);
      return ed25519.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the signature is this key's over the message. */
  public boolean verify(byte[] message, byte[] signature) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(publicKeyObject());
      ed25519.update(message);
      return ed25519.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The X.509 encoding of an Ed25519 public key (RFC 8410): this prefix, then its 32 bytes. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private PublicKey publicKeyObject() throws GeneralSecurityException {
    byte[] encoded = ByteBuffer.allocate(44).put(X509_PREFIX).put(publicKey).array();
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A key name has no '+' nor white space, and is not empty");
    }
    return name;
  }

  private static void checkHash(String hex, byte[] keyId) {
    if (!HASH.matcher(hex).matches()
        || !MessageDigest.isEqual(HexFormat.of().parseHex(hex), keyId)) {
      throw new IllegalArgumentException("The key hash does not match the key");
    }
  }

  /** The 32 bytes after the algorithm byte, which must be Ed25519's. */
  private static byte[] algorithmKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The key is not base64");
    }
    if (!base64.equals(Base64.getEncoder().encodeToString(bytes))) {
      throw new IllegalArgumentException("The key is not canonical base64");
    }
    if (bytes.length != 33 || bytes[0] != ED25519) {
      throw new IllegalArgumentException("Not an Ed25519 key (0x01 and 32 bytes)");
    }
    return Arrays.copyOfRange(bytes, 1, 33);
  }

  private static byte[] withAlgorithm(byte[] key) {
    return ByteBuffer.allocate(33).put(ED25519).put(key).array();
  }

  static byte[] keyId(String name, byte[] publicKey) {
    MessageDigest sha256 = Merkle.sha256();
    sha256.update(name.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update(ED25519);
    sha256.update(publicKey);
    return Arrays.copyOf(sha256.digest(), 4);
  }

  /**
   * The key pair of an Ed25519 seed (RFC 8032 §5.1.5: the private key is the seed). The JDK has no
   * call that takes a seed, but its key generation draws exactly the 32 bytes of the seed from its
   * random source: given one that answers the seed, it makes that very key pair.
   */
  private static KeyPair pairOf(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(
          NamedParameterSpec.ED25519,
          new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
              if (bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 draws 32 bytes");
              }
              System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
          });
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey privateKeyOf(byte[] seed) {
    return pairOf(seed).getPrivate();
  }

  private static byte[] publicKeyOf(byte[] seed) {
    // The X.509 encoding of an Ed25519 public key ends with its 32 bytes.
    byte[] encoded = pairOf(seed).getPublic().getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  @Override
  public String toString() {
    return verifierKey();
  }
}
