package dev.arnorm.engine;

import dev.arnorm.unicode.UnicodeData;

/**
 * Aligns a source piece with the output it became, between two anchors of an {@link OffsetTracker}, and
 * records the changed regions in {@link Changes}. A piece is usually one char; at most a word, a phrase, a
 * reference or a run of blanks. How: see {@link #align}. Not thread-safe: one per tracker, its buffers
 * reused from piece to piece.
 */
final class PieceAligner {
  private final Changes changes;

  PieceAligner(Changes changes) {
    this.changes = changes;
  }

  /** Past this many cells ((source chars + 1) x (output chars + 1)), a middle is not aligned char by char. */
  private static final int MAX_CELLS = 1 << 14;
  private int[] cells = new int[256];
  /** Cut points of the piece being aligned: pairs (index in the source piece, index in the output piece). */
  private int[] cuts = new int[64];
  private int cutCount;

  /**
   * Records the regions between two anchors: source {@code src[0, ls)} (at source index {@code s0}) became
   * {@code dst[d, d + lo)} (at output index {@code o0}).
   *
   * <p>The two pieces are cut where they agree: the ends that are equal char by char (any two blanks
   * are) and, in a small middle (a word or two), the chars of a longest common subsequence of
   * {@link #similar} chars (equal, or variants of one letter), so that {@code لاكن هاذا} to {@code لكن هذا}
   * loses one alef in each word and nothing else moves. Then three rules remove cuts: none inside a surrogate pair; none between a base and a mark on
   * either side (a letter and the marks removed from it, or composed into it, are one region); and none
   * before inserted text, which joins the char before it ({@code ان} to {@code إن }: the space belongs to
   * the {@code ن}), so that every region has a source and spans map back and forth. The stretches between
   * cuts that differ are the regions.
   */
  void align(CharSequence src, int ls, CharSequence dst, int d, int lo, int s0, int o0) {
    cutCount = 0;
    cut(0, 0);
    int min = Math.min(ls, lo);
    int p = 0;
    // The ends are matched exactly (a blank with a blank: a collapsed run keeps its first): a letter's
    // variant there could take the place of an equal letter after it (يييئ to يئ keeps the first ي and the
    // ئ; the two ي between go). Variants are matched in the middle.
    while (p < min && sameEnd(src.charAt(p), dst.charAt(d + p))) {
      cut(++p, p);
    }
    int q = 0;
    while (q < min - p && sameEnd(src.charAt(ls - 1 - q), dst.charAt(d + lo - 1 - q))) {
      q++;
    }
    // Blanks the whitespace step removed at either end of the middle are a deletion of their own, not part
    // of the change next to them (two NBSP before a letter a step rewrote).
    int sx = p;
    int sy = p;
    int ex = ls - q;
    int ey = lo - q;
    if (sy == ey || !isBlank(dst.charAt(d + sy))) {
      while (sx < ex && isBlank(src.charAt(sx))) {
        sx++;
      }
      cut(sx, sy);
    }
    int tail = ex;
    if (sy == ey || !isBlank(dst.charAt(d + ey - 1))) {
      while (tail > sx && isBlank(src.charAt(tail - 1))) {
        tail--;
      }
    }
    int ms = tail - sx;
    int mo = ey - sy;
    // Not inside a reference: the 1 of &#x31; is not the 1 it became.
    // Nor with a ligature of words: the letters it became are not the source's.
    // Nor where the output is the source's NFC (marks reordered or composed): that is one change.
    if (ms > 0 && mo > 0 && (long) (ms + 1) * (mo + 1) <= MAX_CELLS && !hasReference(src, sx, tail)
        && !hasWordLigature(src, sx, tail)
        && !UnicodeData.NFC.normalize(src.subSequence(sx, tail)).contentEquals(dst.subSequence(d + sy, d + ey))) {
      alignMiddle(src, sx, ms, dst, d, sy, mo);
    }
    cut(tail, ey);
    for (int k = q; k >= 0; k--) {
      cut(ls - k, lo - k);
    }
    keepCuts(src, ls, dst, d, lo);
    for (int k = 1; k < cutCount; k++) {
      int x0 = cuts[2 * k - 2];
      int y0 = cuts[2 * k - 1];
      int x1 = cuts[2 * k];
      int y1 = cuts[2 * k + 1];
      if (x1 - x0 != y1 - y0 || !same(src, x0, dst, d + y0, x1 - x0)) {
        changes.add(s0 + x0, s0 + x1, o0 + y0, o0 + y1);
      }
    }
  }

