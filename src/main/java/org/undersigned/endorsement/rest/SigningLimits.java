package org.undersigned.endorsement.rest;

import com.google.common.net.InetAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.ratelimit.RateLimiter;
import org.undersigned.common.ratelimit.RateLimiter.Bucket;

/**
 * The limits of the public writes that a caller can be told about: its own, by client address.
 * Budgets that concern someone else (the e-mails an address or a domain receives) are kept by the
 * outbox ({@link org.undersigned.endorsement.service.MailBudget}) and spent silently: an answer
 * that depended on them would tell whether that address had signed, since the signer's own requests
 * count there too.
 */
@ApplicationScoped
public class SigningLimits {

  private final RateLimiter limiter;
  private final UndersignedConfig.RateLimit config;

  public SigningLimits(RateLimiter limiter, UndersignedConfig config) {
    this.limiter = limiter;
    this.config = config.rateLimit();
  }

  /** A submission: one hit for its client address. */
  public void submission(HttpServerRequest request) {
    limiter.hit(List.of(new Bucket("sign:address:" + client(request), config.perAddress())));
  }

  /** A withdrawal request: one hit for its client address. */
  public void withdrawalRequest(HttpServerRequest request) {
    limiter.hit(List.of(new Bucket("withdraw:address:" + client(request), config.perAddress())));
  }

  /** A domain check (a DNS look-up): one hit for its client address. */
  public void domainCheck(HttpServerRequest request) {
    limiter.hit(List.of(new Bucket("check:address:" + client(request), config.perAddress())));
  }

  /**
   * Whom a client address budget belongs to: an IPv4 address, or the /64 of an IPv6 one (one
   * subscriber's network: a host gets a whole /64 and can take any address in it). The connection's
   * address, or the one a trusted proxy forwarded (Quarkus's quarkus.http.proxy settings decide
   * which proxies are trusted).
   */
  static String client(HttpServerRequest request) {
    return address(request)
        .map(a -> a instanceof Inet4Address ? a.getHostAddress() : prefix(a, 32, 64))
        .orElse(
            request.remoteAddress() == null || request.remoteAddress().hostAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress());
  }

  /**
   * The client's network, as kept with a submission for finding bursts: the /24 of an IPv4 address,
   * the /48 of an IPv6 one, never the address itself; null when there is none.
   */
  public static String network(HttpServerRequest request) {
    return address(request).map(a -> prefix(a, 24, 48)).orElse(null);
  }

  /**
   * The client's address, when it is written as one. Guava parses literals only: InetAddress would
   * look anything else (a proxy's "unknown") up in the DNS, on the request's thread.
   */
  private static Optional<InetAddress> address(HttpServerRequest request) {
    String host = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return host != null && InetAddresses.isInetAddress(host)
        ? Optional.of(InetAddresses.forString(host))
        : Optional.empty();
  }

  /** The network of an address, as CIDR text: its first bits, by family, the rest zero. */
  private static String prefix(InetAddress address, int v4Bits, int v6Bits) {
    byte[] bytes = address.getAddress();
    int bits = bytes.length == 4 ? v4Bits : v6Bits;
    for (int i = bits / 8; i < bytes.length; i++) {
      bytes[i] = 0;
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("An address of 4 or 16 bytes", impossible);
    }
  }
}
