package org.undersigned.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the e-mails the service sent: their parts and the token of their link. */
public final class Mails {

  private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

  private Mails() {}

  /** A message as text: its subject and each of its parts. */
  public record Read(String subject, List<String> contentTypes, String text, String html) {

    /** The token of the message's link. */
    public String token() {
      Matcher m = TOKEN.matcher(text);
      if (!m.find()) {
        throw new AssertionError("No link with a token in: " + text);
      }
      return m.group(1);
    }
  }

  public static Read read(MimeMessage message) {
    try {
      List<String> types = new ArrayList<>();
      String text = null;
      String html = null;
      Object content = message.getContent();
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          types.add(part.getContentType());
          if (part.isMimeType("text/plain")) {
            text = (String) part.getContent();
          } else if (part.isMimeType("text/html")) {
            html = (String) part.getContent();
          } else if (part.getContent() instanceof Multipart nested) {
            for (int j = 0; j < nested.getCount(); j++) {
              BodyPart inner = nested.getBodyPart(j);
              types.add(inner.getContentType());
              if (inner.isMimeType("text/plain")) {
                text = (String) inner.getContent();
              } else if (inner.isMimeType("text/html")) {
                html = (String) inner.getContent();
              }
            }
          }
        }
      } else {
        types.add(message.getContentType());
        text = String.valueOf(content);
      }
      return new Read(message.getSubject(), types, text, html);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The single message an address is waiting for. A mail leaves within a fraction of a second of
   * its commit; 45 s leaves room for a loaded machine and a retry or two (0.5 s apart in tests).
   */
  public static Read awaitOne(String address) {
    return read(Smtp.awaitMessagesTo(address, 1, Duration.ofSeconds(45)).get(0));
  }

  /**
   * The first message to an address whose link goes to this path ("/withdraw", "/check-domain"),
   * among others it receives (a confirmed signer with a website is also sent a domain challenge).
   */
  public static Read awaitLink(String address, String path) {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (true) {
      for (MimeMessage message : Smtp.messagesTo(address)) {
        Read read = read(message);
        if (read.text() != null && read.text().contains(path + "?token=")) {
          return read;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No message to " + address + " links to " + path);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * A fresh domain, for a test whose mails must not wait behind other tests' in a domain's budget
   * (where a profile makes it small).
   */
  public static String newDomain() {
    return "d" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  /** A fresh address, so that tests never read one another's mail. */
  public static String newAddress(String domain) {
    return "signer-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }
}
