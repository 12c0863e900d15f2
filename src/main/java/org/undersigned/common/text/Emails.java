package org.undersigned.common.text;

import java.net.IDN;
import java.util.Locale;

/** Contact e-mail addresses: their look-up form and their domain. */
public final class Emails {

  private Emails() {}

  /** The form addresses are compared in: trimmed, lower case. */
  public static String normalized(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
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
