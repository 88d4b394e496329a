package dev.arnorm.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Arbitrary<String> word = Arbitraries.strings().withChars("\u0627\u0628\u062A\u064Aab\u00E9\uD83D\uDE00")
        .ofMinLength(1).ofMaxLength(6);
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
    set.forEach(w -> assertTrue(each.add(w), "given twice: " + w));
    assertEquals(expected, each);
  }

  @Property(tries = 300)
  void aSetOfLinesHoldsTheLinesThatAreNeitherEmptyNorComments(@ForAll("words") List<String> words,
      @ForAll boolean crlf) {
    StringBuilder text = new StringBuilder("# a comment line\n\n");
    for (String w : words) {
      text.append(w).append(crlf ? "\r\n" : "\n");
    }
    WordSet set = WordSet.ofLines(text.toString().toCharArray());
    Set<String> expected = new HashSet<>(words);
    assertEquals(expected.size(), set.size());
    expected.forEach(w -> assertTrue(set.contains(w), w));
    assertFalse(set.contains("# a comment line"));
    assertFalse(set.contains(""));
  }

  @Test
  void aLastLineWithoutALineBreakIsAWord() {
    WordSet set = WordSet.ofLines("كتب\r\nقلم".toCharArray());
    assertTrue(set.contains("كتب"));
    assertTrue(set.contains("قلم"));
    assertFalse(set.contains("قلم\r"));
    assertEquals(2, set.size());
  }

  @Test
  void aPrefixOrAnExtensionOfAWordIsNotTheWord() {
    WordSet set = WordSet.ofLines("كتاب\n".toCharArray());
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