  /**
   * Cuts at the chars of a longest common subsequence of similar chars of the two middles, matched as late
   * as possible: text a step inserts (a ligature's words) comes before what follows it in the source, so
   * the alef after U+FDFA pairs with the alef at the end of its expansion, not the one in الله.
   */
  private void alignMiddle(CharSequence src, int i, int ms, CharSequence dst, int d, int k, int mo) {
    int j = d + k; // the output middle starts at piece index k
    int w = mo + 1;
    int size = (ms + 1) * w;
    if (cells.length < size) {
      cells = new int[Math.max(size, cells.length * 2)];
    }
    int[] c = cells;
    // c[x * w + y]: the length of a longest common subsequence of src[i, i + x) and dst[j, j + y)
    java.util.Arrays.fill(c, 0, w, 0);
    for (int x = 1; x <= ms; x++) {
      c[x * w] = 0;
      for (int y = 1; y <= mo; y++) {
        c[x * w + y] = similar(src.charAt(i + x - 1), dst.charAt(j + y - 1)) ? c[(x - 1) * w + y - 1] + 1
            : Math.max(c[(x - 1) * w + y], c[x * w + y - 1]);
      }
    }
    // Walk back from the end; the cuts come out last first, and are put in order after.
    int first = cutCount;
    int x = ms;
    int y = mo;
    while (x > 0 && y > 0) {
      if (similar(src.charAt(i + x - 1), dst.charAt(j + y - 1)) && c[x * w + y] == c[(x - 1) * w + y - 1] + 1) {
        cut(i + x, k + y);
        x--;
        y--;
        cut(i + x, k + y);
      } else if (c[(x - 1) * w + y] >= c[x * w + y - 1]) {
        x--;
      } else {
        y--;
      }
    }
    for (int lo = first, hi = cutCount - 1; lo < hi; lo++, hi--) {
      int sx = cuts[2 * lo];
      int sy = cuts[2 * lo + 1];
      cuts[2 * lo] = cuts[2 * hi];
      cuts[2 * lo + 1] = cuts[2 * hi + 1];
      cuts[2 * hi] = sx;
      cuts[2 * hi + 1] = sy;
    }
  }

  private void cut(int x, int y) {
    if (cutCount > 0 && cuts[2 * cutCount - 2] == x && cuts[2 * cutCount - 1] == y) {
      return;
    }
    if (2 * cutCount == cuts.length) {
      cuts = java.util.Arrays.copyOf(cuts, cuts.length * 2);
    }
    cuts[2 * cutCount] = x;
    cuts[2 * cutCount + 1] = y;
    cutCount++;
  }

  /**
   * Removes the cuts {@link #align} does not allow (inside a pair, before a mark, before inserted text),
   * keeping the first and the last.
   */
  private void keepCuts(CharSequence src, int ls, CharSequence dst, int d, int lo) {
    int kept = 1;
    for (int k = 1; k < cutCount; k++) {
      int x = cuts[2 * k];
      int y = cuts[2 * k + 1];
      boolean last = k == cutCount - 1;
      boolean allowed = last || (!splitsPair(src, 0, ls, x) && !splitsPair(dst, d, d + lo, d + y)
          && !beforeMark(src, 0, ls, x) && !beforeMark(dst, d, d + lo, d + y)
          && !insertionFollows(k, x) && !deletedMarkFollows(src, k, x, y));
      if (allowed) {
        cuts[2 * kept] = x;
        cuts[2 * kept + 1] = y;
        kept++;
      }
    }
    cutCount = kept;
    // Inserted text at the very start joins the char after it: drop the cut that ends it.
    if (cutCount > 2 && cuts[2] == 0) {
      System.arraycopy(cuts, 4, cuts, 2, 2 * cutCount - 4);
      cutCount--;
    }
  }

