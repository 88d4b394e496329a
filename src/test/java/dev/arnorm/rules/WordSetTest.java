package dev.arnorm.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The dictionary's set of words: a {@code HashSet<String>} in behaviour, held as ranges of one array. */
class WordSetTest {

  @Provide
  Arbitrary<List<String>> words() {
    // Few letters and short words: many duplicates and many hash-table neighbours.
    // Whole code points of one to four UTF-8 bytes (a lone surrogate is no text to encode).
    Arbitrary<String> word = Arbitraries.of("\u0627", "\u0628", "\u062A", "\u064A", "a", "b", "\u00E9", "\u20AC",
        "\uD83D\uDE00").list().ofMinSize(1).ofMaxSize(6).map(cps -> String.join("", cps));
    return word.list().ofMaxSize(300);
  }

  @Property(tries = 500)
  void aBuiltSetHoldsWhatAHashSetHolds(@ForAll("words") List<String> words, @ForAll("words") List<String> asked) {
    WordSet.Builder b = new WordSet.Builder(1, 1); // grown as it goes
    words.forEach(b::add);
    WordSet set = b.build();
    Set<String> expected = new HashSet<>(words);
    assertEquals(expected.size(), set.size());
    for (String w : asked) {
      assertEquals(expected.contains(w), set.contains(w), w);
    }
    Set<String> each = new HashSet<>();
    set.forEachRange((text, from, to) -> {
      String w = new String(text, from, to - from);
      assertTrue(each.add(w), "given twice: " + w);
    });
    assertEquals(expected, each);
  }

  @Property(tries = 300)
  void aSetOfLinesHoldsTheLinesThatAreNeitherEmptyNorComments(@ForAll("words") List<String> words,
      @ForAll boolean crlf) {
    StringBuilder text = new StringBuilder("# a comment line\n\n");
    for (String w : words) {
      text.append(w).append(crlf ? "\r\n" : "\n");
    }
    WordSet set = lines(text.toString());
    Set<String> expected = new HashSet<>(words);
    assertEquals(expected.size(), set.size());
    expected.forEach(w -> assertTrue(set.contains(w), w));
    assertFalse(set.contains("# a comment line"));
    assertFalse(set.contains(""));
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    for (byte[] bad : List.of(new byte[] {'a', (byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xD8},
        new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80, '\n'}, new byte[] {(byte) 0xFF})) {
      assertThrows(IllegalArgumentException.class, () -> WordSet.ofUtf8Lines(bad));
    }
  }

  private static WordSet lines(String text) {
    return WordSet.ofUtf8Lines(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLastLineWithoutALineBreakIsAWord() {
    WordSet set = lines("كتب\r\nقلم");
    assertTrue(set.contains("كتب"));
    assertTrue(set.contains("قلم"));
    assertFalse(set.contains("قلم\r"));
    assertEquals(2, set.size());
  }

  @Test
  void aPrefixOrAnExtensionOfAWordIsNotTheWord() {
    WordSet set = lines("كتاب\n");
    assertFalse(set.contains("كتا"));
    assertFalse(set.contains("كتابة"));
    assertFalse(set.contains("\u0643\u062A\u0627\u0628\r"));
  }

  @Test
  void theDictionaryIsLoadedWhole() {
    assertEquals(108_342, WordList.size()); // the resource's header gives this count
    assertTrue(WordList.isStem("كتاب"));
  }
}
