package org.undersigned.common.http;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.undersigned.common.problem.ProblemException;

/** Content negotiation: which media type and which language a caller gets. */
public final class Negotiation {

  /** BCP 47 language tags as the service stores them: "fr", "en", "zh-Hant", "pt-BR". */
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$");

  private Negotiation() {}

  /**
   * The first of {@code offered} (in the server's order of preference) that the caller's most
   * preferred acceptable type allows; a wildcard gets the first offered.
   */
  public static MediaType mediaType(List<MediaType> acceptable, List<MediaType> offered) {
    List<MediaType> ranked = new ArrayList<>(acceptable);
    ranked.removeIf(m -> quality(m) <= 0);
    ranked.sort(Comparator.comparingDouble(Negotiation::quality).reversed());
    for (MediaType wanted : ranked) {
      for (MediaType candidate : offered) {
        if (wanted.isCompatible(candidate)) {
          return candidate;
        }
      }
    }
    throw new NotAcceptableException();
  }

  private static double quality(MediaType type) {
    String q = type.getParameters().get("q");
    if (q == null) {
      return 1.0;
    }
    try {
      return Double.parseDouble(q);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The language to answer in: {@code ?lang=} if the letter exists in it, else the best match of
   * {@code Accept-Language}, else the original language. A malformed {@code lang} is a 400; a
   * malformed header is ignored, as browsers send what they send.
   */
  public static String language(
      String lang, String acceptLanguage, List<String> available, String original) {
    if (lang != null) {
      if (!LANGUAGE_TAG.matcher(lang).matches()) {
        throw ProblemException.invalidField("lang", "field.lang.invalid");
      }
      return lookup(List.of(new Locale.LanguageRange(lang)), available).orElse(original);
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        return lookup(Locale.LanguageRange.parse(acceptLanguage), available).orElse(original);
      } catch (IllegalArgumentException malformed) {
        return original;
      }
    }
    return original;
  }

  private static Optional<String> lookup(
      List<Locale.LanguageRange> ranges, List<String> available) {
    List<Locale.LanguageRange> wanted =
        ranges.stream().filter(r -> r.getWeight() > 0 && !r.getRange().equals("*")).toList();
    String tag = Locale.lookupTag(wanted, available);
    if (tag == null) {
      return Optional.empty();
    }
    // lookupTag answers in lower case; give the stored spelling back.
    return available.stream().filter(a -> a.equalsIgnoreCase(tag)).findFirst();
  }
}
