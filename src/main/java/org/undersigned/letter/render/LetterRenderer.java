package org.undersigned.letter.render;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;
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

  /** text/html: a whole page; the template escapes every name and every line of text. */
  public String html(LetterTranslation text, List<String> names, Counts counts) {
    return html.data("language", text.language)
        .data("title", text.title)
        .data("recipients", text.recipients)
        .data("paragraphs", text.paragraphs)
        .data("closing", text.closing)
        .data("names", names)
        .data("countSentence", counts == null ? null : countSentence(text, counts))
        .render();
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
