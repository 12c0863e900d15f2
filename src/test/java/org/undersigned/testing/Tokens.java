package org.undersigned.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

/** Real signed JWTs for the tests, minted with the test key pair the service trusts. */
public final class Tokens {

  public static final String ISSUER = "https://undersigned.test";

  /** The audience the test profile requires (mp.jwt.verify.audiences). */
  public static final String AUDIENCE = "undersigned-admin";

  private Tokens() {}

  /** A token of a person with these roles. */
  public static String withRoles(String name, String... roles) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .upn(name)
        .groups(Set.of(roles))
        .expiresIn(300)
        .sign();
  }

  /** A token that expired a minute ago. */
  public static String expired(String name, String... roles) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .upn(name)
        .groups(Set.of(roles))
        .issuedAt(Instant.now().minusSeconds(3600))
        .expiresAt(Instant.now().minusSeconds(60))
        .sign();
  }

  /** A token of the same provider and issuer, minted for another application. */
  public static String otherAudience(String name, String... roles) {
    return Jwt.issuer(ISSUER)
        .audience("another-application")
        .upn(name)
        .groups(Set.of(roles))
        .expiresIn(300)
        .sign();
  }

  /** A token issued two hours ago that has not expired (its expiry is far off). */
  public static String tooOld(String name, String... roles) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .upn(name)
        .groups(Set.of(roles))
        .issuedAt(Instant.now().minusSeconds(7200))
        .expiresAt(Instant.now().plusSeconds(3600))
        .sign();
  }

  /** A token from another issuer. */
  public static String otherIssuer(String name, String... roles) {
    return Jwt.issuer("https://evil.example")
        .audience(AUDIENCE)
        .upn(name)
        .groups(Set.of(roles))
        .expiresIn(300)
        .sign();
  }

  /** A well-formed token signed with a key the service does not trust. */
  public static String signedByAStranger(String name, String... roles) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return Jwt.issuer(ISSUER)
          .audience(AUDIENCE)
          .upn(name)
          .groups(Set.of(roles))
          .expiresIn(300)
          .sign(generator.generateKeyPair().getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
