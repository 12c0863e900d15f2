package org.undersigned.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every setting of {@link UndersignedConfig} is in the operations page's configuration table, by
 * the name SmallRye Config gives it (kebab case under the prefix): a setting added without its line
 * fails the build.
 */
class ConfigurationDocumentedTest {

  private static void settings(Class<?> group, String prefix, List<String> names) {
    for (Method m : group.getDeclaredMethods()) {
      if (m.isSynthetic() || m.isDefault() || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String name = prefix + "." + kebab(m.getName());
      Class<?> type = m.getReturnType();
      if (type.isInterface() && type.getEnclosingClass() == UndersignedConfig.class) {
        settings(type, name, names);
      } else {
        names.add(name);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  @Test
  void everySettingIsInTheOperationsPage() throws Exception {
    List<String> names = new ArrayList<>();
    settings(UndersignedConfig.class, "undersigned", names);
    String page = Files.readString(Path.of("src/docs/operations.md"));
    List<String> missing =
        names.stream().filter(n -> !page.contains("`" + n + "`")).sorted().toList();
    assertEquals(List.of(), missing, "settings missing from src/docs/operations.md");
    assertTrue(names.size() > 30, "the settings were found: " + names);
  }
}
