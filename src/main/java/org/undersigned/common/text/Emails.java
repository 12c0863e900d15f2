package org.undersigned.common.text;

import com.google.common.net.InternetDomainName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Contact e-mail addresses: their look-up form and their domain. */
public final class Emails {

  private Emails() {}

  /** The form addresses are compared in: trimmed, lower case. */
  public static String normalized(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the address and the website are in one organisation's domain: the same registrable
   * domain by the Public Suffix List (its private part too, so that two sites of one hosting
   * service are two domains), "contact@amnesty.org" and "https://www.amnesty.org". Never for a free
   * or disposable mail provider's domain (anyone can have an address there, and a website on its
   * subdomains), nor for a domain that is itself a public suffix ("@org.uk").
   */
  public static boolean domainMatches(String email, String website) {
    if (email == null || website == null || email.indexOf('@') < 0) {
      return false;
    }
    try {
      String domain = ascii(email.substring(email.lastIndexOf('@') + 1));
      String host = java.net.URI.create(website.strip()).getHost();
      if (host == null || domain.isEmpty()) {
        return false;
      }
      Optional<String> mailDomain = registrable(domain);
      return mailDomain.isPresent()
          && !FreeMail.holds(domain)
          && !FreeMail.holds(mailDomain.get())
          && mailDomain.equals(registrable(ascii(host)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The registrable domain of a host name (example.org of www.example.org), if it has one. */
  static Optional<String> registrable(String host) {
    if (!InternetDomainName.isValid(host)) {
      return Optional.empty();
    }
    InternetDomainName name = InternetDomainName.from(host);
    return name.isUnderPublicSuffix()
        ? Optional.of(name.topPrivateDomain().toString())
        : Optional.empty();
  }

  private static String ascii(String host) {
    return IDN.toASCII(host.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
  }

  /**
   * The free and disposable mail domains of a maintained list (resources/domains/free-mail.txt,
   * whose header names its source and the script that refreshes it), sorted for a binary search.
   */
  private static final class FreeMail {
    private static final String[] DOMAINS = load();

    static boolean holds(String domain) {
      return Arrays.binarySearch(DOMAINS, domain) >= 0;
    }

    private static String[] load() {
      try (InputStream in = Emails.class.getResourceAsStream("/domains/free-mail.txt")) {
        if (in == null) {
          throw new IllegalStateException("domains/free-mail.txt is missing from the build");
        }
        String[] domains =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toArray(String[]::new);
        Arrays.sort(domains);
        return domains;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
