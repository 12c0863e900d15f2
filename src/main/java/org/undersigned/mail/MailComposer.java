package org.undersigned.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** Writes an e-mail in HTML and plain text from the same words, in the recipient's language. */
@ApplicationScoped
public class MailComposer {

  private final Template html;
  private final Template text;

  public MailComposer(
      @Location("mail/message.html") Template html, @Location("mail/message.txt") Template text) {
    this.html = html;
    this.text = text;
  }

  /** The words of one message: paragraphs, then one action link, then notes. */
  public record Message(
      Locale locale,
      String subject,
      List<String> paragraphs,
      String action,
      String link,
      List<String> notes) {}

  public Mail compose(String to, Message message) {
    return Mail.withHtml(to, message.subject(), render(html, message))
        .setText(render(text, message));
  }

  private static String render(Template template, Message message) {
    return template
        .data("lang", message.locale().toLanguageTag())
        .data("subject", message.subject())
        .data("paragraphs", message.paragraphs())
        .data("action", message.action())
        .data("link", message.link())
        .data("notes", message.notes())
        .render();
  }
}
