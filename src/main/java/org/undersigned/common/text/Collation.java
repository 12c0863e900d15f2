package org.undersigned.common.text;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sorting names as a reader of a letter's language expects, in every script (ICU's collation, not
 * {@code String.compareTo}). Sort keys are stored with each endorsement, so the database orders and
 * pages by them with a plain byte comparison.
 */
public final class Collation {

  private static final Map<String, Collator> COLLATORS = new ConcurrentHashMap<>();

  private Collation() {}

  /** The ICU sort key of a name in a language; byte order is collation order. */
  public static byte[] sortKey(String language, String name) {
    return collator(language).getCollationKey(name).toByteArray();
  }

  /** The version of the collation of a language; sort keys of another version must be redone. */
  public static String version(String language) {
    return collator(language).getVersion().toString();
  }

  private static Collator collator(String language) {
    // Punctuation and symbols are ignored at the first level ("alternate shifted"), so that
    // "【Name】" or "( Name" sort by their letters. A frozen collator is safe to share.
    return COLLATORS.computeIfAbsent(
        language,
        l -> {
          RuleBasedCollator collator =
              (RuleBasedCollator) Collator.getInstance(ULocale.forLanguageTag(l));
          collator.setAlternateHandlingShifted(true);
          return collator.freeze();
        });
  }
}
