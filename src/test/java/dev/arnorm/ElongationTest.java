package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.WordList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElongationTest {
  private static String run(String s) {
    return Step.ELONGATION.normalizer().normalize(s);
  }

  @Test
  void repeatedLetterBecomesOneWhenThatIsAWord() {
    assertEquals("جميل جدا يا", run("جمييييل جداااا ياااا"));
  }

  @Test
  void repeatedLetterBecomesTwoWhenOnlyTwoMakeAWord() {
    assertEquals("ممتاز", run("مممتاز"));
  }

  @Test
  void allahKeepsItsDoubleLam() {
    assertEquals("الله والله", run("اللللله واللللله"));
  }

  @Test
  void laughterBecomesThreeHeh() {
    assertEquals("ههه ههه", run("ههههههههه ههه"));
  }

  @Test
  void wordsTheDictionaryKnowsWithATripleLetterStay() {
    String s = "تتتابع تشتتت";
    assertSame(s, run(s));
  }

  @Test
  void digitsAndLatinAreNeverTouched() {
    String s = "1000 sooo ١١١١";
    assertSame(s, run(s));
  }

  @Test
  void lettersWrittenTwiceAreNotElongation() {
    String s = "الله ممن مستمر";
    assertSame(s, run(s));
  }

  @Test
  void whenNoReductionIsAWordTheRunBecomesOneLetter() {
    assertEquals("كتير ايش برافو", run("كتيييير ايششش برافووووو"));
  }

  @Test
  void frequencyDecidesBetweenTwoWordsOneAndTwoLetters() {
    // قووم and قوم are both stems; قوم is by far the more frequent, as ممكن is against مكن.
    assertEquals("قوم ممكن كمان", run("قوووم ممممكن كمااان"));
  }

  @Test
  void aPairIsNotSplitBetweenAProcliticAndTheStem() {
    assertEquals("ياه", run("يااااه"));
  }

  @Test
  void aDoubledLetterThatMakesAWordWinsOverOne() {
    assertEquals("ممكن ممنوع السوريين عراقيين", run("ممممكن مممنوع السورييين عراقييين"));
  }

  @Test
  void aRunOfLamIsNeverKnownThroughTheArticle() {
    // Arabic never writes three lams: ال + له is no reading of اللله.
    assertEquals("الله اللجنة الليل للأسف", run("اللله الللجنة اللليل للللأسف"));
  }

  @Test
  void aLamRunWhereTheArticleMeetsALamStandsForTwo() {
    assertEquals("اللي اللورد كل الذي", run("الللي الللورد كللللل الللذي"));
  }

  @Test
  void twoWordsWrittenTogetherCountForALamRun() {
    assertEquals("الحمدلله", run("الحمدللله"));
  }

  @Test
  void aWordOfOneLetterRepeatedBecomesThreeOfIt() {
    assertEquals("خخخ ممم ههه", run("خخخخخ مممممم ههههه"));
  }

  @Test
  void aOneLetterSuffixIsNoDoubleOfTheLetterBeforeIt() {
    // جداا would be جدا + the suffix ا; يا + ا likewise.
    assertEquals("جدا يا لا", run("جداااا ياااا لاااا"));
  }

  @Test
  void elongationInsideSearchRunsOnFoldedLetters() {
    assertEquals("جميل", ArabicNormalizer.SEARCH.normalize("جمِيييييل"));
  }

  @Test
  void searchKeepsRunsThatTheFoldsMadeInRealWords() {
    assertEquals("البيييه جزيييه الفداييين اخصاييين",
        ArabicNormalizer.SEARCH.normalize("البيئية جزيئية الفدائيين أخصائيين"));
  }

  @Test
  void searchUsesTheFoldedDictionaryToChooseTheDouble() {
    // مسؤول folds to مسوول: a stretched مسؤووول comes out as the folded word.
    assertEquals("مسوول", ArabicNormalizer.SEARCH.normalize("مسؤووول"));
  }

  @Test
  void searchIsIdempotentOnWordsWhoseFoldsMakeRuns() {
    for (String w : new String[] {"البيئية", "شيئين", "السينمائيين", "بيئي", "مسؤووول", "آاالان"}) {
      String once = ArabicNormalizer.SEARCH.normalize(w);
      assertSame(once, ArabicNormalizer.SEARCH.normalize(once), w);
    }
  }

  @Test
  void everyListedWordWhoseFoldsMakeARunStaysWholeUnderSearch() {
    ArabicNormalizer foldsOnly = ArabicNormalizer.parse(
        "html-entities,presentation-forms,invisible,diacritics,tatweel,whitespace,alef,ya,teh-marbuta,"
            + "persian-letters,hamza,digits,punctuation");
    int checked = 0;
    for (String w : ElongationRule.readList(ElongationRule.FOLD_RUNS_RESOURCE)) {
      for (String form : new String[] {w, "و" + w}) {
        assertEquals(foldsOnly.normalize(form), ArabicNormalizer.SEARCH.normalize(form), form);
        checked++;
      }
    }
    assertTrue(checked > 400, "checked " + checked);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> foldLetterWords() {
    return net.jqwik.api.Arbitraries.of("ي", "ئ", "ى", "ی", "و", "ؤ", "ا", "أ", "إ", "آ", "ة", "ه", "ھ", "ل", "م",
        "ن", "ب", "ت", "ـ", "\u0654", " ").list().ofMinSize(1).ofMaxSize(14).map(l -> String.join("", l));
  }

  /** Issue 13, item 1: runs the folds make are decided on the folded word, so a second pass agrees. */
  @net.jqwik.api.Property(tries = 5000)
  void searchIsIdempotentOnWordsOfFoldedLetters(@net.jqwik.api.ForAll("foldLetterWords") String s) {
    String once = ArabicNormalizer.SEARCH.normalize(s);
    assertEquals(once, ArabicNormalizer.SEARCH.normalize(once), () -> NormalizerProperties.codePoints(s));
  }

  @Test
  void theLetterFoldTableGivesWhatTheEngineGivesOnEveryStem() {
    List<Step> folds = List.of(Step.ALEF, Step.YA, Step.TEH_MARBUTA, Step.PERSIAN_LETTERS, Step.HAMZA);
    java.util.function.UnaryOperator<String> table = ElongationRule.letterFold(Steps.kinds(folds));
    ArabicNormalizer engine = ArabicNormalizer.of(folds.toArray(new Step[0]));
    int n = 0;
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        new java.util.zip.GZIPInputStream(WordList.class.getResourceAsStream("/dev/arnorm/" + WordList.RESOURCE)),
        java.nio.charset.StandardCharsets.UTF_8))) {
      for (String w = r.readLine(); w != null; w = r.readLine()) {
        if (!w.startsWith("#")) {
          assertEquals(engine.normalize(w), table.apply(w), w);
          n++;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(n > 100_000, "stems: " + n);
  }
}
