package org.undersigned.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.undersigned.common.validation.CleanText;
import org.undersigned.common.validation.CleanTextValidator;

/** Properties of name normalisation and of the clean-text rule, over generated strings. */
class NamePropertiesTest {

  /** What must never get into a name: C0 and C1 controls, bidi controls, separators, the BOM. */
  @Provide
  Arbitrary<Character> forbidden() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001F'),
        Arbitraries.chars().range('\u007F', '\u009F'),
        Arbitraries.chars().range('\u202A', '\u202E'),
        Arbitraries.chars().range('\u2066', '\u2069'),
        Arbitraries.of('\u200E', '\u200F', '\u061C', '\u2028', '\u2029', '\uFEFF'));
  }

  @Property(tries = 2000)
  void normalisationIsIdempotent(@ForAll String text) {
    String once = Names.normalized(text);
    assertEquals(once, Names.normalized(once));
  }

  @Property(tries = 2000)
  void searchKeysAreIdempotent(@ForAll String text) {
    String once = Names.searchKey(text);
    assertEquals(once, Names.searchKey(once));
  }

  @Property(tries = 1000)
  void normalisedNamesHaveNoOuterOrDoubleSpaces(@ForAll String text) {
    String normalized = Names.normalized(text);
    assertEquals(normalized.strip(), normalized);
    assertFalse(normalized.contains("  "));
  }

  @Property(tries = 1000)
  void caseAndSpacingDoNotMakeAnotherOrganisation(
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String word,
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String other) {
    assertEquals(
        Names.normalized(word + " " + other),
        Names.normalized("  " + word.toUpperCase() + " \t\u00A0 " + other.toLowerCase() + " "));
  }

  @Property(tries = 1000)
  void fullWidthFormsAreTheSameOrganisation(
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String word) {
    StringBuilder wide = new StringBuilder();
    word.chars().forEach(c -> wide.append((char) (c - 'A' + '\uFF21')));
    assertEquals(Names.normalized(word), Names.normalized(wide.toString()));
  }

  @Property(tries = 1000)
  void noForbiddenCharacterIsEverClean(
      @ForAll String before, @ForAll("forbidden") char bad, @ForAll String after) {
    String text = before + bad + after;
    assertFalse(Names.isClean(text));
    // The rule trims: white space at either end goes, and what is kept is always clean.
    if (VALIDATOR.isValid(text, null)) {
      assertTrue(Names.isClean(Names.display(text)), text);
    }
  }

  private static final CleanTextValidator VALIDATOR = new CleanTextValidator();

  static {
    VALIDATOR.initialize(
        new CleanText() {
          @Override
          public int max() {
            return 100_000;
          }

          @Override
          public String message() {
            return "";
          }

          @Override
          public Class<?>[] groups() {
            return new Class<?>[0];
          }

          @SuppressWarnings("unchecked")
          @Override
          public Class<? extends jakarta.validation.Payload>[] payload() {
            return new Class[0];
          }

          @Override
          public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return CleanText.class;
          }
        });
  }

  @Property(tries = 500)
  void searchKeysCarryNoControlOrFormatCharacter(@ForAll String text) {
    String key = Names.searchKey(text);
    key.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              assertTrue(type != Character.CONTROL && type != Character.FORMAT, key);
            });
  }

  /** The seed's names, every script of them, as published. */
  private static List<String> seedNames() throws IOException {
    try (InputStream in =
        NamePropertiesTest.class
            .getClassLoader()
            .getResourceAsStream("seed/published-letter.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> l.startsWith("- "))
          .map(l -> l.substring(2))
          .toList();
    }
  }

  @Example
  void everyNameOfTheSeedStaysAsWrittenAndIsClean() throws IOException {
    for (String name : seedNames()) {
      assertEquals(name, Names.display(name));
      assertTrue(Names.isClean(name), name);
      assertFalse(Names.searchKey(name).isEmpty(), name);
      assertEquals(Names.normalized(name), Names.normalized(Names.normalized(name)));
    }
  }

  @Example
  void noTwoNamesOfTheSeedAreTheSameOrganisation() throws IOException {
    List<String> names = seedNames();
    assertEquals(names.size(), names.stream().map(Names::normalized).distinct().count());
  }
}
