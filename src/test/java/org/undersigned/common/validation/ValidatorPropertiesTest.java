package org.undersigned.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.text.Emails;

/**
 * Properties of the other validators and of what reads untrusted text: over any string they never
 * throw, and they accept exactly what they promise.
 */
class ValidatorPropertiesTest {

  private final HttpUrlValidator urls = new HttpUrlValidator();
  private final IsoCountryValidator countries = new IsoCountryValidator();

  @Provide
  Arbitrary<String> urlLike() {
    Arbitrary<String> scheme =
        Arbitraries.of("http", "https", "HTTPS", "ftp", "javascript", "data", "");
    Arbitrary<String> host =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(12);
    Arbitrary<String> rest = Arbitraries.strings().ofMaxLength(20);
    return Combinators.combine(scheme, host, rest)
        .as((s, h, r) -> s + "://" + h + (h.isEmpty() ? "" : ".example") + "/" + r);
  }

  @Provide
  Arbitrary<String> isoCountries() {
    return Arbitraries.of(Locale.getISOCountries());
  }

  @Property(tries = 2000)
  void urlValidationNeverThrows(@ForAll String text) {
    urls.isValid(text, null);
  }

  @Property(tries = 2000)
  void acceptedUrlsAreHttpOrHttpsWithAHostAndNoCredentials(@ForAll("urlLike") String url) {
    if (urls.isValid(url, null)) {
      URI uri = URI.create(url);
      assertTrue(List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)));
      assertFalse(uri.getHost().isBlank());
      assertNull(uri.getRawUserInfo());
      assertTrue(url.length() <= HttpUrlValidator.MAX_LENGTH);
    }
  }

  @Property(tries = 2000)
  void countryValidationNeverThrowsAndAcceptsOnlyTwoCapitals(@ForAll String text) {
    if (countries.isValid(text, null) && text != null) {
      assertTrue(text.matches("^[A-Z]{2}$"), text);
    }
  }

  @Property(tries = 300)
  void everyIsoCountryIsAcceptedInCapitalsOnly(@ForAll("isoCountries") String code) {
    assertTrue(countries.isValid(code, null));
    assertFalse(countries.isValid(code.toLowerCase(Locale.ROOT), null));
  }

  @Property(tries = 2000)
  void domainMatchingNeverThrows(@ForAll String email, @ForAll String website) {
    Emails.domainMatches(email, website);
  }

  @Property(tries = 1000)
  void sealedTextOpensAsItWasWhateverItHolds(@ForAll String text) {
    ContactCipher cipher =
        new ContactCipher(
            List.of("5MK2JRIi6n5TLxZQ+Y3muskWNVtwkqD3/fRgEnApz8s="),
            "VprURQdBcY17qAtjvDdeXqG9SQnUIPmW40iMolZldko=");
    // Lone surrogates cannot be written in UTF-8; the service never holds them (CleanText).
    String encodable = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    String here = ContactCipher.place("endorsements", "name_sealed", java.util.UUID.randomUUID());
    assertEquals(encodable, cipher.open(cipher.seal(encodable, here), here));
  }
}
