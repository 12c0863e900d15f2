package org.undersigned.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own settings, under the prefix {@code undersigned}; each one is in the README. */
@ConfigMapping(prefix = "undersigned")
public interface UndersignedConfig {

  /** Loading of the bundled letter. */
  Seed seed();

  /** Caching of public reads. */
  Http http();

  /** Settings of the bundled letter's loading. */
  interface Seed {
    /** Whether the bundled letter is loaded on first start against an empty database. */
    @WithDefault("true")
    boolean enabled();
  }

  /** Settings of the public HTTP answers. */
  interface Http {
    /** How long browsers, partner pages and CDNs may keep a public read before revalidating. */
    @WithDefault("30S")
    Duration maxAge();
  }
}
