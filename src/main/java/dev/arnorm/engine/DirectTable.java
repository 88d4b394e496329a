package dev.arnorm.engine;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.rules.DiacriticsRule;
import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.MapRule;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.Rules;
import dev.arnorm.rules.WhitespaceRule;
import dev.arnorm.rules.WordStage;
import dev.arnorm.unicode.UnicodeData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the whole pipeline does to each BMP character when nothing around it matters: the table behind the
 * engine's fast scan and its direct path. One lookup says whether a character is copied as it is, replaced
 * by a fixed string, or needs the chain of stages.
 *
 * <p>A replacement is the pipeline's own output for the character alone (the stages before any word step,
 * run once per character when the table is built), so the table cannot disagree with the stages. It is used
 * only for characters whose treatment cannot depend on their neighbours, which is checked rule by rule:
 * <ul>
 *   <li>a base character (NFC boundary before it, not a mark) whose replacement starts a new NFC segment;
 *   <li>an Arabic mark the diacritics step deletes whatever its base (all but hamza and madda), when no
 *       earlier step touches it;
 *   <li>a mark no step touches, copied when it keeps canonical order.
 * </ul>
 * What still depends on context is left to the caller, per character of output: two blanks meeting (the
 * whitespace step), a word that is elongated or may start a spelling fix (the word steps), and {@code &}
 * (the html-entities step, which is never direct). A rule's {@link Rule#contextual} characters, and those
 * that become one of them, are never direct.
 */
public final class DirectTable {
  /** Needs the chain (or, for a low surrogate, is copied as part of a pair the high surrogate checked). */
  public static final byte SPECIAL = 0;
  /** A base character the pipeline leaves alone, not a word character. */
  public static final byte COPY = 1;
  /** A base character the pipeline leaves alone that word steps see as part of a word. */
  public static final byte COPY_WORD = 2;
  /** A space or tab under the whitespace step: copied unless it meets another blank. */
  public static final byte COPY_BLANK = 3;
  /**
   * A base character replaced by the single blank {@code map(c)} (a no-break space under the whitespace
   * step): copied like {@link #COPY_BLANK} unless it meets another blank.
   */
  public static final byte MAP1_BLANK = 4;
  /** A base character replaced by the single character {@code map(c)}, neither a mark nor a blank. */
  public static final byte MAP1 = 5;
  /**
   * As {@link #MAP1}, for a character or replacement with a canonical decomposition: a kept mark after it
   * could interact with the marks inside it, so none may follow on the direct path.
   */
  public static final byte MAP1_CLOSED = 6;
  /** A mark the pipeline deletes whatever its base. */
  public static final byte MARK_DEL = 7;
  /** A mark the pipeline leaves alone: copied when it keeps canonical order. */
  public static final byte MARK_KEEP = 8;
  /** A base character replaced by {@code strings[map(c)]}: several characters, or none. */
  public static final byte MAPN = 9;
  /** A high surrogate: the pair is copied when the code point is inert. */
  public static final byte HIGH = 10;

  public final byte[] cls = new byte[0x10000];
  /**
   * {@code map(c) << 8 | cls[c]}: the hot loop's one read per character. The map is, for the copy classes
   * and kept marks, the character itself; for MAP1 and MAP1_BLANK its replacement; for MAPN an index into
   * strings. {@link #cls} holds the class again, a byte per char: the clean scans read only the class, and
   * read it from a table a quarter the size.
   */
  public final int[] classAndMap = new int[0x10000];
  public final String[] strings;
  /**
   * No character the table replaces by a single one becomes a line break or a surrogate, and a line break
   * stays itself: what the hot loop on UTF-8 bytes needs ({@code Engine#hotLoopOnBytes}). Recorded as the
   * table is built, rather than by a pass of its own over the 65,536 entries when a stream starts.
   */
  public final boolean singlesKeepLineBreaksAndPairs;
  /** True when replacements and deletions are on: every word step comes after all other steps. */
  public final boolean replacing;
  /**
   * What the steps before html-entities touch (their output is what the decoder reads, and a decoded
   * character does not go through them), or null when html-entities is not in the pipeline.
   */
  public final UnicodeSet beforeHtmlTouched;
  /** Only context-free maps come before html-entities, and none of them makes an {@code &}. */
  public final boolean mapsBeforeHtmlMakeNoAmpersand;
  /** Every ASCII letter and digit comes out as it is. */
  public final boolean copiesAsciiAlnum;

