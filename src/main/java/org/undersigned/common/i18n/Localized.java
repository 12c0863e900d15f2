package org.undersigned.common.i18n;

import java.util.Locale;

/** A text to be put in the caller's language when the answer is written. */
public record Localized(String key, Object... args) {

  public String in(Locale locale) {
    return Texts.text(locale, key, args);
  }
}
