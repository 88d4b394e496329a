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
    return scanClean(s, 0);
  }

  /** {@link #scanClean(CharSequence)} from {@code from}, which must start a canonical segment. */
  int scanClean(CharSequence s, int from) {
    return elongation || spellingTriggers != null ? scanCleanWords(s, from) : scanCleanChars(s, from);
  }

  private int scanCleanChars(CharSequence s, int from) {
    int n = s.length();
    int prevCcc = 0;
    for (int i = from; i < n; i++) {
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
  private int scanCleanWords(CharSequence s, int from) {
    int wordStart = -1;
    int limit = scanCleanChars(s, from);
    for (int i = from; i <= limit; i++) {
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
    StringBuilder out = runRestartable(in, first, null);
    // A text that only looked suspicious (a legitimate '&', marks already in order) comes back as the same
    // instance, and without an output buffer ever being made.
    return out == null ? in.toString() : out.toString();
  }

  void normalize(CharSequence in, Appendable out, StepCounter counter) throws IOException {
    int n = in.length();
    try {
      if (counter == StepCounter.NONE) {
        int first = scanClean(in);
        if (first == n) {
          out.append(in);
          return;
        }
        runRestartable(in, first, out);
        return;
      }
      Stage head = chain(new NfcSink(new StringBuilder(), out), counter, true);
      feed(in, 0, n, head);
      head.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A chain of stages, reset between uses and pooled, so that a call usually allocates nothing of it. */
  private final class Chain {
    final NfcSink sink = new NfcSink(new StringBuilder());
    final Stage[] stages = new Stage[rules.length];
    final Stage head;

    Chain() {
      Stage h = sink;
      for (int r = rules.length - 1; r >= 0; r--) {
        h = rules[r].newStage(h, StepCounter.NONE);
        stages[r] = h;
      }
      head = h;
    }

    void reset() {
      for (Stage st : stages) {
        st.reset();
      }
      StringBuilder buf = sink.buffer();
      if (buf.capacity() > (1 << 20)) {
        buf.setLength(0);
        buf.trimToSize(); // do not keep a huge buffer alive in a thread
      }
      sink.clear();
    }

    boolean idle() {
      for (Stage st : stages) {
        if (!st.idle()) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Chains to reuse. A pool owned by the engine, not a ThreadLocal: a chain refers to its engine, so a
   * ThreadLocal value would keep its own key alive and every normalizer ever used on a long-lived thread
   * would stay in memory. A chain taken from the pool is used by one call only, so re-entrant calls (an
   * Appendable that normalizes again) are safe.
   */
  private final java.util.concurrent.ArrayBlockingQueue<Chain> chains =
      new java.util.concurrent.ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

  /**
   * The slow path, from the first character that needs work. The chain runs from a safe start before it;
   * whenever every stage is idle at a space or line break and the next character that needs work is far
   * enough ahead that a fresh chain could start after this point, the chain is flushed, the clean stretch
   * is copied as it is, and the chain restarts (its stages reset, not reallocated) before the next change.
   *
   * <p>With {@code target} null the result is built lazily: each region the chain produced is compared with
   * the input it came from, and an output buffer is made only at the first real difference. Returns that
   * buffer, or null when the text is unchanged. With a target, everything is appended to it.
   */
  private StringBuilder runRestartable(CharSequence in, int first, Appendable target) {
    Chain chain = chains.poll();
    if (chain == null) {
      chain = new Chain();
    }
    StringBuilder out = runRestartable(in, first, target, chain);
    chains.offer(chain); // dropped when the pool is full; not returned at all after an exception
    return out;
  }

  private StringBuilder runRestartable(CharSequence in, int first, Appendable target, Chain chain) {
    int n = in.length();
    StringBuilder out = null;
    int pos = 0;
    int dirty = first;
    while (true) {
      int start = safeStart(in, dirty);
      chain.reset();
      Stage head = chain.head;
      int i = feed(in, start, dirty + 1, head);
      int next = n;
      boolean restart = false;
      while (i < n) {
        char c = in.charAt(i);
        if ((c == ' ' || c == '\n') && chain.idle()) {
          next = scanClean(in, i);
          if (next == n) {
            break;
          }
          if (restartPoint(in, i, next) >= i) {
            restart = true;
            break;
          }
          i = feed(in, i, next + 1, head);
          next = n;
          continue;
        }
        i = feed(in, i, i + 1, head);
      }
      head.end();
      // [pos, start) is clean; [start, i) went through the chain into the sink's buffer.
      StringBuilder region = chain.sink.buffer();
      if (target != null) {
        append(target, in, pos, start);
        append(target, region, 0, region.length());
      } else if (out == null && !sameText(region, in, start, i)) {
        out = new StringBuilder(n + 16).append(in, 0, start).append(region);
      } else if (out != null) {
        out.append(in, pos, start).append(region);
      }
      if (!restart) {
        // The rest, [i, n), is clean.
        if (target != null) {
          append(target, in, i, n);
        } else if (out != null) {
          out.append(in, i, n);
        }
        chain.sink.clear();
        return out;
      }
      pos = i;
      dirty = next;
    }
  }

  private static boolean sameText(StringBuilder region, CharSequence in, int from, int to) {
    if (region.length() != to - from) {
      return false;
    }
    for (int k = 0; k < region.length(); k++) {
      if (region.charAt(k) != in.charAt(from + k)) {
        return false;
      }
    }
    return true;
  }

  private static void append(Appendable target, CharSequence s, int from, int to) {
    try {
      target.append(s, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a fresh chain would start for the change at {@code next}, or -1 if not after {@code i}. */
  private int restartPoint(CharSequence in, int i, int next) {
    if (lineContext) {
      // The residue rules look back over the line: restart only on a later line.
      boolean newLine = i > 0 && HtmlEntitiesRule.isLineBreak(in.charAt(i - 1));
      for (int k = next - 1; !newLine && k >= i; k--) {
        newLine = HtmlEntitiesRule.isLineBreak(in.charAt(k));
      }
      if (!newLine) {
        return -1;
      }
    }
    return safeStart(in, next);
  }

  /** Lines longer than this are streamed through the chain instead of being held whole. */
  private static final int LONG_LINE = 1 << 16;

  /**
   * Streams {@code in} into {@code out}: complete lines go through the fast path in blocks (no step reaches
   * across a line break, so a block normalizes as it would inside the whole text); a line longer than
   * {@link #LONG_LINE} chars is streamed through the chain in 8 KiB reads, so memory stays bounded.
   */
  void normalize(Reader in, Appendable out, StepCounter counter) throws IOException {
    if (counter != StepCounter.NONE) {
      streamThroughChain(in, out, counter);
      return;
    }
    StringBuilder pending = new StringBuilder();
    char[] buf = new char[8192];
    int read;
    while ((read = in.read(buf)) >= 0) {
      int from = pending.length();
      pending.append(buf, 0, read);
      int lastBreak = -1;
      for (int k = pending.length() - 1; k >= from; k--) {
        if (pending.charAt(k) == '\n') {
          lastBreak = k;
          break;
        }
      }
      if (lastBreak < 0 && from > 0) {
        lastBreak = lastIndexOf(pending, from);
      }
      if (lastBreak >= 0) {
        normalize(pending.subSequence(0, lastBreak + 1), out, StepCounter.NONE);
        pending.delete(0, lastBreak + 1);
      } else if (pending.length() > LONG_LINE) {
        streamLongLine(in, out, pending);
      }
    }
    normalize(pending, out, StepCounter.NONE);
  }

  private static int lastIndexOf(StringBuilder sb, int before) {
    for (int k = before - 1; k >= 0; k--) {
      if (sb.charAt(k) == '\n') {
        return k;
      }
    }
    return -1;
  }

  /**
   * Streams the rest of a very long line (its start is in {@code pending}) through the chain, up to and
   * including its line break; what follows the break is left in {@code pending}.
   */
  private void streamLongLine(Reader in, Appendable out, StringBuilder pending) throws IOException {
    Stage head = chain(new NfcSink(new StringBuilder(), out), StepCounter.NONE, false);
    try {
      char[] buf = new char[8192];
      CharSequence chunk = pending.toString();
      pending.setLength(0);
      while (true) {
        int br = -1;
        for (int k = 0; k < chunk.length(); k++) {
          if (chunk.charAt(k) == '\n') {
            br = k;
            break;
          }
        }
        int end = br < 0 ? chunk.length() : br + 1;
        // Keep a trailing high surrogate for the next read so that a pair stays whole.
        if (br < 0 && end > 0 && Character.isHighSurrogate(chunk.charAt(end - 1))) {
          end--;
        }
        feed(chunk, 0, end, head);
        if (br >= 0) {
          pending.append(chunk, end, chunk.length());
          head.end();
          return;
        }
        String carried = chunk.subSequence(end, chunk.length()).toString();
        int read = in.read(buf);
        if (read < 0) {
          feed(carried, 0, carried.length(), head);
          head.end();
          return;
        }
        chunk = carried + new String(buf, 0, read);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The chain alone, in bounded memory: used when counting changes per step. */
  private void streamThroughChain(Reader in, Appendable out, StepCounter counter) throws IOException {
    Stage head = chain(new NfcSink(new StringBuilder(), out), counter, true);
    char[] buf = new char[8192];
    int carried = 0;
    try {
      int read;
      while ((read = in.read(buf, carried, buf.length - carried)) >= 0) {
        int end = carried + read;
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

  /**
   * Decomposes canonically and passes each code point of {@code s[from, to)} on; a pair that starts before
   * {@code to} is passed whole. Lone surrogates pass through as they are. Returns the index reached.
   */
  private static int feed(CharSequence s, int from, int to, Stage head) {
    int i = from;
    while (i < to) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      put(cp, head);
    }
    return i;
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
