package org.undersigned.endorsement.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.ModerationPolicy;

/**
 * A bundled letter, read from its text as published (title, recipients, paragraphs, closing, the
 * named signatories as "- Name" lines, then the count sentence) and a descriptor of what the text
 * cannot say about itself.
 */
public record SeedLetter(
    String slug,
    String language,
    LetterStatus status,
    ModerationPolicy moderationPolicy,
    String title,
    List<String> recipients,
    List<String> paragraphs,
    String closing,
    List<Signatory> signatories,
    String countSentence,
    int anonymous) {

  private static final String NAME_PREFIX = "- ";
  private static final Pattern FIGURE = Pattern.compile("\\d+");

  /** A named signatory of the seed, as written. */
  public record Signatory(String name, EndorsementKind kind) {}

  /** Reads a seed; a text that does not have the expected shape stops the service at start. */
  public static SeedLetter parse(String text, Properties descriptor) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>(Arrays.asList(body.replace("\r\n", "\n").split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int recipientCount = Integer.parseInt(required(descriptor, "recipients"));
    int firstName = indexOfFirstName(lines);
    int afterNames = firstName;
    while (afterNames < lines.size() && lines.get(afterNames).startsWith(NAME_PREFIX)) {
      afterNames++;
    }
    if (firstName < recipientCount + 3 || afterNames != lines.size() - 1) {
      throw new IllegalStateException(
          "Seed letter " + descriptor.getProperty("slug") + " does not have the expected shape");
    }
    Set<String> individuals =
        Set.of(descriptor.getProperty("individuals", "").split("\\|")).stream()
            .filter(s -> !s.isBlank())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    List<Signatory> signatories =
        lines.subList(firstName, afterNames).stream()
            .map(line -> line.substring(NAME_PREFIX.length()))
            .map(
                name ->
                    new Signatory(
                        name,
                        individuals.contains(name)
                            ? EndorsementKind.INDIVIDUAL
                            : EndorsementKind.ORGANISATION))
            .toList();
    String countLine = lines.get(lines.size() - 1);
    return new SeedLetter(
        required(descriptor, "slug"),
        required(descriptor, "language"),
        LetterStatus.valueOf(required(descriptor, "status")),
        ModerationPolicy.valueOf(required(descriptor, "moderation-policy")),
        lines.get(0),
        List.copyOf(lines.subList(1, 1 + recipientCount)),
        List.copyOf(lines.subList(1 + recipientCount, firstName - 1)),
        lines.get(firstName - 1),
        signatories,
        countSentenceTemplate(countLine),
        figures(countLine).get(2));
  }

  private static int indexOfFirstName(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(NAME_PREFIX)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The closing sentence states three figures (all, named, anonymous). The anonymous figure is the
   * only one taken from it; the sentence is kept as a template whose figures the service fills in
   * from what it holds.
   */
  static String countSentenceTemplate(String line) {
    List<String> placeholders =
        List.of(LetterTranslation.TOTAL, LetterTranslation.NAMED, LetterTranslation.ANONYMOUS);
    Matcher matcher = FIGURE.matcher(line);
    StringBuilder template = new StringBuilder();
    int index = 0;
    while (matcher.find()) {
      if (index >= placeholders.size()) {
        throw new IllegalStateException("The count sentence has more than three figures");
      }
      matcher.appendReplacement(template, Matcher.quoteReplacement(placeholders.get(index++)));
    }
    matcher.appendTail(template);
    if (index != placeholders.size()) {
      throw new IllegalStateException("The count sentence does not have three figures");
    }
    return template.toString();
  }

  private static List<Integer> figures(String line) {
    return FIGURE.matcher(line).results().map(r -> Integer.parseInt(r.group())).toList();
  }

  private static String required(Properties descriptor, String key) {
    String value = descriptor.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Seed descriptor lacks " + key);
    }
    return value.strip();
  }
}
