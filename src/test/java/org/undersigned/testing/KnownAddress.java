package org.undersigned.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service at an address known before it starts, so that the links it gives (the public log's
 * among them) lead back to it, as in production: for what follows them from outside (a browser, a
 * verifier script). It is also in the middle of a key rotation: each checkpoint is signed by a new
 * key (the one the letters name) and by the test key, under one name, so what reads the checkpoint
 * must pick its key's line by the key's hash, and a monitor still holding the old key verifies too.
 */
public class KnownAddress implements QuarkusTestProfile {

  public static final int PORT = 18089;

  /** The new key's verifier key, made by src/tools/new-log-key.sh (OpenSSL). */
  public static final String ROTATED_VERIFIER =
      "undersigned.test+a077df42+Aea4AMABmhGJv0+bOBQkbkh1R9mLVUxEmjPgfciTpEGU";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.test-port",
        String.valueOf(PORT),
        "undersigned.links.base-url",
        "http://localhost:" + PORT,
        "undersigned.log.signing-key",
        "PRIVATE+KEY+undersigned.test+a077df42+AftZD7hkP/al2DLiibuKUwD4fHNewajf+/P1TWV6pp6G,"
            + "PRIVATE+KEY+undersigned.test+863b6aa6+AXLyQmkO1jdqP09xz2Cr4DF1YD0khlvfsy8a+7eO9GBS");
  }
}
