package org.undersigned.common.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Production refuses to accept moderators' tokens without requiring their audience. */
class TokenSettingsTest {

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  @Test
  void productionWithAKeyAndNoAudienceDoesNotStart() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                TokenSettings.check(
                    LaunchMode.NORMAL,
                    config(Map.of("mp.jwt.verify.publickey.location", "https://idp/keys"))));
    assertTrue(refused.getMessage().contains("MP_JWT_VERIFY_AUDIENCES"), refused.getMessage());
  }

  @Test
  void productionWithAKeyAndAnAudienceStarts() {
    assertDoesNotThrow(
        () ->
            TokenSettings.check(
                LaunchMode.NORMAL,
                config(
                    Map.of(
                        "mp.jwt.verify.publickey.location", "https://idp/keys",
                        "mp.jwt.verify.audiences", "undersigned"))));
  }

  @Test
  void productionWithoutTokensAtAllStarts() {
    assertDoesNotThrow(() -> TokenSettings.check(LaunchMode.NORMAL, config(Map.of())));
  }
}
