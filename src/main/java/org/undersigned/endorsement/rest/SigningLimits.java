package org.undersigned.endorsement.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
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

  /**
   * Whom a client address budget belongs to: an IPv4 address, or the /64 of an IPv6 one (one
   * subscriber's network: a host gets a whole /64 and can take any address in it). The connection's
   * address, or the one a trusted proxy forwarded (Quarkus's quarkus.http.proxy settings decide
   * which proxies are trusted).
   */
  static String client(HttpServerRequest request) {
    if (request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
      return "unknown";
    }
    String host = request.remoteAddress().hostAddress();
    if (!isLiteral(host)) {
      return host;
    }
    try {
      byte[] bytes = InetAddress.getByName(host).getAddress();
      if (bytes.length == 4) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      for (int i = 8; i < bytes.length; i++) {
        bytes[i] = 0;
      }
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException notAnAddress) {
      return host;
    }
  }

  /**
   * The client's network, as kept with a submission for finding bursts: the /24 of an IPv4 address,
   * the /48 of an IPv6 one, never the address itself; null when there is none.
   */
  public static String network(HttpServerRequest request) {
    if (request.remoteAddress() == null
        || request.remoteAddress().hostAddress() == null
        || !isLiteral(request.remoteAddress().hostAddress())) {
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

  /**
   * Whether a client address is written as an address: only those are parsed (InetAddress would
   * look anything else up in the DNS, on the request's thread).
   */
  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");
  }
}
