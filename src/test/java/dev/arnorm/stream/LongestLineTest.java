package dev.arnorm.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The longest line the byte loop holds whole, by the heap: a 256th of it, within its floor and cap. */
class LongestLineTest {
  private static final long MIB = 1 << 20;

  @Test
  void aSmallHeapHoldsEightBlocks() {
    // A 16 MB heap: a 29 MB line with 1 MiB held ran out of memory (ProcessCliTest); 512 KiB did not.
    assertEquals(8 * Utf8Stream.BLOCK, Utf8Stream.longestLine(16 * MIB));
  }

  @Test
  void aMiddleHeapHoldsA256thOfItself() {
    assertEquals(4 * MIB, Utf8Stream.longestLine(1024 * MIB));
  }

  @Test
  void aLargeHeapHoldsAtMostTheCap() {
    assertEquals(Utf8Stream.LONGEST_LINE, Utf8Stream.longestLine(64 * 1024 * MIB));
  }
}