  /**
   * @param rules the fused rules of the pipeline, in order
   * @param touched every code point some rule may change
   * @param isolated the output of the rules before the first word step for one code point alone, in NFC
   */
  public DirectTable(Rule[] rules, UnicodeSet touched, boolean blankSensitive, boolean words,
      IntFunction<String> isolated) {
    int firstWord = rules.length;
    int diacritics = -1;
    int html = -1;
    for (int r = 0; r < rules.length; r++) {
      if (isWordRule(rules[r]) && firstWord == rules.length) {
        firstWord = r;
      }
      if (rules[r] instanceof DiacriticsRule && diacritics < 0) {
        diacritics = r;
      }
      if (rules[r] instanceof HtmlEntitiesRule && html < 0) {
        html = r;
      }
    }
    boolean wordsLast = true;
    for (int r = firstWord; r < rules.length; r++) {
      wordsLast &= isWordRule(rules[r]);
    }
    this.replacing = wordsLast;
    // Characters an earlier step could turn into '&' reach the html step in context: never direct. When
    // only context-free maps come first (digits and punctuation, see PipelineOrder.runOrder), only those whose
    // mapping holds an '&'.
    UnicodeSet beforeHtml = new UnicodeSet();
    boolean mapsOnly = true;
    for (int r = 0; r < html; r++) {
      beforeHtml.addAll(rules[r].touched());
      mapsOnly &= rules[r] instanceof MapRule;
    }
    this.beforeHtmlTouched = html < 0 ? null : new UnicodeSet(beforeHtml).freeze();
    if (mapsOnly && html > 0) {
      UnicodeSet makesAmpersand = new UnicodeSet();
      for (UnicodeSet.EntryRange e : beforeHtml.ranges()) {
        for (int cp = e.codepoint; cp <= e.codepointEnd; cp++) {
          String d = UnicodeData.decomposition(cp);
          String text = d != null ? d : new String(Character.toChars(cp));
          for (int r = 0; r < html; r++) {
            text = ((MapRule) rules[r]).apply(text);
          }
          if (text.indexOf('&') >= 0) {
            makesAmpersand.add(cp);
          }
        }
      }
      beforeHtml = makesAmpersand;
    }
    this.mapsBeforeHtmlMakeNoAmpersand = html >= 0 && mapsOnly && beforeHtml.isEmpty();
    // Marks the diacritics step deletes, when nothing before it has a say about them.
    UnicodeSet deleted = new UnicodeSet();
    if (wordsLast && diacritics >= 0) {
      deleted.addAll(UnicodeData.ARABIC_MARKS).removeAll(Rules.HAMZA_MADDA);
      for (int r = 0; r < diacritics; r++) {
        deleted.removeAll(rules[r].touched());
      }
    }
    UnicodeSet contextual = new UnicodeSet();
    for (Rule r : rules) {
      contextual.addAll(r.contextual());
    }
    contextual.freeze();
    Map<String, Integer> multi = new HashMap<>();
    char[] m = new char[0x10000];
    // This loop runs when a normalizer is first used: set lookups are read from an array, not searched.
    boolean[] touchedBmp = new boolean[0x10000];
    for (UnicodeSet.EntryRange r : touched.ranges()) {
      for (int c = r.codepoint; c <= r.codepointEnd && c < 0x10000; c++) {
        touchedBmp[c] = true;
      }
    }
    // Hangul syllables are plain but for their decomposition into conjoining jamo: when no step touches a
    // jamo, they are copies like the plain characters (and 11,172 calls fewer to classify).
    boolean hangulCopies = touched.containsNone(0x1100, 0x11FF);
    boolean[] plain = UnicodeData.plainBmp();
    boolean singlesKeep = true;
    for (int c = 0; c < 0x10000; c++) {
      // Most characters are untouched and plain, and end as COPY: told here without classify's calls, as this
      // loop runs in the interpreter when a CLI run starts (and so it is one loop, not two).
      byte k;
      if (!touchedBmp[c]
          && (plain[c] || hangulCopies && c >= UnicodeData.Definitions.HANGUL_FIRST
              && c <= UnicodeData.Definitions.HANGUL_LAST)
          && !(blankSensitive && (c == ' ' || c == '\t'))) {
        k = words && WordStage.isWordChar(c) ? COPY_WORD : COPY;
      } else {
        k = classify(c, touched, touchedBmp, blankSensitive, words, deleted, beforeHtml, html >= 0, contextual,
            isolated, m, multi);
      }
      if (k == COPY || k == COPY_WORD || k == COPY_BLANK || k == MARK_KEEP) {
        m[c] = (char) c; // itself: never a surrogate (those are HIGH or SPECIAL)
      } else if (k >= MAP1_BLANK && k <= MAP1_CLOSED
          && ((m[c] == '\n') != (c == '\n') || Character.isSurrogate(m[c]))) {
        singlesKeep = false;
      }
      cls[c] = k;
      classAndMap[c] = m[c] << 8 | (k & 0xFF);
    }
    this.singlesKeepLineBreaksAndPairs = singlesKeep;
    boolean asciiAlnum = true;
    for (char c = '0'; c <= 'z'; c++) {
      asciiAlnum &= !Character.isLetterOrDigit(c) || cls[c] == COPY;
    }
    this.copiesAsciiAlnum = asciiAlnum;
    this.strings = new String[multi.size()];
    multi.forEach((s, i) -> strings[i] = s);
  }

