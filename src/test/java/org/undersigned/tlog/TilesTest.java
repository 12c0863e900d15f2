package org.undersigned.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP tlog-tiles: paths as the specification writes them, and tiles that rebuild the tree. */
class TilesTest {

  @Test
  void pathsAreWrittenAsTheSpecificationSays() {
    assertEquals("tile/0/x001/x234/067", Tiles.path(0, 1_234_067, 256));
    assertEquals("tile/0/000", Tiles.path(0, 0, 256));
    assertEquals("tile/1/x001/000.p/7", Tiles.path(1, 1000, 7));
    assertEquals("tile/2/999", Tiles.path(2, 999, 256));
    assertEquals("tile/entries/x001/x234/067.p/1", Tiles.entriesPath(1_234_067, 1));
    assertThrows(IllegalArgumentException.class, () -> Tiles.path(0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Tiles.path(0, 0, 257));
    assertThrows(IllegalArgumentException.class, () -> Tiles.path(0, -1, 1));
  }

  @Test
  void tilesHoldTheTreesHashesAndRebuildItsRoot() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      leaves.add(Merkle.leafHash(("entry " + i).getBytes()));
    }
    int size = 600;
    byte[] full = Tiles.tile(leaves, size, 0, 0);
    assertEquals(256 * 32, full.length);
    assertArrayEquals(leaves.get(255), Arrays.copyOfRange(full, 255 * 32, 256 * 32));
    byte[] partial = Tiles.tile(leaves, size, 0, 2);
    assertEquals(88 * 32, partial.length, "600 = 2 * 256 + 88");
    byte[] upper = Tiles.tile(leaves, size, 1, 0);
    assertEquals(2 * 32, upper.length, "two full subtrees of 256 leaves");
    assertArrayEquals(Merkle.root(leaves, 0, 256), Arrays.copyOfRange(upper, 0, 32));
    assertArrayEquals(Merkle.root(leaves, 256, 512), Arrays.copyOfRange(upper, 32, 64));
    // A reader rebuilds the root from the level-1 tile and the partial level-0 tile.
    List<byte[]> tail = new ArrayList<>();
    for (int i = 0; i < 88; i++) {
      tail.add(Arrays.copyOfRange(partial, i * 32, (i + 1) * 32));
    }
    byte[] right = Merkle.root(tail, 88);
    byte[] rebuilt =
        Merkle.nodeHash(
            Merkle.nodeHash(Arrays.copyOfRange(upper, 0, 32), Arrays.copyOfRange(upper, 32, 64)),
            right);
    assertArrayEquals(Merkle.root(leaves, size), rebuilt);
    assertThrows(IllegalArgumentException.class, () -> Tiles.tile(leaves, size, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> Tiles.tile(leaves, size, 2, 0));
  }

  @Test
  void bundlesPrefixEachEntryWithItsLength() {
    byte[] bundle = Tiles.bundle(List.of("{}".getBytes(), new byte[300]));
    assertEquals("00027b7d012c", HexFormat.of().formatHex(Arrays.copyOf(bundle, 6)));
    assertEquals(2 + 2 + 2 + 300, bundle.length);
    assertEquals(300, ByteBuffer.wrap(bundle, 4, 2).getShort());
    assertThrows(IllegalArgumentException.class, () -> Tiles.bundle(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Tiles.bundle(List.of(new byte[0x10000])));
  }
}
