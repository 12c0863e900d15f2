package org.undersigned.common.text;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Domains of websites, by the Public Suffix List (Guava's copy, refreshed with each release). */
public final class Domains {

  private Domains() {}

  /**
   * The registrable domain of a website by the ICANN section of the Public Suffix List, in A-label
   * form and lower case: amnesty.org of https://www.amnesty.org, xn--… of an internationalised
   * name. Empty for a website without a host, or one whose host is itself a public suffix or under
   * none (an IP address, "localhost", a reserved name such as .example).
   */
  public static Optional<String> registrable(String website) {
    if (website == null) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(website.strip());
      String host = uri.getHost();
      if (host == null && uri.getAuthority() != null) {
        // java.net.URI keeps a host that is not ASCII (www.münchen.de) as a bare authority.
        host = uri.getAuthority().replaceFirst("^.*@", "").replaceFirst(":[0-9]*$", "");
      }
      if (host == null || host.isEmpty()) {
        return Optional.empty();
      }
      String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      if (!InternetDomainName.isValid(ascii)) {
        return Optional.empty();
      }
      InternetDomainName name = InternetDomainName.from(ascii);
      return name.isUnderRegistrySuffix()
          ? Optional.of(name.topDomainUnderRegistrySuffix().toString())
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
