package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.rules.LexiconData;
import dev.arnorm.rules.WordList;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingTest {
  private static String run(String s) {
    return Step.SPELLING.normalizer().normalize(s);
  }

  @ParameterizedTest
  @CsvSource({
    "انشاء الله, إن شاء الله", "ان شاء الله, إن شاء الله", "إنشاء الله, إن شاء الله", "انشالله, إن شاء الله",
    "ماشاء الله, ما شاء الله", "لاكن, لكن", "هاذا, هذا", "ذالك, ذلك", "شيئ, شيء", "اللذي, الذي", "الى, إلى",
    "اذا, إذا", "فى, في", "انشا الله, إن شاء الله", "انشاالله, إن شاء الله", "الخ, إلخ", "شئ, شيء", "بشئ, بشيء",
    "انا مع, أنا مع", "وانا كنت, وأنا كنت", "انا لله وانا اليه راجعون, إنا لله وإنا إليه راجعون",
    "الان, الآن", "والان, والآن", "الا ان يكون, إلا أن يكون", "الا انه رد, إلا أنه رد"
  })
  void entriesFromTheIssue(String wrong, String right) {
    assertEquals(right, run(wrong));
  }

  @Test
  void phraseInsideASentenceKeepsItsNeighbours() {
    assertEquals("سنلتقي غدا إن شاء الله.", run("سنلتقي غدا انشاء الله."));
  }

  @Test
  void allowedProcliticsAreKept() {
    assertEquals("بشيء ولكن وإن شاء الله لهذا", run("بشيئ ولاكن وانشاء الله لهاذا"));
  }

  @Test
  void procliticsAnEntryDoesNotAllowAreNotGuessed() {
    String s = "وفى بوعده والى المدينة";
    assertSame(s, run(s));
  }

  @Test
  void counterExamplesFromTheIssueStay() {
    for (String s : new String[] {"إنشاء مشروع", "انشاء المدرسة", "شيئا", "اللذين", "ان", "أن", "إن"}) {
      assertSame(s, run(s), s);
    }
  }

  @Test
  void phraseNeedsSingleSpacesBetweenItsWords() {
    String s = "انشاء، الله";
    assertSame(s, run(s));
  }

  /**
   * A word over 128 code points goes through untouched, and the words the step held back before it (a
   * phrase may start there) go out first, decided as if nothing followed: none is lost or moved (found by
   * fuzzing: " ان ل ش" before a long word came out as " ان ل").
   */
  @Test
  void aWordTooLongToJudgeLosesNothingBeforeIt() {
    String longWord = "لاكن".repeat(40);
    String s = " ان ل ش ر ل ن " + longWord + " الى";
    assertEquals(" ان ل ش ر ل ن " + longWord + " إلى", run(s));
    assertEquals(" إن شاء الله " + longWord, run(" انشاء الله " + longWord));
  }

  @Test
  void wordsWithHarakatAreLeftAlone() {
    String s = "هَاذَا";
    assertSame(s, run(s));
  }

  @Test
  void everyCounterExampleOfTheLexiconSurvivesTheSpellingStep() {
    List<String> examples = Lexicon.builtIn().counterExamples();
    assertTrue(examples.size() >= 10);
    for (String s : examples) {
      assertEquals(s, ArabicNormalizer.of(Step.SPELLING).normalize(s), s);
    }
  }

  @Test
  void theSocialPresetChangesCounterExamplesOnlyThroughTheOrthographyTable() {
    // انشاء المدرسة is no "God willing", but its انشاء still lacks the hamza of إنشاء.
    ArabicNormalizer orthography = ArabicNormalizer.of(Step.ORTHOGRAPHY);
    for (String s : Lexicon.builtIn().counterExamples()) {
      assertEquals(orthography.normalize(s), ArabicNormalizer.SOCIAL.normalize(s), s);
    }
  }

  @Test
  void socialFixesElongationBeforeSpelling() {
    assertEquals("لكن هذا شيء جميل", ArabicNormalizer.SOCIAL.normalize("لااااكن هاذا شيئ جمييييل"));
  }

  @Nested
  class RealText {
    /** Edited news: spelling, orthography and elongation must not change a single word. */
    @Test
    void noWordOfTheEditedNewsChanges() {
      ArabicNormalizer n = ArabicNormalizer.parse("elongation,spelling,orthography");
      for (String file : new String[] {"wikinews-plain.txt", "ud-pud-sentences.txt"}) {
        for (String line : Corpora.lines(file)) {
          assertEquals(line, n.normalize(line), file);
        }
      }
    }

    /** The dictionary's own words: only its known misspelling (شيئ, see corpora/README) changes. */
    @Test
    void noWordOfTheDictionaryChangesButItsKnownMisspelling() throws IOException {
      ArabicNormalizer n = ArabicNormalizer.parse("elongation,spelling");
      Map<String, String> changed = new LinkedHashMap<>();
      for (String stem : Corpora.lines("ayaspell-stems-sample.txt")) {
        String out = n.normalize(stem);
        if (!Normalizer2Holder.NFC.normalize(stem).equals(out)) {
          changed.put(stem, out);
        }
      }
      assertEquals(Map.of("شيئ", "شيء"), changed);
    }

    /** The sample article's comments: every fix, checked by hand. */
    @Test
    void sampleArticleGetsExactlyTheTenFixesCheckedByHand() {
      NormalizationStats stats = new NormalizationStats();
      ArabicNormalizer.SOCIAL.normalize(Corpora.text("elaph-2014-truce.txt"), stats);
      assertEquals(Map.of("الى → إلى", 5L, "انشاء الله → إن شاء الله", 2L, "شيئ → شيء", 2L, "الان → الآن", 1L),
          stats.details(Step.SPELLING));
    }

    /** No form that can start a fix is itself a word of the dictionary (but the misspellings it lists). */
    @Test
    void noTriggerIsADictionaryWord() {
      List<String> collisions = new ArrayList<>();
      for (LexiconData.Entry e : Lexicon.builtIn().data.entries()) {
        List<String> forms = new ArrayList<>(e.prefixes);
        forms.add("");
        for (String p : forms) {
          String w = p + e.wrong.get(0);
          if (e.wrong.size() == 1 && WordList.isStem(w)) {
            collisions.add(w);
          }
        }
      }
      assertEquals(List.of("شيئ", "شئ", "الخ"), collisions);
    }
  }

  @Nested
  class UserLexicon {
    @TempDir
    Path dir;

    @Test
    void userEntriesAreAddedThroughTheBuilder() throws IOException {
      Path f = dir.resolve("mine.tsv");
      Files.writeString(f, "# version: 1\nعشان\tلأن\tcolloquial\tprefixes=و\n");
      ArabicNormalizer n = ArabicNormalizer.builder().add(Preset.SOCIAL).lexicon(Lexicon.load(f)).build();
      assertEquals("ولأن هذا", n.normalize("وعشان هاذا"));
    }

    @Test
    void conditionsOnNeighbouringWords() throws IOException {
      Lexicon l = Lexicon.parse(new StringReader(
          "كده\tهكذا\tcolloquial\tnot-before=يعني\nاوي\tجدا\tcolloquial\tafter=حلو|جميل\n"), "test");
      ArabicNormalizer n = ArabicNormalizer.builder().add(Step.SPELLING).lexicon(l).build();
      assertEquals("هكذا تمام", n.normalize("كده تمام"));
      assertEquals("كده يعني", n.normalize("كده يعني"));
      assertEquals("حلو جدا", n.normalize("حلو اوي"));
      assertEquals("كبير اوي", n.normalize("كبير اوي"));
    }

    private IllegalArgumentException rejected(String text) {
      return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Lexicon.parse(new StringReader(text), "test"));
    }

    @Test
    void aHugePhraseIsRejectedWithAMessageNotAStackOverflow() {
      String huge = String.join(" ", java.util.Collections.nCopies(5000, "كلمة"));
      IllegalArgumentException e = rejected(huge + "\tكلمة\tcolloquial\n");
      assertEquals("lexicon test line 1: WRONG has 5000 words; at most 8", e.getMessage());
      e = rejected("كلمة\t" + "ب".repeat(41) + "\tcolloquial\n");
      assertTrue(e.getMessage().startsWith("lexicon test line 1: RIGHT '"), e.getMessage());
    }

    @Test
    void entriesThatChainAreRejectedAtLoad() {
      IllegalArgumentException e = rejected("عشان\tعلشان\tcolloquial\nعلشان\tلأن\tcolloquial\n");
      assertTrue(e.getMessage().contains("'عشان' (line 1) gives 'علشان'"), e.getMessage());
      assertTrue(e.getMessage().contains("(line 2)"), e.getMessage());
    }

    @Test
    void aUserEntryThatChainsWithTheBuiltInOnesIsRejected() throws IOException {
      // The built-in lexicon fixes الى: a user entry that gives الى would be changed again.
      Lexicon mine = Lexicon.parse(new StringReader("اليي\tالى\tmisspelling\n"), "mine");
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Lexicon.builtIn().plus(mine));
    }

    @Test
    void aLexiconWithMalformedUtf8NamesTheLineAndTheByteOffset() throws IOException {
      Path f = dir.resolve("bad.tsv");
      byte[] good = "عشان\tلأن\tcolloquial\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
      bytes[good.length] = 'x';
      bytes[good.length + 1] = (byte) 0xFF;
      bytes[good.length + 2] = '\n';
      Files.write(f, bytes);
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Lexicon.load(f));
      assertEquals("lexicon " + f + " line 2: malformed UTF-8 at byte offset " + (good.length + 1),
          e.getMessage());
    }

    @Test
    void userEntryReplacesTheBuiltInOne() throws IOException {
      Lexicon l = Lexicon.parse(new StringReader("الى\tالي\tmisspelling\n"), "test");
      assertEquals("الي", ArabicNormalizer.builder().add(Step.SPELLING).lexicon(l).build().normalize("الى"));
    }

    @Test
    void lexiconNeedsTheSpellingStep() {
      assertThrows(IllegalArgumentException.class,
          () -> ArabicNormalizer.builder().add(Step.ALEF).lexicon(Lexicon.builtIn()).build());
    }

    @Test
    void normalizersWithDifferentLexiconsAreNotEqual() throws IOException {
      Lexicon l = Lexicon.parse(new StringReader("كده\tهكذا\tcolloquial\n"), "test");
      ArabicNormalizer mine = ArabicNormalizer.builder().add(Preset.SOCIAL).lexicon(l).build();
      assertTrue(!mine.equals(ArabicNormalizer.SOCIAL));
      assertEquals(
          "html-entities,presentation-forms,invisible,tatweel,whitespace,elongation,spelling,orthography",
          mine.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "الى|line 1: expected WRONG<TAB>RIGHT<TAB>KIND[<TAB>CONDITIONS], found 1 field",
      "الى\tإلى\tslang|line 1: unknown kind 'slang'; valid kinds: colloquial, hamza, misspelling, spacing",
      "al\tإلى\thamza|line 1: WRONG 'al' must be Arabic words",
      "الى\tإلى\thamza\tprefix=و|line 1: unknown condition 'prefix=و'",
      "الى\tإلى\thamza\tprefixes=س|line 1: unknown prefix 'س'",
      "الى\tالى\thamza|line 1: WRONG and RIGHT are the same",
      "الى  الله\tإلى الله\thamza|line 1: WRONG 'الى  الله' must be Arabic words (letters only) separated by single spaces",
      "!|line 1: a counter-example is '!', a tab, and the text"
    })
    void badLinesFailWithTheLineNumberAndTheProblem(String line, String message) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Lexicon.parse(new StringReader(line.replace("\\t", "\t") + "\n"), "mine.tsv"));
      assertTrue(e.getMessage().startsWith("lexicon mine.tsv " + message), e.getMessage());
    }

    @Test
    void duplicateEntryNamesTheFirstLine() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lexicon.parse(
          new StringReader("# c\nالى\tإلى\thamza\nالى\tإلي\thamza\n"), "mine.tsv"));
      assertEquals("lexicon mine.tsv line 3: duplicate entry 'الى' (first at line 2)", e.getMessage());
    }
  }

  @Test
  void statsCountFixesPerEntry() {
    NormalizationStats stats = new NormalizationStats();
    ArabicNormalizer.SOCIAL.normalize("لاكن هاذا ولاكن", stats);
    assertEquals(2L, stats.details(Step.SPELLING).get("لاكن → لكن"));
    assertEquals(1L, stats.details(Step.SPELLING).get("هاذا → هذا"));
  }

  @Test
  void builtInLexiconIsVersioned() {
    assertTrue(Lexicon.builtIn().version().matches("\\d{4}\\.\\d+\\.\\d+"), Lexicon.builtIn().version());
    assertTrue(Lexicon.builtIn().size() >= 30);
  }

  private static final class Normalizer2Holder {
    static final com.ibm.icu.text.Normalizer2 NFC = com.ibm.icu.text.Normalizer2.getNFCInstance();
  }
}
