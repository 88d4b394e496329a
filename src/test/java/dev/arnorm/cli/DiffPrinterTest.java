package dev.arnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The common prefix and suffix that {@code --diff} leaves unmarked around a change. */
class DiffPrinterTest {
  @Test
  void prefixAndSuffixAreTheCharsBothShare() {
    assertEquals(2, DiffPrinter.commonPrefix("الاسلام", "الإسلام"));
    assertEquals(4, DiffPrinter.commonSuffix("الاسلام", "الإسلام", 5));
  }

  @Test
  void theSuffixStopsAtItsLimit() {
    assertEquals(1, DiffPrinter.commonSuffix("aaa", "aa", 1));
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    // U+1F600 and U+1F601 share their high surrogate; U+1F600 and U+1D600 share the low one.
    assertEquals(1, DiffPrinter.commonPrefix("a\uD83D\uDE00", "a\uD83D\uDE01"));
    assertEquals(1, DiffPrinter.commonSuffix("\uD83D\uDE00b", "\uD835\uDE00b", 3));
  }

  @Test
  void equalStringsShareEverything() {
    assertEquals(3, DiffPrinter.commonPrefix("abc", "abc"));
  }
}
