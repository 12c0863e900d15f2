package org.undersigned.common.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives the dev and test profiles an embedded PostgreSQL ({@link EmbeddedDatabase}) when no
 * database is configured ({@code quarkus.datasource.jdbc.url}, e.g. QUARKUS_DATASOURCE_JDBC_URL):
 * dev keeps its data across restarts, each test run gets a fresh server (as root, where PostgreSQL
 * will not run, the machine's own server: see {@link EmbeddedDatabase}). Any other profile is left
 * alone: production refuses to start without a database, it never falls back.
 *
 * <p>Registered in META-INF/services. Quarkus reads such sources when the application starts and
 * also while it builds (for the test profile, the build and the tests share the one server).
 */
public final class EmbeddedDatabaseConfig implements ConfigSourceFactory {

  static final String URL = "quarkus.datasource.jdbc.url";

  /** Below application.properties (250), environment (300) and system properties (400). */
  static final int ORDINAL = 200;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue configured = context.getValue(URL);
    if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
      return List.of();
    }
    List<String> profiles = context.getProfiles();
    String url;
    if (profiles.contains("test")) {
      url = EmbeddedDatabase.url(Optional.empty(), "test");
    } else if (profiles.contains("dev")) {
      url = EmbeddedDatabase.url(Optional.of(EmbeddedDatabase.devDataDirectory()), "postgres");
    } else {
      // Production (and the build, which reads these sources too): no fallback. Quarkus then
      // refuses to start, naming the datasource whose URL is missing.
      return List.of();
    }
    return List.of(
        new PropertiesConfigSource(
            Map.of(URL, url, "quarkus.datasource.username", "postgres"),
            "embedded PostgreSQL",
            ORDINAL));
  }
}