  /** Equal, or two blanks: how the ends of two pieces are matched. */
  private static boolean sameEnd(char a, char b) {
    return a == b || (isBlank(a) && isBlank(b));
  }

  /** A space of any kind (NBSP too, which {@link Character#isWhitespace} leaves out), a tab or a line break. */
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * True when index {@code k} of {@code s[from, to)} falls between a char that is no blank and a mark (or a
   * char that composes with the one before it).
   */
  private static boolean beforeMark(CharSequence s, int from, int to, int k) {
    if (k <= from || k >= to || isBlank(s.charAt(k - 1))) {
      return false;
    }
    // A mark, or any char NFC may compose with the one before (a Hangul vowel jamo after its consonant).
    int cp = Character.codePointAt(s, k);
    return UnicodeData.isMark(cp) || !UnicodeData.hasBoundaryBefore(cp);
  }

  /**
   * True when the stretch after cut {@code k} is deleted text that holds a mark, after a char that is no
   * blank: the mark belonged to the letter before (across a tatweel, say) and may have composed with it.
   */
  private boolean deletedMarkFollows(CharSequence src, int k, int x, int y) {
    if (k + 1 >= cutCount || cuts[2 * k + 3] != y || x == 0 || isBlank(src.charAt(x - 1))) {
      return false;
    }
    for (int i = x; i < cuts[2 * k + 2]; i++) {
      if (UnicodeData.isMark(src.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** True when the stretch after cut {@code k} (at source index {@code x}) has no source: inserted text. */
  private boolean insertionFollows(int k, int x) {
    return k + 1 < cutCount && cuts[2 * k + 2] == x && x > 0;
  }

  /** For each presentation form (U+FB50..U+FEFF), the first char of what it stands for; 0 for none. */
  private static final char[] PRESENTATION_STARTS = new char[0xFF00 - 0xFB50];

  static {
    com.ibm.icu.text.Normalizer2 nfkc = com.ibm.icu.text.Normalizer2.getNFKCInstance();
    for (char c = '\uFB50'; c <= '\uFEFF'; c++) {
      String k = nfkc.normalize(String.valueOf(c));
      // Not for a ligature of words (ﷺ): its first letter would pull the whole expansion after it.
      boolean words = k.length() > 2 && k.charAt(0) != ' ';
      if (!k.isEmpty() && !k.equals(String.valueOf(c)) && !words) {
        PRESENTATION_STARTS[c - 0xFB50] = k.charAt(0);
      }
    }
  }

  private static int presentationStart(char c) {
    return c >= '\uFB50' && c <= '\uFEFF' ? PRESENTATION_STARTS[c - 0xFB50] : -1;
  }

  /**
   * Presentation forms that stand for more than two chars (ﷲ, ﷺ, ﷻ, the ligatures with shadda): the
   * letters of what they become must not be matched with the source's letters after them.
   */
  private static final java.util.BitSet WORD_LIGATURES = new java.util.BitSet();

  static {
    com.ibm.icu.text.Normalizer2 nfkc = com.ibm.icu.text.Normalizer2.getNFKCInstance();
    for (char c = '\uFB50'; c <= '\uFEFF'; c++) {
      String k = nfkc.normalize(String.valueOf(c));
      if (k.length() > 2 && k.charAt(0) != ' ') { // not the marks with a space before them (U+FC5E..)
        WORD_LIGATURES.set(c - 0xFB50);
      }
    }
  }

  private static boolean hasWordLigature(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '\uFB50' && c <= '\uFEFF' && WORD_LIGATURES.get(c - 0xFB50)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code s[from, to)} holds what may be a reference: {@code &} and a letter or {@code #}. */
  private static boolean hasReference(CharSequence s, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      char c = s.charAt(i + 1);
      if (s.charAt(i) == '&' && (c == '#' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
        return true;
      }
    }
    return false;
  }

  static boolean same(CharSequence a, int i, CharSequence b, int j, int n) {
    for (int k = 0; k < n; k++) {
      if (a.charAt(i + k) != b.charAt(j + k)) {
        return false;
      }
    }
    return true;
  }

  /** True when index {@code k} of {@code s[from, to)} falls between the two halves of a surrogate pair. */
  private static boolean splitsPair(CharSequence s, int from, int to, int k) {
    return k > from && k < to && Character.isHighSurrogate(s.charAt(k - 1)) && Character.isLowSurrogate(s.charAt(k));
  }

  /**
   * Equal, or two variants of one letter that the steps map to each other (alef with or without hamza,
   * alef maksura and ya, teh marbuta and heh, a hamza seat and its letter, Arabic and Persian forms, a
   * digit in its scripts, Arabic punctuation and its ASCII counterpart, any blank and a space, a char and
   * its canonical equivalent): such a pair stands in one position of a word that a step rewrote.
   */
  private static boolean similar(char a, char b) {
    return a == b || (letterClass(a) != 0 && letterClass(a) == letterClass(b)) || canonicalPair(a, b);
  }

  /**
   * Canonically the same, or one the start of the other's decomposition: U+2126 OHM SIGN and Ω; U+0958
   * and the क that starts the two chars NFC leaves it as (the rest of them is then text inserted after
   * it, which joins it); a presentation form and the first letter it stands for.
   */
  private static boolean canonicalPair(char a, char b) {
    if (presentationStart(a) == b || presentationStart(b) == a) {
      return true; // a presentation form and the first letter it stands for (ﻵ and the ل of لآ)
    }
    String da = UnicodeData.decomposition(a);
    String db = UnicodeData.decomposition(b);
    if (da == null && db == null) {
      return false;
    }
    da = da == null ? String.valueOf(a) : da;
    db = db == null ? String.valueOf(b) : db;
    return da.equals(db) || (da.length() > 1 && da.charAt(0) == b) || (db.length() > 1 && db.charAt(0) == a);
  }

  /** The class of {@code c}, or of the letter it is written on (ۓ: the class of ے), 0 for none. */
  private static int letterClass(char c) {
    int own = ownClass(c);
    if (own != 0) {
      return own;
    }
    String d = UnicodeData.decomposition(c);
    return d == null ? 0 : ownClass(d.charAt(0));
  }

  private static int ownClass(char c) {
    switch (c) {
      case '\u0627': case '\u0622': case '\u0623': case '\u0625': case '\u0671': case '\u0672':
      case '\u0673': case '\u0675':
        return 1; // alef
      case '\u064A': case '\u0649': case '\u06CC': case '\u06D2': case '\u0626':
        return 2; // ya
      case '\u0647': case '\u0629': case '\u06C3': case '\u06C0': case '\u06C1': case '\u06D5':
        return 3; // heh
      case '\u0648': case '\u0624':
        return 4; // waw
      case '\u0643': case '\u06A9':
        return 5; // kaf
      case '\u060C': case ',': case '\u066C':
        return 6; // comma, Arabic comma and thousands separator
      case '\u061B': case ';':
        return 7;
      case '\u061F': case '?':
        return 8;
      case '\u066A': case '%':
        return 9;
      case '\u066B': case '.':
        return 10; // the Arabic decimal separator
      default:
        // Digits: Arabic-Indic and Extended Arabic-Indic with their ASCII values. (Not inside a reference,
        // where the LCS is not used, so the digits of &#x31; are never taken for the 1 it became.)
        if (c == '\t' || Character.isSpaceChar(c)) {
          return 30; // a blank the whitespace step makes a space
        }
        if (c >= '0' && c <= '9') {
          return 20 + (c - '0');
        }
        if (c >= '\u0660' && c <= '\u0669') {
          return 20 + (c - '\u0660');
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
          return 20 + (c - '\u06F0');
        }
        return 0;
    }
  }
}
