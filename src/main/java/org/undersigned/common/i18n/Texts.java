package org.undersigned.common.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The service's words in the languages it speaks (English and French): problem titles and details,
 * field messages, e-mails and pages. Texts live in {@code i18n/messages*.properties}.
 */
public final class Texts {

  /** The languages the service speaks; the first is the fallback. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

  private static final String BUNDLE = "i18n.messages";
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Texts() {}

  /** The supported language that best matches an Accept-Language header; English by default. */
  public static Locale fromAcceptLanguage(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return SUPPORTED.get(0);
    }
    try {
      Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
      return best == null ? SUPPORTED.get(0) : best;
    } catch (IllegalArgumentException malformed) {
      return SUPPORTED.get(0);
    }
  }

  /** The supported language of a language tag ("fr", "fr-CA"), or the fallback. */
  public static Locale fromTag(String tag, Locale fallback) {
    if (tag == null || tag.isBlank()) {
      return fallback;
    }
    String language = Locale.forLanguageTag(tag).getLanguage();
    return SUPPORTED.stream()
        .filter(l -> l.getLanguage().equals(language))
        .findFirst()
        .orElse(fallback);
  }

  /** One text, its {0}, {1}, … filled in. */
  public static String text(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle(locale).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("No text " + key, e);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE, locale, Texts.class.getClassLoader(), NO_DEFAULT_LOCALE);
  }
}
