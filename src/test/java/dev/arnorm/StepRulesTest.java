package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.rules.DiacriticsRule;
import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.StepId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule per test, with literal Arabic; invisible characters are spelled as escapes. */
class StepRulesTest {

  private static String run(Step step, String in) {
    return step.normalizer().normalize(in);
  }

  private static String run(String spec, String in) {
    return ArabicNormalizer.parse(spec).normalize(in);
  }

  @Nested
  class PresentationForms {
    @Test
    void contextualFormsBecomeLetters() {
      assertEquals("مرحبا", run(Step.PRESENTATION_FORMS, "ﻣﺮﺣﺒﺎ"));
    }

    @Test
    void lamAlefWithHamzaKeepsTheHamza() {
      assertEquals("لأ", run(Step.PRESENTATION_FORMS, "\uFEF7"));
      assertEquals("لإ", run(Step.PRESENTATION_FORMS, "\uFEF9"));
      assertEquals("لآ", run(Step.PRESENTATION_FORMS, "\uFEF5"));
      assertEquals("لا", run(Step.PRESENTATION_FORMS, "\uFEFB"));
    }

    @Test
    void allahAndSallaLigaturesExpand() {
      assertEquals("الله", run(Step.PRESENTATION_FORMS, "\uFDF2"));
      assertEquals("صلى الله عليه وسلم", run(Step.PRESENTATION_FORMS, "\uFDFA"));
    }

    @Test
    void compatibilityCharactersOutsideTheArabicBlocksStay() {
      String s = "ﬁ ² Ａ ①";
      assertSame(s, run(Step.PRESENTATION_FORMS, s));
    }

    @Test
    void rialSignAndOrnateParenthesesStay() {
      String s = "\uFDFC \uFD3E\uFD3F \uFDFD";
      assertSame(s, run(Step.PRESENTATION_FORMS, s));
    }
  }

  @Nested
  class Invisible {
    @Test
    void bidiMarksAreRemoved() {
      assertEquals("مرحبا", run(Step.INVISIBLE, "\u200Fمرحبا\u200E\u061C"));
    }

    @Test
    void embeddingsIsolatesBomZwspAndSoftHyphenAreRemoved() {
      assertEquals("كلمة", run(Step.INVISIBLE, "\uFEFF\u202Bك\u200Bل\u2067م\u2069ة\u202C\u00AD"));
    }

    @Test
    void zwnjAndZwjAreKept() {
      String s = "می\u200Cخواهم \uD83D\uDC68\u200D\uD83D\uDC69";
      assertSame(s, run(Step.INVISIBLE, s));
    }
  }

  @Nested
  class Whitespace {
    @Test
    void unicodeSpacesBecomeSpace() {
      assertEquals("في البيت الكبير", run(Step.WHITESPACE, "في\u00A0البيت\u2003الكبير"));
      assertEquals("a b c d", run(Step.WHITESPACE, "a\u202Fb\u205Fc\u3000d"));
    }

    @Test
    void runsOfSpacesAndTabsBecomeOneSpace() {
      assertEquals("في البيت", run(Step.WHITESPACE, "في  \t \u00A0البيت"));
    }

    @Test
    void aSingleTabStays() {
      String s = "عمود\tعمود";
      assertSame(s, run(Step.WHITESPACE, s));
    }

    @Test
    void lineBreaksAreKeptExactly() {
      String s = "سطر\r\nسطر\nسطر\r\n\n\u2028";
      assertSame(s, run(Step.WHITESPACE, s));
      assertEquals("a \r\n b\n", run(Step.WHITESPACE, "a  \r\n   b\n"));
    }
  }

  @Nested
  class Tatweel {
    @Test
    void tatweelIsRemoved() {
      assertEquals("مرحبا", run(Step.TATWEEL, "مـــرحـبـا"));
    }

    @Test
    void tatweelCarryingHamzaIsKeptAsItsSeat() {
      String s = "يَسۡـَٔلُونَ";
      assertSame(s, run(Step.TATWEEL, s));
    }

    @Test
    void marksOnARemovedTatweelMoveToTheLetterBefore() {
      assertEquals("مَرحبا", run(Step.TATWEEL, "مـَرحبا"));
    }

    @Test
    void tatweelJoinedToNoLetterIsADashAndStays() {
      String s = "3 ـ تعيين";
      assertSame(s, run(Step.TATWEEL, s));
      assertSame("اللازمة ـ شفاه الله ـ، وقال", run(Step.TATWEEL, "اللازمة ـ شفاه الله ـ، وقال"));
    }

    @Test
    void aRunOfTatweelsJoinedToNoLetterStaysWhole() {
      String s = "أولا ــــ ثانيا\nـــ";
      assertSame(s, run(Step.TATWEEL, s));
    }

