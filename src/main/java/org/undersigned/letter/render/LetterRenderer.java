package org.undersigned.letter.render;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.undersigned.common.i18n.Texts;
import org.undersigned.letter.Counts;
import org.undersigned.letter.LetterTranslation;

/**
 * The letter as a document: its text, the named signatories one per line, then the count sentence
 * with the real figures. Plain text reproduces the published letter line for line.
 */
@ApplicationScoped
public class LetterRenderer {

  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>&|~#])");
  private static final Pattern MARKDOWN_BULLET = Pattern.compile("^([+\\-=])");
  private static final Pattern MARKDOWN_ORDERED = Pattern.compile("^(\\d+)([.)])");

  private final Template html;

  public LetterRenderer(@Location("letter/letter.html") Template html) {
    this.html = html;
  }

  /** text/plain: the published letter, line for line. */
  public String plain(LetterTranslation text, List<String> names, Counts counts) {
    StringBuilder out = new StringBuilder(4096 + names.size() * 48);
    out.append(text.title).append('\n');
    text.recipients.forEach(r -> out.append(r).append('\n'));
    text.paragraphs.forEach(p -> out.append(p).append('\n'));
    out.append(text.closing).append('\n');
    names.forEach(n -> out.append("- ").append(n).append('\n'));
    if (counts != null) {
      out.append(countSentence(text, counts)).append('\n');
    }
    return out.toString();
  }

  /** text/markdown (CommonMark): every character of a name that means something is escaped. */
  public String markdown(LetterTranslation text, List<String> names, Counts counts) {
    StringBuilder out = new StringBuilder(4096 + names.size() * 52);
    out.append("# ").append(escapeMarkdown(text.title)).append("\n\n");
    for (int i = 0; i < text.recipients.size(); i++) {
      out.append(escapeMarkdown(text.recipients.get(i)));
      // A backslash at the end of a line is a hard line break.
      out.append(i < text.recipients.size() - 1 ? "\\\n" : "\n\n");
    }
    text.paragraphs.forEach(p -> out.append(escapeMarkdown(p)).append("\n\n"));
    out.append(escapeMarkdown(text.closing)).append("\n\n");
    names.forEach(n -> out.append("- ").append(escapeMarkdown(n)).append('\n'));
    if (!names.isEmpty()) {
      out.append('\n');
    }
    if (counts != null) {
      out.append(escapeMarkdown(countSentence(text, counts))).append('\n');
    }
    return out.toString();
  }

  /**
   * What the HTML page shows beyond the text: where it lives, its other languages, whether it takes
   * signatures (the widget's form), and the totals of its growth, one a day (the sparkline).
   *
   * @param url the page's address without a query (the letter's public address)
   */
  public record Page(
      String slug,
      String url,
      List<String> languages,
      boolean open,
      List<Long> totals,
      Search search) {}

  /** A search of the signatories: its text, and how many there are in all. */
  public record Search(String text, int of) {}

  /**
   * text/html: the letter's public page; the template escapes every name and every line of text. It
   * loads one script, the widget, from this service; without it the text and the list read the
   * same.
   */
  public String html(LetterTranslation text, List<String> names, Counts counts, Page page) {
    Locale locale = Texts.fromTag(text.language, Texts.SUPPORTED.get(0));
    String sentence = counts == null ? null : countSentence(text, counts);
    return html.data("language", text.language)
        .data("title", text.title)
        .data("recipients", text.recipients)
        .data("paragraphs", text.paragraphs)
        .data("closing", text.closing)
        .data("names", names)
        .data("countSentence", sentence)
        .data("description", sentence != null ? sentence : summary(text))
        .data("slug", page.slug())
        .data("base", page.url())
        .data("url", page.url() + "?lang=" + text.language)
        .data("languages", page.languages())
        .data("open", page.open())
        .data("search", page.search())
        .data(
            "matches",
            page.search() == null
                ? null
                : Texts.text(
                    locale,
                    "page.letter.matches",
                    names.size(),
                    page.search().of(),
                    page.search().text()))
        .data("sparkline", counts == null ? null : sparkline(page.totals()))
        .data(
            "sparklineLabel",
            counts == null || page.totals().isEmpty()
                ? null
                : Texts.text(locale, "page.letter.sparkline", page.totals().size(), counts.total()))
        .data(
            "texts",
            Map.of(
                "languages", Texts.text(locale, "page.letter.languages"),
                "sign", Texts.text(locale, "page.letter.sign"),
                "signatories", Texts.text(locale, "page.letter.signatories"),
                "noscript", Texts.text(locale, "page.letter.noscript"),
                "search", Texts.text(locale, "page.letter.search"),
                "searchButton", Texts.text(locale, "page.letter.search.button"),
                "showAll", Texts.text(locale, "page.letter.search.all")))
        .render();
  }

  /** A sparkline in a 200 by 40 box: one point a day, and where the last one is. */
  public record Sparkline(String points, String lastX, String lastY) {}

  /** One point a day, the highest total at the top; null without any day. */
  static Sparkline sparkline(List<Long> totals) {
    if (totals.isEmpty()) {
      return null;
    }
    long max = Math.max(1, totals.stream().mapToLong(Long::longValue).max().orElse(1));
    int n = totals.size();
    StringBuilder points = new StringBuilder();
    String x = "";
    String y = "";
    for (int i = 0; i < n; i++) {
      x = String.format(Locale.ROOT, "%.1f", n == 1 ? 200.0 : 200.0 * i / (n - 1));
      y = String.format(Locale.ROOT, "%.1f", 38 - 36.0 * totals.get(i) / max);
      points.append(i > 0 ? " " : "").append(x).append(',').append(y);
    }
    return new Sparkline(points.toString(), x, y);
  }

  /** The first paragraph, cut at a word near 200 characters: the page's description. */
  private static String summary(LetterTranslation text) {
    String first = text.paragraphs.isEmpty() ? text.title : text.paragraphs.get(0);
    if (first.length() <= 200) {
      return first;
    }
    int cut = first.lastIndexOf(' ', 199);
    return first.substring(0, cut > 100 ? cut : 199) + "…";
  }

  private static String countSentence(LetterTranslation text, Counts counts) {
    return text.countSentence(counts.total(), counts.named(), counts.anonymous());
  }

  /** Escapes a line so that CommonMark shows it as written, never as markup. */
  static String escapeMarkdown(String line) {
    String escaped = MARKDOWN_SPECIAL.matcher(line).replaceAll("\\\\$1");
    escaped = MARKDOWN_BULLET.matcher(escaped).replaceFirst("\\\\$1");
    // Digits cannot be escaped: the list marker's punctuation is.
    return MARKDOWN_ORDERED.matcher(escaped).replaceFirst("$1\\\\$2");
  }
}
