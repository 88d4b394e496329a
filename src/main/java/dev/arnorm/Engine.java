package dev.arnorm;

import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline compiled once: consecutive context-free steps fused into one table, the rest kept as small
 * look-behind stages, and a per-character table over the BMP that says, for the whole pipeline, whether a
 * character can be copied as it is. Immutable and thread-safe; every call builds its own short chain of
 * stage objects, and only when the text needs a change.
 *
 * <p>The slow path works on canonically decomposed code points (decomposed as they stream in) and ends in
 * an {@link NfcSink}, which is why canonically equivalent inputs give identical output.
 */
final class Engine {
  /** Copied as is, whatever surrounds it: a base character no step touches. */
  private static final byte INERT = 0;
  /** A mark no step touches: copied as is when it keeps canonical order. */
  private static final byte MARK = 1;
  /** A space or tab under the whitespace step: copied as is unless another blank follows. */
  private static final byte BLANK = 2;
  /** Needs the slow path. */
  private static final byte SPECIAL = 3;

  private final Rule[] rules;
  private final Rule[] unfused;
  private final byte[] fast = new byte[0x10000];
  private final UnicodeSet touched;
  private final boolean blankSensitive;
  private final boolean lineContext;
  /** Word-level steps: the fast scan checks every word it passes for elongation or a lexicon trigger. */
  private final boolean elongation;
  private final CharRangeSet spellingTriggers;

  /**
   * @param spelling the spelling rule to use for {@link Step#SPELLING} (a custom lexicon), or null for the
   *     built-in one
   */
  Engine(List<Step> steps, SpellingRule spelling) {
    List<Rule> plain = new ArrayList<>();
    List<Rule> fused = new ArrayList<>();
    UnicodeSet t = new UnicodeSet();
    boolean blanks = false;
    boolean line = false;
    boolean elongate = false;
    java.util.Set<String> triggers = new java.util.HashSet<>();
    for (Step s : steps) {
      Rule r = s == Step.SPELLING && spelling != null ? spelling : s.rule();
      elongate |= r instanceof ElongationRule;
      if (r instanceof SpellingRule) {
        triggers.addAll(((SpellingRule) r).triggers);
      }
      plain.add(r);
      t.addAll(r.touched());
      blanks |= r.blankSensitive();
      line |= r.needsLineContext();
      int last = fused.size() - 1;
      if (r instanceof MapRule && last >= 0 && fused.get(last) instanceof MapRule) {
        fused.set(last, ((MapRule) fused.get(last)).then((MapRule) r));
      } else {
        fused.add(r);
      }
    }
    this.rules = fused.toArray(new Rule[0]);
    this.unfused = plain.toArray(new Rule[0]);
    this.touched = t.freeze();
    this.blankSensitive = blanks;
    this.lineContext = line;
    this.elongation = elongate;
    this.spellingTriggers = steps.contains(Step.SPELLING) ? new CharRangeSet(triggers) : null;
    for (int c = 0; c < 0x10000; c++) {
      fast[c] = classify(c);
    }
  }

  private byte classify(int c) {
    if (Character.isSurrogate((char) c)) {
      return SPECIAL;
    }
    if (blankSensitive && (c == ' ' || c == '\t')) {
      return BLANK;
    }
    if (!untouched(c)) {
      return SPECIAL;
    }
    if (UnicodeData.isMark(c)) {
      return UnicodeData.nfcYes(c) && UnicodeData.ccc(c) != 0 ? MARK : SPECIAL;
    }
    return UnicodeData.nfcYes(c) && UnicodeData.hasBoundaryBefore(c) ? INERT : SPECIAL;
  }

  /** True when no step touches {@code cp} or any part of its canonical decomposition. */
  private boolean untouched(int cp) {
    if (touched.contains(cp)) {
      return false;
    }
    String d = UnicodeData.decomposition(cp);
    return d == null || d.codePoints().noneMatch(touched::contains);
  }

  private boolean astralInert(int cp) {
    return untouched(cp) && !UnicodeData.isMark(cp) && UnicodeData.nfcYes(cp)
        && UnicodeData.hasBoundaryBefore(cp);
  }

  /**
   * The index of the first character from which the text may change, or {@code s.length()} when the whole
   * text is already normalized. One table lookup per character; no allocation.
   */
  int scanClean(CharSequence s) {
    return elongation || spellingTriggers != null ? scanCleanWords(s) : scanCleanChars(s);
  }

