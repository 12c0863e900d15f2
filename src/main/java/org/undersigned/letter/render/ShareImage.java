package org.undersigned.letter.render;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The letter's share card: a 1200 by 630 PNG (the size Open Graph and X's large card show) with its
 * title and its count sentence, drawn on the server with Java2D. The text is drawn in the logical
 * font "SansSerif", which the JDK maps through fontconfig to the machine's fonts, falling back font
 * by font for each script (DejaVu in the image; add Noto CJK for a letter in Chinese or Japanese).
 * Each card is kept until the count or the text changes: rendering one costs tens of milliseconds,
 * and a shared link is fetched by every platform it reaches.
 */
@ApplicationScoped
public class ShareImage {

  public static final int WIDTH = 1200;
  public static final int HEIGHT = 630;

  private static final int MARGIN = 80;
  private static final int KEPT = 64;

  private final Map<String, byte[]> kept =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > KEPT;
        }
      };

  /** The card of this title and count sentence (null: none shown, under an embargo). */
  public byte[] png(String title, String countSentence) {
    String key = title + '\u0000' + countSentence;
    synchronized (kept) {
      byte[] png = kept.get(key);
      if (png != null) {
        return png;
      }
    }
    byte[] png = render(title, countSentence);
    synchronized (kept) {
      kept.put(key, png);
    }
    return png;
  }

  static byte[] render(String title, String countSentence) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(new Color(0xfd, 0xfd, 0xfb));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(new Color(0x0b, 0x5c, 0xad));
      g.fillRect(0, 0, 16, HEIGHT);
      int y = MARGIN;
      g.setColor(new Color(0x1b, 0x1b, 0x1b));
      Font titleFont = font(Font.BOLD, 60);
      // A title that leads into the recipients ("Une lettre ouverte :") stands alone here.
      y = paragraph(g, titleFont, title.replaceFirst("\\s*:\\s*$", ""), y, 3);
      if (countSentence != null) {
        g.setColor(new Color(0x33, 0x33, 0x33));
        paragraph(g, font(Font.PLAIN, 36), strip(countSentence), y + 40, 4);
      }
      g.setColor(new Color(0x55, 0x55, 0x55));
      Font small = font(Font.PLAIN, 26);
      g.setFont(small);
      g.drawString("undersigned", MARGIN, HEIGHT - MARGIN / 2 - 10);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Font font(int style, int size) {
    return new Font(Font.SANS_SERIF, style, size);
  }

  /** The sentence without the Markdown list marker a letter's count sentence may begin with. */
  private static String strip(String sentence) {
    return sentence.replaceFirst("^\\s*[*-]\\s+", "");
  }

  /** Draws text wrapped at words to the card's width, at most so many lines; the next y. */
  private static int paragraph(Graphics2D g, Font font, String text, int top, int maxLines) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int width = WIDTH - 2 * MARGIN;
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (metrics.stringWidth(candidate) <= width || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    if (lines.size() > maxLines) {
      lines = new ArrayList<>(lines.subList(0, maxLines));
      lines.set(maxLines - 1, lines.get(maxLines - 1) + "…");
    }
    int y = top + metrics.getAscent();
    for (String l : lines) {
      g.drawString(l, MARGIN, y);
      y += metrics.getHeight();
    }
    return y;
  }
}
