package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets through each kind of change, one rule per test, and on the real corpora. */
class OffsetsTest {
  private static NormalizedText light(String s) {
    return ArabicNormalizer.LIGHT.normalizeWithOffsets(s);
  }

  @Test
  void unchangedTextIsTheSameInstanceWithAnEmptyMap() {
    String s = "نص نظيف";
    NormalizedText t = light(s);
    assertSame(s, t.text());
    assertTrue(t.offsets().isIdentity());
    assertEquals(3, t.offsets().sourceStart(3));
  }

  @Test
  void aDecodedReferenceIsOneRegionOfSixCharsToOne() {
    NormalizedText t = light("&quot;نحن&quot;");
    assertEquals("\"نحن\"", t.text());
    assertEquals("OffsetMap{source=15, output=5, changes=[[0,6)->[0,1), [9,15)->[4,5)]}", t.offsets().toString());
    assertEquals("نحن", t.sourceOf("&quot;نحن&quot;", 1, 4));
    assertEquals("&quot;", t.sourceOf("&quot;نحن&quot;", 0, 1));
  }

  @Test
  void aNestedEscapeIsOneRegion() {
    NormalizedText t = light("&amp;quot;");
    assertEquals("\"", t.text());
    assertEquals(0, t.offsets().sourceStart(0));
    assertEquals(10, t.offsets().sourceEnd(1));
  }

  @Test
  void anExpandedLigatureIsOneCharToEighteen() {
    NormalizedText t = light("\uFDFA محمد");
    assertEquals("صلى الله عليه وسلم محمد", t.text());
    assertEquals(1, t.offsets().changeCount());
    // Each word of the expansion comes from the ligature; the word after it from itself.
    assertEquals("\uFDFA", t.sourceOf("\uFDFA محمد", 4, 8));
    assertEquals("محمد", t.sourceOf("\uFDFA محمد", 19, 23));
  }

  @Test
  void aRemovedTatweelAndMarkLeaveTheWordWhole() {
    String s = "بيتـ\u200Fنا في";
    NormalizedText t = light(s);
    assertEquals("بيتنا في", t.text());
    assertEquals("بيتـ\u200Fنا", t.sourceOf(s, 0, 5));
    assertEquals("في", t.sourceOf(s, 6, 8));
  }

  @Test
  void aSpanDoesNotTakeInTextDeletedJustOutsideIt() {
    String s = "\u200Fكلمة\u200F";
    NormalizedText t = light(s);
    assertEquals("كلمة", t.text());
    assertEquals(1, t.offsets().sourceStart(0));
    assertEquals(5, t.offsets().sourceEnd(4));
  }

  @Test
  void aCollapsedRunOfBlanksKeepsTheWordsInPlace() {
    String s = "كلمة \u00A0 أخرى";
    NormalizedText t = light(s);
    assertEquals("كلمة أخرى", t.text());
    assertEquals("أخرى", t.sourceOf(s, 5, 9));
    assertEquals(8, t.offsets().outputEnd(s.length()) - 1);
  }

  @Test
  void aComposedHamzaMapsWithItsLetter() {
    String s = "ا\u0654حمد";
    NormalizedText t = light(s);
    assertEquals("أحمد", t.text());
    assertEquals("OffsetMap{source=5, output=4, changes=[[0,2)->[0,1)]}", t.offsets().toString());
  }

  @Test
  void reorderedMarksMapWithTheirBase() {
    String s = "ب\u0651\u064E"; // shadda (class 33) before fatha (30): NFC puts fatha first
    NormalizedText t = light(s);
    assertEquals("ب\u064E\u0651", t.text());
    assertEquals(0, t.offsets().sourceStart(0));
    assertEquals(3, t.offsets().sourceEnd(3));
  }

  @Test
  void aPhraseReplacementMapsEachWordToItsSource() {
    String s = "انشاء الله";
    NormalizedText t = ArabicNormalizer.SOCIAL.normalizeWithOffsets(s);
    assertEquals("إن شاء الله", t.text());
    assertEquals("ان", t.sourceOf(s, 0, 2));
    assertEquals("شاء", t.sourceOf(s, 3, 6));
    assertEquals("الله", t.sourceOf(s, 7, 11));
  }

  @Test
  void aWordFixLosesOnlyTheLetterItDrops() {
    String s = "لاكن هاذا";
    NormalizedText t = ArabicNormalizer.SOCIAL.normalizeWithOffsets(s);
    assertEquals("لكن هذا", t.text());
    assertEquals("OffsetMap{source=9, output=7, changes=[[1,2)->[1,1), [6,7)->[5,5)]}", t.offsets().toString());
  }

