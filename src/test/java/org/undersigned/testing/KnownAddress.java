package org.undersigned.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service at an address known before it starts, so that the links it gives (the public log's
 * among them) lead back to it, as in production: for what follows them from outside (a browser, a
 * verifier script).
 */
public class KnownAddress implements QuarkusTestProfile {

  public static final int PORT = 18089;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.test-port",
        String.valueOf(PORT),
        "undersigned.links.base-url",
        "http://localhost:" + PORT);
  }
}
