package org.undersigned.tlog;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * C2SP tlog-tiles: a tree served as tiles of height 8. The tile {@code N} of level {@code L} holds
 * the hashes of the tree's level {@code 8L} from {@code 256N}, 256 of them (a full tile, which
 * never changes) or {@code W} of them (a partial one, {@code .p/W}). Entry bundles hold the entries
 * themselves, each after its length as a big-endian uint16.
 */
public final class Tiles {

  /** Hashes (or entries) in a full tile. */
  public static final int WIDTH = 256;

  /** The tree levels a tile spans. */
  public static final int HEIGHT = 8;

  private Tiles() {}

  /** The path of a tile: {@code tile/<L>/<N>}, and {@code .p/<W>} when partial. */
  public static String path(int level, long index, int width) {
    return "tile/" + level + "/" + index(index) + partial(width);
  }

  /** The path of an entry bundle: {@code tile/entries/<N>}, and {@code .p/<W>} when partial. */
  public static String entriesPath(long index, int width) {
    return "tile/entries/" + index(index) + partial(width);
  }

  private static String partial(int width) {
    if (width < 1 || width > WIDTH) {
      throw new IllegalArgumentException("A tile holds 1 to 256 hashes");
    }
    return width == WIDTH ? "" : ".p/" + width;
  }

  /** {@code N} in path elements of three digits, all but the last after an {@code x}. */
  static String index(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("A tile index is not negative");
    }
    String last = String.format("%03d", n % 1000);
    StringBuilder path = new StringBuilder();
    for (long rest = n / 1000; rest > 0; rest /= 1000) {
      path.insert(0, String.format("x%03d/", rest % 1000));
    }
    return path.append(last).toString();
  }

  /**
   * The bytes of tile {@code index} of {@code level} of a tree of {@code size} leaves: its hashes,
   * as many as the tree has at that level from {@code 256 * index} (at most 256).
   */
  public static byte[] tile(List<byte[]> leaves, long size, int level, long index) {
    int height = HEIGHT * level;
    long hashes = size >> height;
    long from = index * WIDTH;
    long to = Math.min(hashes, from + WIDTH);
    if (from >= to) {
      throw new IllegalArgumentException("The tree has no such tile");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) (to - from) * 32);
    long span = 1L << height;
    for (long i = from; i < to; i++) {
      out.writeBytes(Merkle.root(leaves, (int) (i * span), (int) ((i + 1) * span)));
    }
    return out.toByteArray();
  }

  /** An entry bundle: each entry after its length, a big-endian uint16. */
  public static byte[] bundle(List<byte[]> entries) {
    if (entries.isEmpty() || entries.size() > WIDTH) {
      throw new IllegalArgumentException("A bundle holds 1 to 256 entries");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] entry : entries) {
      if (entry.length > 0xffff) {
        throw new IllegalArgumentException("An entry is at most 65,535 bytes");
      }
      out.write(entry.length >> 8);
      out.write(entry.length & 0xff);
      out.writeBytes(entry);
    }
    return out.toByteArray();
  }
}
