package org.undersigned.common.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start in production with moderators' tokens accepted but no audience required: an
 * OpenID provider signs tokens for every application it serves with the same key and issuer, so
 * without {@code mp.jwt.verify.audiences} a token minted for another of the coalition's
 * applications would open the admin API here.
 */
@ApplicationScoped
public class TokenSettings {

  private final Config config;

  public TokenSettings(Config config) {
    this.config = config;
  }

  void onStart(@Observes @Priority(1) StartupEvent event) {
    check(LaunchMode.current(), config);
  }

  static void check(LaunchMode mode, Config config) {
    if (mode != LaunchMode.NORMAL) {
      return;
    }
    boolean verifies =
        present(config, "mp.jwt.verify.publickey.location")
            || present(config, "mp.jwt.verify.publickey");
    if (verifies && !present(config, "mp.jwt.verify.audiences")) {
      throw new IllegalStateException(
          "MP_JWT_VERIFY_AUDIENCES is not set: the service accepts moderators' tokens"
              + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION is set) and must require the audience its"
              + " OpenID provider gives them, or it would take tokens minted for other"
              + " applications. See src/docs/operations.md, Configuration.");
    }
  }

  private static boolean present(Config config, String name) {
    Optional<String> value = config.getOptionalValue(name, String.class);
    return value.isPresent() && !value.get().isBlank();
  }
}
