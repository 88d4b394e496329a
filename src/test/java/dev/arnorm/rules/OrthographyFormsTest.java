package dev.arnorm.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.unicode.UnicodeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The orthography step's decompositions of its table words, made without ICU, against ICU's NFD. */
class OrthographyFormsTest {
  private static final char ALEF = '\u0627';
  private static final char FATHATAN = '\u064B';

  @Test
  void everyTableFormDecomposesAsIcuDoes() throws IOException {
    int words = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        OrthographyRule.class.getResourceAsStream("/dev/arnorm/" + OrthographyRule.RESOURCE)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        for (String w : line.split("\t")) {
          words++;
          check(w);
          int n = w.length();
          if (w.charAt(n - 1) == ALEF) {
            check(w + FATHATAN); // the forms the rule adds for a final alef
            check(w.substring(0, n - 1) + FATHATAN + ALEF);
          }
        }
      }
    }
    assertTrue(words > 10_000, "words read: " + words);
  }

  /** A hamza on a letter (ccc 230) and then a tanween fath (27) are reordered: ICU's work. */
  @Test
  void marksOutOfOrderAreReordered() {
    check("\u0623" + FATHATAN + ALEF);
    check("\u0628\u0626" + FATHATAN + ALEF);
  }

  @Test
  void aWordWithNothingToDecomposeIsItself() {
    String w = "التي";
    assertSame(w, OrthographyRule.decomposed(w));
  }

  private static void check(String w) {
    assertEquals(UnicodeData.NFD.normalize(w), OrthographyRule.decomposed(w), w);
  }
}
