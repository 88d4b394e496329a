package dev.arnorm;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;

/**
 * Unicode facts the engine looks up per character, precomputed once from ICU4J for the BMP so that the hot
 * loops do array reads instead of ICU calls. Astral code points fall back to ICU.
 */
final class UnicodeData {
  static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();

  /**
   * Every Arabic combining mark: general category Mn in the Arabic blocks (Arabic, Supplement, Extended-A/B/C,
   * Presentation Forms-A/B), as ICU reports them. U+08E2 (disputed end of ayah) is a format character, not a
   * mark, and is not included.
   */
  static final UnicodeSet ARABIC_MARKS = new UnicodeSet(
          "[[:Mn:]&[[:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]"
              + "[:Block=Arabic_Extended_B:][:Block=Arabic_Extended_C:]"
              + "[:Block=Arabic_Presentation_Forms_A:][:Block=Arabic_Presentation_Forms_B:]]]")
      .freeze();

  /**
   * Arabic letters: general category L in the Arabic blocks, without tatweel. Closed under canonical
   * decomposition (ۀ is ە + U+0654, both here or marks).
   */
  static final UnicodeSet ARABIC_LETTERS = new UnicodeSet(
          "[[:L:]&[[:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]"
              + "[:Block=Arabic_Extended_B:]]-[\\u0640]]")
      .freeze();

  private static final byte[] CCC = new byte[0x10000];
  private static final boolean[] BOUNDARY_BEFORE = new boolean[0x10000];
  private static final boolean[] NFC_YES = new boolean[0x10000];
  private static final String[] DECOMPOSITION = new String[0x10000];
  private static final boolean[] MARK = new boolean[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) {
      CCC[c] = (byte) NFC.getCombiningClass(c);
      BOUNDARY_BEFORE[c] = NFC.hasBoundaryBefore(c);
      NFC_YES[c] = UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) == 1;
      MARK[c] = CCC[c] != 0 || ARABIC_MARKS.contains(c);
      if (!Character.isSurrogate((char) c)) {
        DECOMPOSITION[c] = NFD.getDecomposition(c);
      }
    }
  }

  private UnicodeData() {}

  /** Canonical combining class, 0..254. */
  static int ccc(int cp) {
    return cp < 0x10000 ? CCC[cp] & 0xFF : NFC.getCombiningClass(cp);
  }

  /** True when an NFC segment starts at {@code cp}: nothing before it can compose or reorder with it. */
  static boolean hasBoundaryBefore(int cp) {
    return cp < 0x10000 ? BOUNDARY_BEFORE[cp] : NFC.hasBoundaryBefore(cp);
  }

  /** True when {@code cp} has NFC_Quick_Check = Yes. */
  static boolean nfcYes(int cp) {
    return cp < 0x10000
        ? NFC_YES[cp]
        : UCharacter.getIntPropertyValue(cp, UProperty.NFC_QUICK_CHECK) == 1;
  }

  /** The full canonical decomposition of {@code cp}, or null when it has none. */
  static String decomposition(int cp) {
    return cp < 0x10000 ? DECOMPOSITION[cp] : NFD.getDecomposition(cp);
  }

  /**
   * True for a combining mark: a nonzero combining class, or an Arabic nonspacing mark (U+10EFC has class 0).
   * Marks attach to the last non-mark before them, their base.
   */
  static boolean isMark(int cp) {
    return cp < 0x10000 ? MARK[cp] : NFC.getCombiningClass(cp) != 0 || ARABIC_MARKS.contains(cp);
  }

  static boolean isArabicMark(int cp) {
    return ARABIC_MARKS.contains(cp);
  }
}
