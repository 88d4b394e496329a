package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.rules.OrthographyRule;
import java.io.BufferedReader;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrthographyTest {
  private static final ArabicNormalizer STEP = ArabicNormalizer.of(Step.ORTHOGRAPHY);

  /** The table as shipped: wrong form to right form, in file order. */
  private static Map<String, String> table() throws IOException {
    Map<String, String> t = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        OrthographyRule.class.getResourceAsStream("/dev/arnorm/" + OrthographyRule.RESOURCE)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          String[] f = line.split("\t");
          t.put(f[0], f[1]);
        }
      }
    }
    return t;
  }

  @ParameterizedTest
  @CsvSource({
    "اكثر, أكثر", "الاسلام, الإسلام", "اذا, إذا", "التى, التي", "الحكومه, الحكومة", "رييس, رئيس",
    "انشاء, إنشاء", "وانت, وأنت", "أجنبى, أجنبي"
  })
  void restoresTheStandardSpelling(String wrong, String right) {
    assertEquals(right, STEP.normalize(wrong));
  }

  @Test
  void aTanweenFathOnOrBeforeTheFinalAlefIsKeptWhereItWas() {
    assertEquals("أيضاً", STEP.normalize("ايضاً"));
    assertEquals("أيضًا", STEP.normalize("ايضًا"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"اكثرُ", "أَكثر", "ايضاًّ", "اَيضاً"})
  void wordsWithOtherHarakatAreLeftAlone(String vocalized) {
    assertSame(vocalized, STEP.normalize(vocalized));
  }

  @Test
  void aConnectingAlefVerbKeepsItsBareAlef() {
    for (String w : new String[] {"اعتقد", "واعتقد", "استخدم", "انتقل"}) {
      assertSame(w, STEP.normalize(w), w);
    }
  }

  @Test
  void aFinalHehThatIsAPronounStays() {
    assertSame("مجموعه", STEP.normalize("مجموعه")); // ما مجموعه: "what totals"
  }

  @Test
  void aNisbaAdjectiveKeepsItsFinalYa() {
    assertSame("الموسيقي", STEP.normalize("الموسيقي"));
  }

  @Test
  void aBareAlefBeforeAWrittenHamzaStays() {
    assertSame("اسأل", STEP.normalize("اسأل"));
  }

  @Test
  void wordsTheContextMustDecideAreNotGuessed() {
    for (String w : new String[] {"ان", "انه", "انها", "الا", "اما", "انا", "امام", "الي", "بان", "فان"}) {
      assertSame(w, STEP.normalize(w), w);
    }
  }

  @Test
  void aNameWrittenLikeAHamzaLessWordStays() {
    assertSame("باول", STEP.normalize("باول")); // Powell, as often as بأول
  }

  @Test
  void onlyWholeWordsChange() {
    assertEquals("أكثر، والإسلام!", STEP.normalize("اكثر، والاسلام!"));
    assertSame("اكثرز", STEP.normalize("اكثرز")); // a table word inside a longer one is not that word
  }

  @Test
  void statsCountEachFixedLetterByKind() {
    NormalizationStats stats = new NormalizationStats();
    STEP.normalize("الاسلام التى الحكومه رييس", stats);
    assertEquals(Map.of(OrthographyRule.HAMZA_ON_ALEF, 1L, OrthographyRule.FINAL_YA, 1L,
        OrthographyRule.TEH_MARBUTA, 1L, OrthographyRule.HAMZA_SEAT, 1L), stats.details(Step.ORTHOGRAPHY));
    assertEquals(4, stats.changed(Step.ORTHOGRAPHY));
  }

  @Test
  void correctionOfAnUnknownWordIsNull() {
    assertNull(OrthographyRule.builtIn().correction("كتاب"));
  }

  /** The changes read by hand on real tweets (all judged right) are still made, each one. */
  @Test
  void everyHandJudgedChangeOnRealTweetsIsStillMade() throws IOException {
    List<String> lost = new ArrayList<>();
    int judged = 0;
    for (String line : Corpora.lines("orthography-judged-tweets.tsv")) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      judged++;
      if (!f[1].equals(STEP.normalize(f[0]))) {
        lost.add(line);
      }
    }
    assertEquals(300, judged);
    assertEquals(List.of(), lost);
  }

  @Nested
  class Table {
    @Test
    void everyEntryIsTwoArabicWordsOfTheSameLength() throws IOException {
      Map<String, String> t = table();
      assertTrue(t.size() > 8000, "entries: " + t.size());
      t.forEach((w, r) -> assertTrue(OrthographyRule.isEntry(w, r), w + " -> " + r));
    }

    /** Idempotence: a correction is never corrected again, by this step or by the rest of social. */
    @Test
    void everyCorrectionIsLeftAloneBySocial() throws IOException {
      List<String> moved = new ArrayList<>();
      for (String right : table().values()) {
        if (!ArabicNormalizer.SOCIAL.normalize(right).equals(right)) {
          moved.add(right);
        }
      }
      assertEquals(List.of(), moved);
    }

    @Test
    void socialGivesEveryEntryItsCorrectionAndIsIdempotentOnIt() throws IOException {
      for (Map.Entry<String, String> e : table().entrySet()) {
        String once = ArabicNormalizer.SOCIAL.normalize("قال " + e.getKey() + " هنا");
        assertEquals(ArabicNormalizer.SOCIAL.normalize(once), once, e.getKey());
      }
    }

    /**
     * Canonically equivalent text gets the same correction: each entry, and each with a tanween fath on or
     * before its final alef, written decomposed (a hamza letter as its base and a hamza mark).
     */
    @Test
    void everyEntryIsCorrectedWhenWrittenDecomposed() throws IOException {
      List<String> differ = new ArrayList<>();
      for (String wrong : table().keySet()) {
        List<String> forms = new ArrayList<>(List.of(wrong));
        if (wrong.endsWith("\u0627")) {
          forms.add(wrong + "\u064B");
          forms.add(wrong.substring(0, wrong.length() - 1) + "\u064B\u0627");
        }
        for (String form : forms) {
          String text = "قال " + form + " هنا";
          String decomposed = UnicodeData.NFD.normalize(text);
          if (!ArabicNormalizer.SOCIAL.normalize(decomposed).equals(ArabicNormalizer.SOCIAL.normalize(text))) {
            differ.add(form);
          }
        }
      }
      assertEquals(List.of(), differ);
    }

    /**
     * The dictionary's own words: a stem as written may only get a hamza on its first alef (the list writes
     * many words without it, اكثر beside أكثر); nothing else in it is "fixed".
     */
    @Test
    void aDictionaryStemOnlyGainsAHamzaAtItsStart() throws IOException {
      List<String> other = new ArrayList<>();
      for (String stem : Corpora.lines("ayaspell-stems-sample.txt")) {
        String out = STEP.normalize(stem);
        if (!out.equals(stem)) {
          boolean startHamza = stem.charAt(0) == '\u0627' && "\u0623\u0625\u0622".indexOf(out.charAt(0)) >= 0
              && out.substring(1).equals(stem.substring(1));
          if (!startHamza) {
            other.add(stem + " -> " + out);
          }
        }
      }
      assertEquals(List.of(), other);
    }
  }
}
