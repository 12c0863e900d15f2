package org.undersigned.endorsement.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.ratelimit.RateLimiter;
import org.undersigned.common.ratelimit.RateLimiter.Bucket;

/**
 * The limits of the public writes: per client address, per contact e-mail (which also bounds the
 * e-mails one address can receive) and, for submissions, per e-mail domain. The buckets hold
 * hashes, never an address in clear.
 */
@ApplicationScoped
public class SigningLimits {

  private final RateLimiter limiter;
  private final UndersignedConfig.RateLimit config;
  private final ContactCipher cipher;

  public SigningLimits(RateLimiter limiter, UndersignedConfig config, ContactCipher cipher) {
    this.limiter = limiter;
    this.cipher = cipher;
    this.config = config.rateLimit();
  }

  /** A submission: one hit for its client address, its contact e-mail and its domain. */
  public void submission(HttpServerRequest request, String email) {
    limiter.hit(
        List.of(
            new Bucket("sign:address:" + address(request), config.perAddress()),
            new Bucket("sign:email:" + hash(email), config.perEmail()),
            new Bucket("sign:domain:" + domainHash(email), config.perDomain()),
            mails(email)));
  }

  /** A withdrawal request: one hit for its client address and its e-mail. */
  public void withdrawalRequest(HttpServerRequest request, String email) {
    limiter.hit(
        List.of(
            new Bucket("withdraw:address:" + address(request), config.perAddress()),
            new Bucket("withdraw:email:" + hash(email), config.perEmail()),
            mails(email)));
  }

  /**
   * Every request that can make an e-mail go to an address counts here, so that whatever a caller
   * does, an address receives at most a few e-mails a day from the service.
   */
  private Bucket mails(String email) {
    return new Bucket(
        "mail:email:" + hash(email), config.mailsPerEmailPerDay(), Duration.ofDays(1));
  }

  /**
   * The client's address: the connection's, or the one a trusted proxy forwarded (Quarkus's
   * quarkus.http.proxy settings decide which proxies are trusted).
   */
  private static String address(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /**
   * The client's network, as kept with a submission for finding bursts: the /24 of an IPv4 address,
   * the /48 of an IPv6 one, never the address itself; null when there is none.
   */
  public static String network(HttpServerRequest request) {
    if (request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(request.remoteAddress().hostAddress()).getAddress();
      int prefix = bytes.length == 4 ? 24 : 48;
      for (int i = prefix / 8; i < bytes.length; i++) {
        bytes[i] = 0;
      }
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private String hash(String email) {
    return HexFormat.of().formatHex(cipher.emailHash(email));
  }

  private String domainHash(String email) {
    return HexFormat.of().formatHex(cipher.domainHash(email));
  }
}