  /** {@link #utf8Pairs()}: the pair may not start a clean run, or does not show that it may. */
  public static final byte PAIR_STOP = 1;
  /** {@link #utf8Pairs()}: the pair starts a kept mark, which may not follow another (checked by the caller). */
  public static final byte PAIR_MARK = 2;

  private volatile byte[] utf8Pairs;

  /**
   * The classes read two UTF-8 bytes at a time, for a clean scan of UTF-8 that needs no decoding and no
   * branch per character ({@code CleanRun} in the stream package): entry {@code b[i] << 8 | b[i + 1]} (unsigned) says
   * what the byte at {@code i} allows, given the byte after it. Zero when a character that is copied as it
   * is ({@link #COPY}, {@link #COPY_WORD}, or a {@link #COPY_BLANK} not followed by one) starts at {@code i},
   * or when {@code i} holds a two-byte character's second byte and no third follows; {@link #PAIR_MARK} when
   * a kept mark of two bytes starts there; {@link #PAIR_STOP} for anything else: other classes (a blank of
   * two bytes among them, were there one: the pair only sees one byte after it), three- and four-byte
   * characters, malformed or overlong bytes. Made on first use, 64 KiB, most rows filled whole.
   */
  public byte[] utf8Pairs() {
    byte[] p = utf8Pairs;
    if (p == null) {
      utf8Pairs = p = buildUtf8Pairs(cls);
    }
    return p;
  }

  private static byte[] buildUtf8Pairs(byte[] cls) {
    byte[] p = new byte[0x10000];
    for (int t = 0; t < 0x100; t++) {
      int row = t << 8;
      if (t < 0xC0) {
        // A one-byte character, or the second byte of two: what follows may not be a second byte.
        byte k = t < 0x80 ? cls[t] : COPY;
        boolean copy = k == COPY || k == COPY_WORD || k == COPY_BLANK;
        Arrays.fill(p, row, row + 0x100, copy ? 0 : PAIR_STOP);
        Arrays.fill(p, row + 0x80, row + 0xC0, PAIR_STOP);
        if (k == COPY_BLANK) {
          for (int u = 0; u < 0x80; u++) {
            if (cls[u] == COPY_BLANK) {
              p[row | u] = PAIR_STOP; // two blanks meet (a blank of two bytes stops at its own pair)
            }
          }
        }
      } else if (t < 0xC2 || t >= 0xE0) {
        Arrays.fill(p, row, row + 0x100, PAIR_STOP); // overlong, or three or four bytes
      } else {
        Arrays.fill(p, row, row + 0x100, PAIR_STOP); // a lead byte with no second byte
        for (int u = 0x80; u < 0xC0; u++) {
          byte k = cls[(t & 0x1F) << 6 | (u & 0x3F)];
          p[row | u] = k == COPY || k == COPY_WORD ? 0 : k == MARK_KEEP ? PAIR_MARK : PAIR_STOP;
        }
      }
    }
    return p;
  }

  /** A rule that decides on whole words: elongation, and the word-lookup steps (spelling, orthography). */
  static boolean isWordRule(Rule r) {
    return r instanceof ElongationRule || r.wordTriggers() != null;
  }

