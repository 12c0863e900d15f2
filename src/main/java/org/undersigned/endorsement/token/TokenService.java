package org.undersigned.endorsement.token;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;

/**
 * Issues and redeems the secrets of confirmation and withdrawal links: 256 random bits, sent once,
 * stored as a hash, used once, until they expire.
 */
@ApplicationScoped
public class TokenService implements PanacheRepositoryBase<EndorsementToken, UUID> {

  /** 32 bytes in unpadded base64url. */
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  private final SecureRandom random = new SecureRandom();
  private final UndersignedConfig config;

  public TokenService(UndersignedConfig config) {
    this.config = config;
  }

  /** A new secret for an endorsement; the caller sends it, the database keeps its hash. */
  @Transactional(Transactional.TxType.MANDATORY)
  public String issue(UUID endorsementId, TokenPurpose purpose) {
    String token = secret();
    Instant now = Instant.now();
    EndorsementToken row = new EndorsementToken();
    row.id = UUID.randomUUID();
    row.endorsementId = endorsementId;
    row.purpose = purpose;
    row.tokenHash = hash(token);
    row.expiresAt = now.plus(config.tokens().ttl());
    row.createdAt = now;
    persist(row);
    return token;
  }

  /**
   * Uses a secret: answers the endorsement it was issued for, or a problem that says only what is
   * wrong with the link (unknown, already used, expired), never whose it is. The row is locked, so
   * two concurrent uses of one link cannot both succeed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID redeem(String token, TokenPurpose purpose) {
    if (!wellFormed(token)) {
      throw new ProblemException(ProblemType.TOKEN_UNKNOWN);
    }
    EndorsementToken row =
        find("tokenHash = ?1 and purpose = ?2", hash(token), purpose)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> new ProblemException(ProblemType.TOKEN_UNKNOWN));
    if (row.usedAt != null) {
      throw new ProblemException(ProblemType.TOKEN_USED);
    }
    Instant now = Instant.now();
    if (!now.isBefore(row.expiresAt)) {
      throw new ProblemException(ProblemType.TOKEN_EXPIRED);
    }
    row.usedAt = now;
    return row.endorsementId;
  }

  /** Makes every unused link of an endorsement useless (after a withdrawal, say). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void revokeAll(UUID endorsementId) {
    update("usedAt = ?1 where endorsementId = ?2 and usedAt is null", Instant.now(), endorsementId);
  }

  /** A new secret: 256 random bits, base64url without padding (43 characters). */
  public String secret() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Whether a text has the form of a secret, before any look-up. */
  public static boolean wellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** What is kept of a secret: its SHA-256. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