    @Test
    void tatweelAtTheEdgeOfAWordGoes() {
      assertEquals("مرحبا ، بكم", run(Step.TATWEEL, "مرحباـ ، ـبكم"));
    }

    @Test
    void tatweelBetweenTheArticleAndDigitsIsAJoinerAndGoes() {
      assertEquals("ال84 وال", run(Step.TATWEEL, "الـ84 والـ"));
    }

    @Test
    void aLetterAcrossMarksStillJoins() {
      assertEquals("بَ ـ", run(Step.TATWEEL, "بَـ ـ"));
    }

    @Test
    void aPresentationFormJoinsLikeTheLetterItShows() {
      assertEquals("\uFEE3", run(Step.TATWEEL, "\uFEE3\u0640"));
    }

    @Test
    void lightKeepsTheDashWithTheRestOfTheLine() {
      assertEquals("3 ـ تعيين مرحبا", ArabicNormalizer.LIGHT.normalize("3\u00A0ـ تعيين مـــرحبا"));
    }
  }

  @Nested
  class Diacritics {
    @Test
    void harakatTanweenShaddaSukunAreRemoved() {
      assertEquals("محمد كتب علما", run(Step.DIACRITICS, "مُحَمَّدٌ كَتَبْ عِلْمًا"));
    }

    @Test
    void quranicMarksAndDaggerAlefAreRemoved() {
      assertEquals("ذلك الكتب لا ريب", run(Step.DIACRITICS, "ذَٰلِكَ ٱلۡكِتَٰبُ لَا رَيۡبَۛ"
          .replace("ٱ", "ا")));
    }

    @Test
    void extendedMarksAreRemoved() {
      assertEquals("ب", run(Step.DIACRITICS, "ب\u08F0\u08CA\u0898\u0610\u06ED"));
    }

    @Test
    void theSmallLettersAreToldAlikeBySetAndComparison() {
      for (int cp = 0; cp <= 0xFFFF; cp++) {
        assertEquals(DiacriticsRule.SMALL_LETTERS.contains(cp), DiacriticsRule.isSmallLetter(cp), "U+" + cp);
      }
    }

    @Test
    void aKeptMaddaStaysBeforeAMarkOfItsClassThatFollowedIt() {
      // آ + U+0301: the madda and the acute share class 230, so their order is part of the text.
      assertEquals("\u0622\u0301", run(Step.DIACRITICS, "\u0622\u0301"));
    }

    @Test
    void decomposedHamzaComposesWithItsLetterAndIsKept() {
      assertEquals("أحمد", run(Step.DIACRITICS, "ا\u0654حمد"));
      assertEquals("إسلام", run(Step.DIACRITICS, "ا\u0655سلام"));
      assertEquals("آخر", run(Step.DIACRITICS, "ا\u0653خر"));
      assertEquals("مؤمن", run(Step.DIACRITICS, "مو\u0654من"));
      assertEquals("شئ", run(Step.DIACRITICS, "شي\u0654"));
    }

    @Test
    void hamzaIsKeptWhenOtherMarksStandBetween() {
      assertEquals("أحمد", run(Step.DIACRITICS, "اَ\u0654حْمَد"));
    }

    @Test
    void hamzaMarkThatComposesWithNothingIsRemoved() {
      assertEquals("بر", run(Step.DIACRITICS, "ب\u0654ر"));
    }

    @Test
    void markDanglingAfterASpaceIsRemoved() {
      assertEquals("عن ابي", run(Step.DIACRITICS, "عن َابي"));
    }

    @Test
    void latinAccentsAreNotArabicMarks() {
      String s = "résumé";
      assertSame(s, run(Step.DIACRITICS, s));
      assertEquals("résumé", run(Step.DIACRITICS, "re\u0301sume\u0301"));
    }
  }

  @Nested
  class Alef {
    @Test
    void hamzaMaddaAndWaslaFormsBecomeBareAlef() {
      assertEquals("احمد الى اخر الرحمن", run(Step.ALEF, "أحمد إلى آخر ٱلرحمن"));
    }

    @Test
    void wavyHamzaAndHighHamzaAlefsBecomeBareAlef() {
      assertEquals("ااا", run(Step.ALEF, "\u0672\u0673\u0675"));
    }

    @Test
    void decomposedFormsFoldToo() {
      assertEquals("احمد", run(Step.ALEF, "ا\u0654حمد"));
    }

    @Test
    void otherLettersWithHamzaStay() {
      String s = "مؤمن شئ سماء";
      assertSame(s, run(Step.ALEF, s));
    }
  }

  @Nested
  class Ya {
    @Test
    void alefMaksuraFarsiYehAndYehBarreeBecomeYeh() {
      assertEquals("علي في هاي", run(Step.YA, "على فی هاے"));
    }
  }

