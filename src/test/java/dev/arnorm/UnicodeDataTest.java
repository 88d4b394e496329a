package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BMP tables are filled range by range at start-up, and ICU is asked one by one only about characters
 * with special normalization facts. Here every character is asked of ICU directly, fact by fact.
 */
class UnicodeDataTest {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  @Test
  void everyBmpCharacterHasTheFactsIcuGives() {
    List<String> wrong = new ArrayList<>();
    for (int c = 0; c < 0x10000; c++) {
      String expected = facts(c, UnicodeData.ARABIC_MARKS.contains(c), UnicodeData.ARABIC_LETTERS.contains(c),
          UnicodeData.SPACE_SEPARATORS.contains(c), UnicodeData.INVISIBLE.contains(c),
          UnicodeData.ARABIC_SCRIPT.contains(c), UCharacter.isLetter(c), NFC.getCombiningClass(c),
          NFC.hasBoundaryBefore(c), UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) == 1,
          Character.isSurrogate((char) c) ? null : NFD.getDecomposition(c),
          NFC.getCombiningClass(c) != 0 || UnicodeData.ARABIC_MARKS.contains(c));
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

  private static String facts(int c, boolean arabicMark, boolean arabicLetter, boolean space, boolean invisible,
      boolean arabicScript, boolean letter, int ccc, boolean boundary, boolean nfcYes, String decomposition,
      boolean mark) {
    return String.format("U+%04X mark=%b/%b letter=%b/%b space=%b invisible=%b script=%b ccc=%d boundary=%b "
        + "nfcYes=%b nfd=%s", c, arabicMark, mark, arabicLetter, letter, space, invisible, arabicScript, ccc,
        boundary, nfcYes, decomposition);
  }
}
