package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables are read from a file made ahead of time, and Hangul decompositions are computed. Here every BMP
 * character is asked of ICU directly, fact by fact, and so are a few astral ones.
 */
class UnicodeDataTest {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final UnicodeSet ARABIC_MARKS = new UnicodeSet(UnicodeData.Definitions.ARABIC_MARKS_PATTERN);
  private static final UnicodeSet ARABIC_LETTERS = new UnicodeSet(UnicodeData.Definitions.ARABIC_LETTERS_PATTERN);
  private static final UnicodeSet SPACES = new UnicodeSet(UnicodeData.Definitions.SPACE_SEPARATORS_PATTERN);
  private static final UnicodeSet ARABIC_SCRIPT = new UnicodeSet(UnicodeData.Definitions.ARABIC_SCRIPT_PATTERN);

  @Test
  void theSetsAreIcusSetsAstralPartIncluded() {
    assertEquals(ARABIC_MARKS, UnicodeData.ARABIC_MARKS);
    assertEquals(ARABIC_LETTERS, UnicodeData.ARABIC_LETTERS);
    assertEquals(SPACES, UnicodeData.SPACE_SEPARATORS);
    assertEquals(ARABIC_SCRIPT, UnicodeData.ARABIC_SCRIPT);
    assertEquals(new UnicodeSet("[\\u00AD\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064"
        + "\\u2066-\\u206F\\uFEFF]"), UnicodeData.INVISIBLE);
  }

  @Test
  void astralCharactersHaveTheFactsIcuGives() {
    for (int c : new int[] {0x10EFC, 0x10EC2, 0x1EE00, 0x1D15E, 0x1D165, 0x20BB7, 0x1F600, 0x10FFFD}) {
      assertEquals(ARABIC_MARKS.contains(c), UnicodeData.isArabicMark(c), Integer.toHexString(c));
      assertEquals(UCharacter.isLetter(c), UnicodeData.isLetter(c), Integer.toHexString(c));
      assertEquals(NFC.getCombiningClass(c), UnicodeData.ccc(c), Integer.toHexString(c));
      assertEquals(NFD.getDecomposition(c), UnicodeData.decomposition(c), Integer.toHexString(c));
    }
  }

  @Test
  void everyBmpCharacterHasTheFactsIcuGives() {
    List<String> wrong = new ArrayList<>();
    for (int c = 0; c < 0x10000; c++) {
      String expected = facts(c, ARABIC_MARKS.contains(c), ARABIC_LETTERS.contains(c), SPACES.contains(c),
          UnicodeData.INVISIBLE.contains(c), ARABIC_SCRIPT.contains(c), UCharacter.isLetter(c),
          NFC.getCombiningClass(c),
          NFC.hasBoundaryBefore(c), UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) == 1,
          Character.isSurrogate((char) c) ? null : NFD.getDecomposition(c),
          NFC.getCombiningClass(c) != 0 || ARABIC_MARKS.contains(c));
      String actual = facts(c, UnicodeData.isArabicMark(c), UnicodeData.isArabicLetter(c),
          UnicodeData.isSpaceSeparator(c), UnicodeData.isInvisible(c), UnicodeData.isArabicScript(c),
          UnicodeData.isLetter(c), UnicodeData.ccc(c), UnicodeData.hasBoundaryBefore(c), UnicodeData.nfcYes(c),
          UnicodeData.decomposition(c), UnicodeData.isMark(c));
      if (!expected.equals(actual) && wrong.size() < 10) {
        wrong.add(actual + " instead of " + expected);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void plainIsEveryDefaultFactAtOnce() {
    boolean[] table = UnicodeData.plainBmp();
    for (int c = 0; c < 0x10000; c++) {
      boolean plain = !Character.isSurrogate((char) c) && NFC.getCombiningClass(c) == 0 && NFC.hasBoundaryBefore(c)
          && UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) == 1 && NFD.getDecomposition(c) == null
          && !ARABIC_MARKS.contains(c);
      assertEquals(plain, table[c], String.format("U+%04X", c));
    }
  }

  private static String facts(int c, boolean arabicMark, boolean arabicLetter, boolean space, boolean invisible,
      boolean arabicScript, boolean letter, int ccc, boolean boundary, boolean nfcYes, String decomposition,
      boolean mark) {
    return String.format("U+%04X mark=%b/%b letter=%b/%b space=%b invisible=%b script=%b ccc=%d boundary=%b "
        + "nfcYes=%b nfd=%s", c, arabicMark, mark, arabicLetter, letter, space, invisible, arabicScript, ccc,
        boundary, nfcYes, decomposition);
  }
}
