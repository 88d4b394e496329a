package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
    assertEquals("اللي للقب اللورد كل", run("الللي لللقب الللورد كللللل"));
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
}
