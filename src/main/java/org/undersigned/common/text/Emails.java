package org.undersigned.common.text;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Contact e-mail addresses: their look-up form and their domain. */
public final class Emails {

  private Emails() {}

  /** The form addresses are compared in: trimmed, lower case. */
  public static String normalized(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The hash an address is looked up by, so that a withdrawal request needs no search over the
   * addresses themselves.
   */
  public static byte[] lookupHash(String email) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(normalized(email).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * Whether the address is in the domain of the website (or the website in a subdomain of the
   * address's domain, or the other way round): "contact@amnesty.org" and "https://www.amnesty.org".
   */
  public static boolean domainMatches(String email, String website) {
    if (email == null || website == null) {
      return false;
    }
    try {
      String domain = ascii(email.substring(email.lastIndexOf('@') + 1));
      String host = java.net.URI.create(website.strip()).getHost();
      if (host == null || domain.isEmpty()) {
        return false;
      }
      host = ascii(host);
      if (host.startsWith("www.")) {
        host = host.substring(4);
      }
      return host.equals(domain) || host.endsWith("." + domain) || domain.endsWith("." + host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String ascii(String host) {
    return IDN.toASCII(host.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
  }
}