  @Nested
  class TehMarbuta {
    @Test
    void tehMarbutaBecomesHeh() {
      assertEquals("مدرسه", run(Step.TEH_MARBUTA, "مدرسة"));
      assertEquals("ه", run(Step.TEH_MARBUTA, "\u06C3"));
    }
  }

  @Nested
  class Hamza {
    @Test
    void hamzaOnWawAndYehBecomesTheSeat() {
      assertEquals("مسوول بير", run(Step.HAMZA, "مسؤول بئر"));
    }

    @Test
    void loneHamzaAndHamzaOnAlefStay() {
      String s = "سماء أحمد";
      assertSame(s, run(Step.HAMZA, s));
    }
  }

  @Nested
  class PersianLetters {
    @Test
    void kehehBecomesKaf() {
      assertEquals("كتاب", run(Step.PERSIAN_LETTERS, "کتاب"));
    }

    @Test
    void hehVariantsBecomeHeh() {
      assertEquals("كتابه زاده ه", run(Step.PERSIAN_LETTERS, "كتابۀ زادہ ە"));
      assertEquals("كتابه", run(Step.PERSIAN_LETTERS, "كتابه\u0654"));
    }
  }

  @Nested
  class Digits {
    @Test
    void arabicIndicAndPersianDigitsBecomeAscii() {
      assertEquals("2014 و 1393", run(Step.DIGITS, "٢٠١٤ و ۱۳۹۳"));
    }
  }

  @Nested
  class Punctuation {
    @Test
    void arabicPunctuationBecomesAscii() {
      assertEquals("نعم, لا; كيف? 50% 3.5 1,000", run(Step.PUNCTUATION, "نعم، لا؛ كيف؟ 50٪ 3٫5 1٬000"));
    }
  }

  @Test
  void luceneAloneMapsTheCodeUnitsAsWrittenAndKeepsAnyOtherMark() {
    // U+0623 U+0653 (the NFC of ا U+0654 U+0653): Lucene folds the hamza-alef and keeps the madda as a mark.
    assertEquals("\u0627\u0653خره", ArabicNormalizer.LUCENE.normalize("\u0623\u0653خرة"));
    assertEquals("\u0627\u0653خره", ArabicNormalizer.LUCENE.normalize("\u0627\u0653خره"));
  }

  @Test
  void luceneAloneKeepsADecomposedHamzaAsLuceneDoes() {
    assertEquals("\u0627\u0654حمد", ArabicNormalizer.LUCENE.normalize("\u0627\u0654حمد"));
    assertEquals("\u0627\u0654", ArabicNormalizer.LUCENE.normalize("\u0627\u0640\u0654"));
    assertEquals("احمد", ArabicNormalizer.LUCENE.normalize("\u0623حمد"));
  }

  @Test
  void luceneInAPipelineSeesTheNfcOutputOfTheStepsBefore() {
    // After tatweel (whose output is NFC), ا U+0654 is أ and folds.
    assertEquals("احمد", run("tatweel,lucene", "\u0627\u0654حمد"));
  }

  /** Lucene's published Arabic normalization vectors (TestArabicNormalizationFilter). */
  @ParameterizedTest
  @CsvSource({
    "آجن, اجن", "أحمد, احمد", "إعاذ, اعاذ", "بنى, بني", "فاطمة, فاطمه", "روبرـــــت, روبرت",
    "مَبنا, مبنا", "علِي, علي", "بُوات, بوات", "ولداً, ولدا", "ولدٍ, ولد", "ولدٌ, ولد", "نلْسون, نلسون",
    "هتميّ, هتمي"
  })
  void luceneArabicVectors(String in, String out) {
    assertEquals(out, ArabicNormalizer.LUCENE.normalize(in));
    assertEquals(out, ArabicNormalizer.SEARCH.normalize(in));
  }

  /** Lucene's published Persian normalization vectors (TestPersianNormalizationFilter). */
  @ParameterizedTest
  @CsvSource({"های, هاي", "هاے, هاي", "کشاندن, كشاندن", "كتابۀ, كتابه", "كتابهٔ, كتابه", "زادہ, زاده"})
  void lucenePersianVectors(String in, String out) {
    assertEquals(out, run("ya,persian-letters", in));
    assertEquals(out, ArabicNormalizer.SEARCH.normalize(in));
  }

  /** An html-entities step reads a reference through what later steps delete; it skips the word steps' rules. */
  @Test
  void theStepsThatDecideOnWordsDeleteNothingWhereverItStands() {
    for (StepId s : StepId.values()) {
      Rule r = s.rule();
      // The same steps the engine takes for word steps, by their rules: elongation and the word lookups.
      assertEquals(r instanceof ElongationRule || r.wordTriggers() != null, s.decidesOnWords(), s.id());
      if (s.decidesOnWords()) {
        assertTrue(r.deletedAmongAscii().isEmpty(), s.id());
      }
    }
  }
}