  private byte classify(int c, UnicodeSet touched, boolean[] touchedBmp, boolean blankSensitive, boolean words,
      UnicodeSet deleted, UnicodeSet beforeHtml, boolean html, UnicodeSet contextual, IntFunction<String> isolated,
      char[] m, Map<String, Integer> multi) {
    if (Character.isHighSurrogate((char) c)) {
      return HIGH;
    }
    if (Character.isSurrogate((char) c)) {
      return SPECIAL;
    }
    if (blankSensitive && (c == ' ' || c == '\t')) {
      return COPY_BLANK;
    }
    if (untouchedBmp(c, touched, touchedBmp)) {
      if (UnicodeData.isMark(c)) {
        return UnicodeData.nfcYes(c) && UnicodeData.ccc(c) != 0 ? MARK_KEEP : SPECIAL;
      }
      if (UnicodeData.nfcYes(c) && UnicodeData.hasBoundaryBefore(c)) {
        return words && WordStage.isWordChar(c) ? COPY_WORD : COPY;
      }
      return SPECIAL;
    }
    if (!replacing || contextual.contains(c)) {
      return SPECIAL;
    }
    if (deleted.contains(c) && UnicodeData.decomposition(c) == null) {
      return MARK_DEL;
    }
    if (UnicodeData.isMark(c) || !UnicodeData.hasBoundaryBefore(c) || (html && c == '&')
        || beforeHtml.contains(c)) {
      return SPECIAL;
    }
    String out = isolated.apply(c);
    if ((out.indexOf('&') >= 0 && html) || contextual.containsSome(out)) {
      return SPECIAL; // an & to judge, or a character that becomes one the chain must see in context (ﹱ)
    }
    if (!out.isEmpty()) {
      char first = out.charAt(0);
      if (Character.isSurrogate(first) || !UnicodeData.hasBoundaryBefore(first) || !UnicodeData.nfcYes(first)
          || UnicodeData.isMark(first)) {
        return SPECIAL; // could compose or reorder with what comes before it
      }
    }
    if (out.length() == 1 && blankSensitive && WhitespaceRule.isBlank(out.charAt(0))
        && UnicodeData.decomposition(c) == null) {
      m[c] = out.charAt(0);
      return MAP1_BLANK;
    }
    if (out.length() == 1 && !UnicodeData.isMark(out.charAt(0)) && !WhitespaceRule.isBlank(out.charAt(0))) {
      m[c] = out.charAt(0);
      return UnicodeData.decomposition(c) == null && UnicodeData.decomposition(out.charAt(0)) == null
          ? MAP1 : MAP1_CLOSED;
    }
    if (multi.size() == 0xFFFF) {
      return SPECIAL;
    }
    m[c] = (char) (int) multi.computeIfAbsent(out, k -> multi.size());
    return MAPN;
  }

  /** {@link #untouched} for a BMP character, with the set's BMP part as an array. */
  private static boolean untouchedBmp(int c, UnicodeSet touched, boolean[] touchedBmp) {
    if (touchedBmp[c]) {
      return false;
    }
    String d = UnicodeData.decomposition(c);
    if (d != null) {
      for (int i = 0; i < d.length(); i++) {
        char x = d.charAt(i);
        if (Character.isSurrogate(x) ? !untouched(c, touched) : touchedBmp[x]) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when no step touches {@code cp} or any part of its canonical decomposition. */
  public static boolean untouched(int cp, UnicodeSet touched) {
    if (touched.contains(cp)) {
      return false;
    }
    String d = UnicodeData.decomposition(cp);
    return d == null || d.codePoints().noneMatch(touched::contains);
  }

  /** See {@link #classAndMap}. */
  public char map(char c) {
    return (char) (classAndMap[c] >>> 8);
  }

  /**
   * True when {@code s} may come out more than half as long again: what the maps add to its characters (ﷺ
   * becomes 18), and for each numeric reference ({@code &#}), whose one character the maps may then expand
   * as much as they expand any (a line of {@code &#65018 }, 8 chars that become 19, held its output of 1.2M
   * chars at once and ran out of a 16 MB heap). A named reference never comes out longer than it is
   * written (HtmlEntitiesTest checks it under every step).
   */
  public boolean mayGrowByHalf(CharSequence s) {
    int longest = 1;
    for (String t : strings) {
      longest = Math.max(longest, t == null ? 0 : t.length());
    }
    long added = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      added += outputLength(c) - 1;
      if (c == '&' && k + 1 < s.length() && s.charAt(k + 1) == '#') {
        added += longest - 1;
      }
    }
    return added > s.length() / 2;
  }

  /** How many characters of output the direct path writes for {@code c} when it handles it. */
  public int outputLength(char c) {
    switch (cls[c]) {
      case MAPN:
        return strings[map(c)].length();
      case MARK_DEL:
        return 0;
      default:
        return 1;
    }
  }

  /**
   * True when every character of a decoded reference is a base the table handles on its own: the direct
   * path ({@link Chain}) then writes what the reference decodes to itself.
   */
  public boolean decodesDirect(String text) {
    for (int x = 0; x < text.length(); x++) {
      char c = text.charAt(x);
      byte t = cls[c];
      if ((t < DirectTable.COPY || t > DirectTable.MAP1_CLOSED) && t != DirectTable.MAPN
          || beforeHtmlTouched.contains(c)) {
        return false;
      }
    }
    return true;
  }
}