  private int scanCleanChars(CharSequence s) {
    int n = s.length();
    int prevCcc = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (fast[c]) {
        case INERT:
          prevCcc = 0;
          break;
        case MARK: {
          int ccc = UnicodeData.ccc(c);
          if (ccc < prevCcc) {
            return i;
          }
          prevCcc = ccc;
          break;
        }
        case BLANK:
          if (i + 1 < n && WhitespaceRule.isBlank(s.charAt(i + 1))) {
            return i;
          }
          prevCcc = 0;
          break;
        default:
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
              && astralInert(Character.toCodePoint(c, s.charAt(i + 1)))) {
            i++;
            prevCcc = 0;
            break;
          }
          return i;
      }
    }
    return n;
  }

  /** {@link #scanCleanChars}, plus a look at every Arabic word: elongated, or able to start a fix. */
  private int scanCleanWords(CharSequence s) {
    int wordStart = -1;
    int limit = scanCleanChars(s);
    for (int i = 0; i <= limit; i++) {
      boolean wordChar = i < limit && WordStage.continuesWord(s.charAt(i), wordStart >= 0);
      if (wordChar) {
        if (wordStart < 0) {
          wordStart = i;
        }
      } else if (wordStart >= 0) {
        if ((elongation && ElongationRule.hasRun(s, wordStart, i))
            || (spellingTriggers != null && spellingTriggers.contains(s, wordStart, i))) {
          return wordStart;
        }
        wordStart = -1;
      }
    }
    // A word cut by the first character that needs work is handled from its start (see safeStart).
    return limit;
  }

  /**
   * Moves a slow-path start back to where the chain can begin with empty state: the start of the canonical
   * segment before the one that needs work (a step may delete the base of that segment, and its marks then
   * join the segment before), and before any blanks that a following space could merge with.
   */
  private int safeStart(CharSequence s, int i) {
    i = segmentStart(s, i);
    if (i > 0) {
      i = segmentStart(s, i - 1);
    }
    if (elongation || spellingTriggers != null) {
      // Word steps start at a word; spelling conditions look at the word before it.
      while (i > 0 && WordStage.continuesWord(s.charAt(i - 1), true)) {
        i--;
      }
      while (i > 0 && !WordStage.isWordChar(s.charAt(i - 1)) && !HtmlEntitiesRule.isLineBreak(s.charAt(i - 1))) {
        i--;
      }
      while (i > 0 && WordStage.continuesWord(s.charAt(i - 1), true)) {
        i--;
      }
      i = segmentStart(s, i);
    }
    while (blankSensitive && i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
      i--;
    }
    while (lineContext && i > 0 && !HtmlEntitiesRule.isLineBreak(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** The start of the canonical segment holding index {@code i}: its base character, or 0. */
  private static int segmentStart(CharSequence s, int i) {
    while (i > 0) {
      if (Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) {
        i--;
        continue;
      }
      if (UnicodeData.hasBoundaryBefore(Character.codePointAt(s, i))) {
        break;
      }
      i--;
    }
    return i;
  }

  String normalize(CharSequence in) {
    int n = in.length();
    int first = scanClean(in);
    if (first == n) {
      return in.toString();
    }
    int start = safeStart(in, first);
    StringBuilder out = new StringBuilder(n + 16);
    out.append(in, 0, start);
    Stage head = chain(new NfcSink(out), StepCounter.NONE, false);
    feed(in, start, n, head);
    head.end();
    // A text that only looked suspicious (a space before a line break, marks already in order) comes back
    // as the same instance.
    return out.length() == n && out.toString().contentEquals(in) ? in.toString() : out.toString();
  }

  void normalize(CharSequence in, Appendable out, StepCounter counter) throws IOException {
    int n = in.length();
    int start = 0;
    if (counter == StepCounter.NONE) {
      int first = scanClean(in);
      if (first == n) {
        out.append(in);
        return;
      }
      start = safeStart(in, first);
      out.append(in, 0, start);
    }
    Stage head = chain(new NfcSink(new StringBuilder(), out), counter, counter != StepCounter.NONE);
    try {
      feed(in, start, n, head);
      head.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Streams {@code in} through the chain into {@code out} in bounded memory. */
  void normalize(Reader in, Appendable out, StepCounter counter) throws IOException {
    Stage head = chain(new NfcSink(new StringBuilder(), out), counter, counter != StepCounter.NONE);
    char[] buf = new char[8192];
    int carried = 0;
    try {
      int read;
      while ((read = in.read(buf, carried, buf.length - carried)) >= 0) {
        int end = carried + read;
        // Hold back a trailing high surrogate so that a pair split across reads stays whole.
        int usable = end > 0 && Character.isHighSurrogate(buf[end - 1]) ? end - 1 : end;
        feed(buf, usable, head);
        carried = end - usable;
        if (carried > 0) {
          buf[0] = buf[end - 1];
        }
      }
      feed(buf, carried, head);
      head.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private Stage chain(Stage sink, StepCounter counter, boolean perStep) {
    Rule[] rs = perStep ? unfused : rules;
    Stage head = sink;
    for (int i = rs.length - 1; i >= 0; i--) {
      head = rs[i].newStage(head, counter);
    }
    return head;
  }

  /** Decomposes canonically and passes each code point on. Lone surrogates pass through as they are. */
  private static void feed(CharSequence s, int from, int to, Stage head) {
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      put(cp, head);
    }
  }

  private static void feed(char[] buf, int len, Stage head) {
    for (int i = 0; i < len; ) {
      int cp = Character.codePointAt(buf, i, len);
      i += Character.charCount(cp);
      put(cp, head);
    }
  }

  private static void put(int cp, Stage head) {
    String d = UnicodeData.decomposition(cp);
    if (d == null) {
      head.put(cp);
      return;
    }
    for (int j = 0; j < d.length(); ) {
      int c = d.codePointAt(j);
      head.put(c);
      j += Character.charCount(c);
    }
  }
}
