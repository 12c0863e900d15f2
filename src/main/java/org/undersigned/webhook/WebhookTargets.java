package org.undersigned.webhook;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may be delivered: the public internet only. An endpoint's host is resolved and
 * every address it names must be public (not loopback, private, link-local, shared, reserved, or
 * one of those inside an IPv6 form), or the service could be made to POST to its own network (cloud
 * metadata, the database's host, an admin port). The delivery then connects to the very address
 * that was checked, so a name that resolves elsewhere a moment later (DNS rebinding) gains nothing.
 * Plain http to this machine is allowed only where configured (dev and tests).
 */
final class WebhookTargets {

  private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private WebhookTargets() {}

  /** An endpoint and the address to connect to. */
  record Target(URI uri, InetAddress address) {
    int port() {
      return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** The endpoint's host as named (an IPv6 address without its brackets). */
    String host() {
      return bare(uri.getHost());
    }
  }

  /** What became of an endpoint's URL. */
  enum Verdict {
    /** Not an https URL of a host (or plain http to this machine where allowed). */
    REFUSED,
    /** Its host names an address that is not on the public internet. */
    NOT_PUBLIC,
    /** Its host does not resolve (now). */
    UNRESOLVED,
    /** Every address of its host is public; the target is the one to connect to. */
    REACHABLE
  }

  /** A verdict, with the target when the endpoint is reachable. */
  record Resolution(Verdict verdict, Optional<Target> target) {}

  /**
   * Judges an endpoint: its URL first, an address written in it at once, then every address its
   * host resolves to (one look-up).
   */
  static Resolution resolve(String url, boolean allowLocalHttp) {
    if (!acceptable(url, allowLocalHttp)) {
      return new Resolution(Verdict.REFUSED, Optional.empty());
    }
    URI uri = parse(url).orElseThrow();
    try {
      InetAddress[] addresses = InetAddress.getAllByName(bare(uri.getHost()));
      boolean localHttp = "http".equals(uri.getScheme());
      boolean allowed =
          addresses.length > 0
              && Arrays.stream(addresses)
                  .allMatch(a -> localHttp ? a.isLoopbackAddress() : isPublic(a));
      return allowed
          ? new Resolution(Verdict.REACHABLE, Optional.of(new Target(uri, addresses[0])))
          : new Resolution(Verdict.NOT_PUBLIC, Optional.empty());
    } catch (UnknownHostException | SecurityException e) {
      return new Resolution(Verdict.UNRESOLVED, Optional.empty());
    }
  }

  /** Whether a URL may be an endpoint at all, before anything is resolved. */
  private static boolean acceptable(String url, boolean allowLocalHttp) {
    URI uri = parse(url).orElse(null);
    if (uri == null) {
      return false;
    }
    if ("http".equals(uri.getScheme())) {
      return allowLocalHttp && LOCAL_NAMES.contains(uri.getHost());
    }
    String host = bare(uri.getHost());
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return false;
    }
    // An address written as such is judged now (Guava parses it without any look-up); a name, or
    // an address in another spelling (2130706433), when it is resolved.
    return !InetAddresses.isInetAddress(host) || isPublic(InetAddresses.forString(host));
  }

  /** Whether an address is on the public internet. */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      int third = b[2] & 0xff;
      return !(first == 0 // this network
          || (first == 100 && second >= 64 && second <= 127) // shared (carrier-grade NAT)
          || (first == 192 && second == 0 && third == 0) // IETF protocol assignments
          || (first == 192 && second == 0 && third == 2) // documentation
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || (first == 198 && second == 51 && third == 100) // documentation
          || (first == 203 && second == 0 && third == 113) // documentation
          || first >= 240); // reserved, broadcast
    }
    if (address instanceof Inet6Address v6) {
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // unique local, fc00::/7
      }
      if ((b[0] & 0xff) == 0x20
          && (b[1] & 0xff) == 0x01
          && (b[2] & 0xff) == 0x0d
          && (b[3] & 0xff) == 0xb8) {
        return false; // documentation, 2001:db8::/32
      }
      if (v6.isIPv4CompatibleAddress() || isNat64(b) || is6to4(b) || isMapped(b)) {
        return embedded(b).map(WebhookTargets::isPublic).orElse(false);
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
        return false; // Teredo, 2001::/32: reaches an IPv4 host it hides
      }
      return true;
    }
    return false;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static boolean isNat64(byte[] b) {
    // 64:ff9b::/96
    if (!((b[0] & 0xff) == 0
        && (b[1] & 0xff) == 0x64
        && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b)) {
      return false;
    }
    for (int i = 4; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean is6to4(byte[] b) {
    return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
  }

  /** The IPv4 address inside an IPv6 form: the last four bytes, or bytes 2–5 for 6to4. */
  private static Optional<InetAddress> embedded(byte[] b) {
    byte[] v4 = is6to4(b) ? Arrays.copyOfRange(b, 2, 6) : Arrays.copyOfRange(b, 12, 16);
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<URI> parse(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!("https".equals(scheme) || "http".equals(scheme))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String bare(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.toLowerCase(java.util.Locale.ROOT);
  }
}
