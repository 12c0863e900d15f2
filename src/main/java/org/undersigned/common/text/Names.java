package org.undersigned.common.text;

import com.ibm.icu.text.Normalizer2;
import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The forms of an endorsement's name: as published, as compared ("the same organisation"), and as
 * searched.
 */
public final class Names {

  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\p{Z}\\s]+");

  /** Combining marks (accents), and the control and format characters a search never means. */
  private static final Pattern MARKS = Pattern.compile("[\\p{Mn}\\p{Me}\\p{Cc}\\p{Cf}]+");

  /** Letters that carry their accent inside and so keep it through decomposition. */
  private static final Map<Character, String> BASE_LETTERS =
      Map.ofEntries(
          Map.entry('đ', "d"),
          Map.entry('Đ', "d"),
          Map.entry('ø', "o"),
          Map.entry('Ø', "o"),
          Map.entry('ł', "l"),
          Map.entry('Ł', "l"),
          Map.entry('ħ', "h"),
          Map.entry('Ħ', "h"),
          Map.entry('ı', "i"),
          Map.entry('æ', "ae"),
          Map.entry('Æ', "ae"),
          Map.entry('œ', "oe"),
          Map.entry('Œ', "oe"));

  private Names() {}

  /**
   * Whether a text is free of what must never be in a name: control characters, line and paragraph
   * separators, lone surrogates, the byte-order mark, and the bidirectional controls that can make
   * a name display as another (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069). Joiners
   * (U+200C, U+200D), which some scripts need, are allowed.
   */
  public static boolean isClean(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || c == 0xFEFF
          || c == 0x061C
          || c == 0x200E
          || c == 0x200F
          || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** The name as it is published: trimmed and in NFC, otherwise exactly as the signer wrote it. */
  public static String display(String name) {
    return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
  }

  /**
   * What "the same organisation" means: NFKC with case folding (which also drops invisible format
   * characters), then every run of white space made one space, trimmed.
   */
  public static String normalized(String name) {
    return foldWhiteSpace(NFKC_CASEFOLD.normalize(name));
  }

  /**
   * The form searches compare: {@link #normalized} without accents or other combining marks, in
   * every script, so that "defenseurs" finds "Défenseurs" and "ДЕЛА" finds "дела".
   */
  public static String searchKey(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    // Tabs and line breaks are control characters too: make them spaces before dropping controls.
    String spaced = WHITE_SPACE.matcher(decomposed).replaceAll(" ");
    String unmarked = MARKS.matcher(spaced).replaceAll("");
    StringBuilder base = new StringBuilder(unmarked.length());
    for (int i = 0; i < unmarked.length(); i++) {
      char c = unmarked.charAt(i);
      String replacement = BASE_LETTERS.get(c);
      if (replacement != null) {
        base.append(replacement);
      } else {
        base.append(c);
      }
    }
    return normalized(base.toString());
  }

  private static String foldWhiteSpace(String text) {
    return WHITE_SPACE.matcher(text).replaceAll(" ").strip();
  }
}
