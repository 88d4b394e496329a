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
  void withNoDictionaryMatchOneLetterIsKept() {
    assertEquals("كتير", run("كتيييير"));
  }

  @Test
  void elongationInsideSearchRunsOnFoldedLetters() {
    assertEquals("جميل", ArabicNormalizer.SEARCH.normalize("جمِيييييل"));
  }
}
