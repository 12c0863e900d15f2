package org.undersigned.endorsement.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.List;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.ratelimit.RateLimiter;
import org.undersigned.common.ratelimit.RateLimiter.Bucket;
import org.undersigned.common.text.Emails;

/**
 * The limits of the public writes: per client address, per contact e-mail (which also bounds the
 * e-mails one address can receive) and, for submissions, per e-mail domain. The buckets hold
 * hashes, never an address in clear.
 */
@ApplicationScoped
public class SigningLimits {

  private final RateLimiter limiter;
  private final UndersignedConfig.RateLimit config;

  public SigningLimits(RateLimiter limiter, UndersignedConfig config) {
    this.limiter = limiter;
    this.config = config.rateLimit();
  }

  /** A submission: one hit for its client address, its contact e-mail and its domain. */
  public void submission(HttpServerRequest request, String email) {
    limiter.hit(
        List.of(
            new Bucket("sign:address:" + address(request), config.perAddress()),
            new Bucket("sign:email:" + hash(email), config.perEmail()),
            new Bucket("sign:domain:" + domain(email), config.perDomain())));
  }

  /** A withdrawal request: one hit for its client address and its e-mail. */
  public void withdrawalRequest(HttpServerRequest request, String email) {
    limiter.hit(
        List.of(
            new Bucket("withdraw:address:" + address(request), config.perAddress()),
            new Bucket("withdraw:email:" + hash(email), config.perEmail())));
  }

  /**
   * The client's address: the connection's, or the one a trusted proxy forwarded (Quarkus's
   * quarkus.http.proxy settings decide which proxies are trusted).
   */
  private static String address(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  private static String hash(String email) {
    return HexFormat.of().formatHex(Emails.lookupHash(email));
  }

  private static String domain(String email) {
    return Emails.normalized(email.substring(email.lastIndexOf('@') + 1));
  }
}
