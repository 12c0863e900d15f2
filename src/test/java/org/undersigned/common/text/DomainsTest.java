package org.undersigned.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registrable domains by the ICANN section of the Public Suffix List (Guava's copy). */
class DomainsTest {

  @Test
  void aWebsitesRegistrableDomainIsItsNameUnderAPublicSuffix() {
    assertEquals(Optional.of("amnesty.org"), Domains.registrable("https://www.amnesty.org/en/"));
    assertEquals(Optional.of("amnesty.org"), Domains.registrable(" https://AMNESTY.org "));
    assertEquals(Optional.of("hrw.org.uk"), Domains.registrable("https://x.y.hrw.org.uk"));
    // The ICANN section only: a name on a hosting service is the service's (github.io).
    assertEquals(Optional.of("github.io"), Domains.registrable("https://someone.github.io"));
    // Internationalised names in A-label form.
    assertEquals(Optional.of("xn--mnchen-3ya.de"), Domains.registrable("https://www.münchen.de/"));
  }

  @Test
  void whatHasNoRegistrableDomainHasNone() {
    for (String website :
        new String[] {
          "https://localhost",
          "https://127.0.0.1",
          "https://[::1]/",
          "https://org.uk",
          "https://www.example",
          "not a url",
          "mailto:someone@amnesty.org",
          ""
        }) {
      assertEquals(Optional.empty(), Domains.registrable(website), website);
    }
    assertEquals(Optional.empty(), Domains.registrable(null));
  }
}
