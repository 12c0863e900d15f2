package org.undersigned.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Behind a reverse proxy on this machine, trusted: the client address is the forwarded one. Three
 * requests per client address and window; four e-mails per address a day; six confirmation e-mails
 * per domain and window.
 */
public class BehindProxy implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.proxy.proxy-address-forwarding", "true",
        "quarkus.http.proxy.allow-x-forwarded", "true",
        "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
        "undersigned.rate-limit.per-address", "3",
        "undersigned.rate-limit.mails-per-email-per-day", "4",
        "undersigned.rate-limit.per-domain", "6");
  }
}