  @Test
  void foldsAreOneCharToOne() {
    String s = "أحمد في المدرسة";
    NormalizedText t = ArabicNormalizer.SEARCH.normalizeWithOffsets(s);
    assertEquals("احمد في المدرسه", t.text());
    assertEquals(2, t.offsets().changeCount());
    assertEquals("المدرسة", t.sourceOf(s, 8, 15));
  }

  @Test
  void theLucenePresetMapsCodeUnitsAsWritten() {
    String s = "أَحْمَد";
    NormalizedText t = ArabicNormalizer.LUCENE.normalizeWithOffsets(s);
    assertEquals("احمد", t.text());
    assertEquals(s, t.sourceOf(s, 0, 4));
    assertEquals(2, t.offsets().sourceStart(1)); // ح follows the deleted fatha
  }

  @Test
  void aLetterAndALongRunOfMarksRemovedFromItAreOneRegion() {
    String s = "ب" + "\u064E".repeat(10_000) + " كلمه";
    NormalizedText t = ArabicNormalizer.SEARCH.normalizeWithOffsets(s);
    assertEquals("ب كلمه", t.text());
    assertEquals("OffsetMap{source=10006, output=6, changes=[[0,10001)->[0,1)]}", t.offsets().toString());
    assertEquals("كلمه", t.sourceOf(s, 2, 6));
  }

  @Test
  void indexesOutsideTheTextsAreRejected() {
    OffsetMap m = light("&amp;").offsets();
    assertThrows(IndexOutOfBoundsException.class, () -> m.sourceStart(2));
    assertThrows(IndexOutOfBoundsException.class, () -> m.outputEnd(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> light("&amp;").sourceOf("&amp", 0, 1));
  }

  @Test
  void theMapOfAStreamIsInAbsolutePositions() throws IOException {
    String line = "&quot;نحن&quot; كلمة\u00A0\u00A0أخرى\n";
    String s = line.repeat(2000);
    NormalizingReader r = ArabicNormalizer.LIGHT.reader(new StringReader(s));
    StringBuilder out = new StringBuilder();
    char[] buf = new char[1000];
    for (int n; (n = r.read(buf)) >= 0; ) {
      out.append(buf, 0, n);
    }
    assertEquals(ArabicNormalizer.LIGHT.normalize(s), out.toString());
    int lineOut = ArabicNormalizer.LIGHT.normalize(line).length();
    assertEquals(1999 * line.length() + 6, r.sourceStart(1999 * lineOut + 1));
    assertEquals(ArabicNormalizer.LIGHT.normalizeWithOffsets(s).offsets(), r.offsets());
  }

  @Test
  void aReaderGivesItsMapOnlyOnceReadToTheEnd() throws IOException {
    NormalizingReader r = ArabicNormalizer.LIGHT.reader(new StringReader("&amp; نص"));
    assertEquals('&', r.read());
    assertThrows(IllegalStateException.class, r::offsets);
    assertThrows(IndexOutOfBoundsException.class, () -> r.sourceStart(2));
    r.close();
    assertThrows(IOException.class, r::read);
  }

  /**
   * Every line of every corpus, every preset: the text is what normalize gives, and the source span of each
   * token normalizes to the token, but for the kinds of change that make a token out of more than its span
   * (an expanded ligature: U+FDF0..U+FDFF; a stray {@code &} judged by what is around it; a phrase of the
   * lexicon), where the token is made by its span in context.
   */
  @Test
  void tokensComeFromTheirSourceOnEveryCorpusLine() {
    List<String> files = new ArrayList<>(Corpora.NEWS);
    files.add("quran-uthmani.txt");
    files.add("arsarcasm-tweets-sample.txt");
    for (Preset p : Preset.values()) {
      ArabicNormalizer n = p.normalizer();
      int tokens = 0;
      int inContext = 0;
      for (String f : files) {
        for (String line : Corpora.lines(f)) {
          NormalizedText t = n.normalizeWithOffsets(line);
          assertEquals(n.normalize(line), t.text(), p + " on " + f + ": " + line);
          for (int[] tok : OffsetProperties.tokens(t.text())) {
            tokens++;
            String token = t.text().substring(tok[0], tok[1]);
            String source = t.sourceOf(line, tok[0], tok[1]);
            if (n.normalize(source).equals(token)) {
              continue;
            }
            inContext++;
            boolean explained = source.codePoints().anyMatch(cp -> cp >= 0xFDF0 && cp <= 0xFDFF)
                || source.indexOf('&') >= 0 || (p == Preset.SOCIAL && OffsetProperties.madeBy(n, line, t, tok[0], tok[1]));
            assertTrue(explained, p + " on " + f + ": token " + token + " <- " + source + " in " + line);
          }
        }
      }
      assertTrue(inContext * 1000 < tokens, p + ": " + inContext + " of " + tokens + " tokens made in context");
    }
  }
}
