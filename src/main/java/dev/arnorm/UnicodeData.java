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

  /** The format controls the invisible step removes (ZWNJ and ZWJ are not among them). */
  static final UnicodeSet INVISIBLE = new UnicodeSet(
      "[\\u00AD\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF]")
      .freeze();
  static final UnicodeSet SPACE_SEPARATORS = new UnicodeSet("[:Zs:]").freeze();
  /** Arabic letters and marks, including presentation forms: what the html residue rules call Arabic. */
  static final UnicodeSet ARABIC_SCRIPT = new UnicodeSet(
      "[[[:sc=Arabic:][:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]]&[[:L:][:M:]]]")
      .freeze();

  private static final int F_ARABIC_MARK = 1;
  private static final int F_ARABIC_LETTER = 2;
  private static final int F_SPACE_SEPARATOR = 4;
  private static final int F_INVISIBLE = 8;
  private static final int F_ARABIC_SCRIPT = 16;
  private static final int F_LETTER = 32;
  /** Set membership for the BMP, one lookup instead of a binary search per character. */
  private static final byte[] FLAGS = new byte[0x10000];

  private static final byte[] CCC = new byte[0x10000];
  private static final boolean[] BOUNDARY_BEFORE = new boolean[0x10000];
  private static final boolean[] NFC_YES = new boolean[0x10000];
  private static final String[] DECOMPOSITION = new String[0x10000];
  private static final boolean[] MARK = new boolean[0x10000];

  /**
   * The BMP characters whose normalization facts are not the default (combining class 0, NFC_Quick_Check
   * Yes, a boundary before, no decomposition): those with a nonzero class, NFC_QC No or Maybe, or a
   * canonical decomposition. Only they are asked of ICU one by one; {@code UnicodeDataTest} checks the
   * result against asking ICU about every character.
   */
  private static final UnicodeSet NORMALIZATION_SPECIAL = new UnicodeSet(
      "[[:^ccc=0:][:NFC_QC=N:][:NFC_QC=M:][:NFD_QC=N:]]").freeze();

  static {
    // Filled range by range from the sets, rather than a lookup per character: this runs at start-up,
    // where a loop of ICU calls over 65,536 characters took about 150 ms.
    setFlag(ARABIC_MARKS, F_ARABIC_MARK);
    setFlag(ARABIC_LETTERS, F_ARABIC_LETTER);
    setFlag(SPACE_SEPARATORS, F_SPACE_SEPARATOR);
    setFlag(INVISIBLE, F_INVISIBLE);
    setFlag(ARABIC_SCRIPT, F_ARABIC_SCRIPT);
    setFlag(new UnicodeSet("[:L:]"), F_LETTER);
    java.util.Arrays.fill(BOUNDARY_BEFORE, true);
    java.util.Arrays.fill(NFC_YES, true);
    for (UnicodeSet.EntryRange r : NORMALIZATION_SPECIAL.ranges()) {
      for (int c = r.codepoint; c <= r.codepointEnd && c < 0x10000; c++) {
        CCC[c] = (byte) NFC.getCombiningClass(c);
        BOUNDARY_BEFORE[c] = NFC.hasBoundaryBefore(c);
        NFC_YES[c] = UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) == 1;
        if (!Character.isSurrogate((char) c)) {
          DECOMPOSITION[c] = NFD.getDecomposition(c);
        }
      }
    }
    for (int c = 0; c < 0x10000; c++) {
      MARK[c] = CCC[c] != 0 || (FLAGS[c] & F_ARABIC_MARK) != 0;
    }
  }

  private static void setFlag(UnicodeSet set, int flag) {
    for (UnicodeSet.EntryRange r : set.ranges()) {
      for (int c = r.codepoint; c <= r.codepointEnd && c < 0x10000; c++) {
        FLAGS[c] |= flag;
      }
    }
  }

  private UnicodeData() {}

  private static int flags(int c) {
    return (ARABIC_MARKS.contains(c) ? F_ARABIC_MARK : 0) | (ARABIC_LETTERS.contains(c) ? F_ARABIC_LETTER : 0)
        | (SPACE_SEPARATORS.contains(c) ? F_SPACE_SEPARATOR : 0) | (INVISIBLE.contains(c) ? F_INVISIBLE : 0)
        | (ARABIC_SCRIPT.contains(c) ? F_ARABIC_SCRIPT : 0) | (UCharacter.isLetter(c) ? F_LETTER : 0);
  }

  private static boolean has(int cp, int flag) {
    return cp >= 0 && (cp < 0x10000 ? (FLAGS[cp] & flag) != 0 : (flags(cp) & flag) != 0);
  }

  static boolean isArabicLetter(int cp) {
    return has(cp, F_ARABIC_LETTER);
  }

  static boolean isSpaceSeparator(int cp) {
    return has(cp, F_SPACE_SEPARATOR);
  }

  static boolean isInvisible(int cp) {
    return has(cp, F_INVISIBLE);
  }

  /** Arabic-script letter or mark, presentation forms included. */
  static boolean isArabicScript(int cp) {
    return has(cp, F_ARABIC_SCRIPT);
  }

  static boolean isLetter(int cp) {
    return has(cp, F_LETTER);
  }

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
    return has(cp, F_ARABIC_MARK);
  }
}
