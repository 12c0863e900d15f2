package org.undersigned.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DOMAIN_MATCH: the address and the website share a registrable domain (Public Suffix List), and it
 * is no free or disposable mail provider's.
 */
class EmailsTest {

  @ParameterizedTest(name = "{0} with {1}: {2}")
  @CsvSource({
    "contact@amnesty.org, https://www.amnesty.org, true",
    "contact@amnesty.org, https://amnesty.org/en/, true",
    "info@uk.amnesty.org, https://www.amnesty.org, true",
    "press@hrw.org, https://www.hrw.org, true",
    "contact@freedomhouse.org.uk, https://www.freedomhouse.org.uk, true",
    "contact@amnesty.org, https://amnesty.org.evil.example, false",
    // A public suffix is nobody's domain.
    "someone@org.uk, https://www.freedomhouse.org.uk, false",
    "someone@co.uk, https://www.example.co.uk, false",
    // Two organisations of one country's second-level domain.
    "contact@alpha.org.uk, https://www.beta.org.uk, false",
    // Two sites of one hosting service (the private part of the list).
    "owner@alpha.github.io, https://beta.github.io, false",
    // A free mail provider: anyone has an address there, and its subdomains prove nothing.
    "hrw@gmail.com, https://hrw.gmail.com, false",
    "someone@gmail.com, https://gmail.com, false",
    "someone@yahoo.co.uk, https://groups.yahoo.co.uk, false",
    "someone@protonmail.com, https://protonmail.com, false",
    // A disposable one.
    "someone@mailinator.com, https://www.mailinator.com, false",
    "contact@example.org, https://192.0.2.1/, false",
    "not-an-address, https://example.org, false",
    "contact@example.org, not a url, false",
  })
  void domainMatchesOnlyOneOrganisationsOwnDomain(String email, String website, boolean matches) {
    assertEquals(matches, Emails.domainMatches(email, website));
  }
}
