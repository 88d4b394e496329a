package dev.arnorm.engine;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.rules.CharRangeSet;
import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.MapRule;
import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.SpellingRule;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.StepId;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline compiled once: consecutive context-free steps fused into one table, the rest kept as small
 * look-behind stages, and a {@link DirectTable} over the BMP that says, for the whole pipeline, what each
 * character becomes when nothing around it matters. Immutable and thread-safe; chains of stage objects are
 * pooled and used only where the text needs context.
 *
 * <p>A call scans for the first character that may change; from there the direct path (one table lookup
 * per character) and the chain take turns (see {@link #runDirect}). The chain works on canonically
 * decomposed code points (decomposed as they stream in) and ends in an {@link NfcSink}; the direct path
 * writes only what is already NFC. That is why canonically equivalent inputs give identical output.
 */
public final class Engine {
  public final Rule[] rules;
  private final Rule[] unfused;
  /** Package-private for tests that check how a character is classed. */
  public final DirectTable table;
  /** See {@link #hotLoopOnBytes()}. */
  private final boolean hotLoopOnBytes;
  public final byte[] cls;
  private final UnicodeSet touched;
  /** The clean scan and the safe start over this engine's table. */
  private final CleanScan scan;
  public final boolean blankSensitive;
  public final boolean lineContext;
  /** No step changes a space or a line feed on its own: they reach a word stage as blanks end a word. */
  public final boolean blanksPass;
  /** Word-level steps: the fast scan checks every word it passes for elongation or a lexicon trigger. */
  public final boolean elongation;
  public final CharRangeSet wordTriggers;
  /** A word-lookup step is on (spelling, orthography): the words that may start a fix are {@link #wordTriggers}. */
  public final boolean lexical;
  /** The longest span of any trigger ({@link Rule#wordTriggers}): how far past a trigger a decision looks. */
  private final int wordSpan;
  /** A word-lookup step looks at the word before a trigger: the byte loop then leaves words to the chain. */
  private final boolean looksBack;
  /** Use the direct path between changes; off only to compare it with the chain in tests. */
  private final boolean direct;

  /**
   * @param spelling the spelling rule to use for {@link StepId#SPELLING} (a custom lexicon), or null for the
   *     built-in one
   */
  public Engine(List<StepId> steps, SpellingRule spelling) {
    this(steps, spelling, true);
  }

  public Engine(List<StepId> steps, SpellingRule spelling, boolean direct) {
    List<Rule> plain = new ArrayList<>();
    List<Rule> fused = new ArrayList<>();
    UnicodeSet t = new UnicodeSet();
    boolean blanks = false;
    boolean line = false;
    boolean elongate = false;
    boolean letters = false;
    boolean lexical = false;
    boolean back = false;
    List<java.util.Map<String, Integer>> triggers = new ArrayList<>();
    List<StepId> order = PipelineOrder.runOrder(steps);
    for (int k = 0; k < order.size(); k++) {
      StepId s = order.get(k);
      Rule r = s == StepId.SPELLING && spelling != null ? spelling
          : s == StepId.ELONGATION ? ElongationRule.after(order.subList(0, k))
          : s == StepId.HTML_ENTITIES ? PipelineOrder.htmlEntities(steps, order, k) : s.rule();
      elongate |= r instanceof ElongationRule;
      if (r.wordTriggers() != null) {
        triggers.add(r.wordTriggers());
        lexical = true;
        back |= r.looksBack();
      }
      plain.add(r);
      t.addAll(r.touched());
      blanks |= r.blankSensitive();
      line |= r.needsLineContext();
      letters |= !r.contextual().isEmpty();
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
    this.blanksPass = !touched.contains(' ') && !touched.contains('\n');
    this.elongation = elongate;
    this.lexical = lexical;
    this.looksBack = back;
    this.wordTriggers = this.lexical ? CharRangeSet.ofAll(triggers) : null;
    this.wordSpan = this.lexical ? wordTriggers.maxValue() : 0;
    this.direct = direct;
    this.table = new DirectTable(rules, touched, blanks, elongate || this.lexical, new Isolated(rules)::apply);
    this.cls = table.cls;
    this.scan = new CleanScan(cls, touched, elongation, wordTriggers, lexical, letters, blanks, line);
    this.hotLoopOnBytes = direct && !looksBack && table.singlesKeepLineBreaksAndPairs
        && cls['\n'] == DirectTable.COPY;
  }

  /**
   * The direct path's hot loop may run on UTF-8 bytes ({@code Utf8Stream}): the direct path is on, no
   * word-lookup step looks at the word before a trigger (the loop hands the chain a trigger's word and the
   * words after it, not the one before), and a line break is written as itself and nothing else becomes
   * one.
   */
  public boolean hotLoopOnBytes() {
    return hotLoopOnBytes;
  }

  /** The words that may start a word-lookup fix, or null when no such step is on. */
  public CharRangeSet wordTriggers() {
    return wordTriggers;
  }

  /** How many words past a trigger's first word a word-lookup decision may look (0 without such steps). */
  public int wordSpan() {
    return wordSpan;
  }

  /** Elongation is on: the hot loop stops at a letter that comes a third time. */
  public boolean elongates() {
    return elongation;
  }


  /** A code point outside the BMP that every step leaves as it is and NFC too ({@link CleanScan}). */
  public boolean astralInert(int cp) {
    return scan.astralInert(cp);
  }

  /**
   * The index of the first character from which the text may change, or {@code s.length()} when the whole
   * text is already normalized. One table lookup per character; no allocation.
   */
  public int scanClean(CharSequence s) {
    return scan.scanClean(s, 0);
  }

  /** {@link #scanClean(CharSequence)} from {@code from}, which must start a canonical segment. */
  public int scanClean(CharSequence s, int from) {
    return scan.scanClean(s, from);
  }

  /** {@link CleanScan#scanCleanChars(CharSequence, int, int, int, int)}, for the direct path. */
  public int scanCleanChars(CharSequence s, int from, int prevCcc, int prev, int prevRun) {
    return scan.scanCleanChars(s, from, prevCcc, prev, prevRun);
  }

  public String normalize(CharSequence in) {
    int n = in.length();
    int first = scanClean(in);
    if (first == n) {
      return in.toString();
    }
    if (!direct) {
      StringBuilder out = runRestartable(in, first, null);
      // A text that only looked suspicious (a legitimate '&', marks already in order) comes back as the
      // same instance, and without an output buffer ever being made.
      return out == null ? in.toString() : out.toString();
    }
    Chain chain = take();
    String out = runDirect(in, first, null, chain);
    give(chain); // not returned to the pool after an exception
    return out == null ? in.toString() : out;
  }

  public void normalize(CharSequence in, Appendable out, StepCounter counter) throws IOException {
    int n = in.length();
    try {
      if (counter == StepCounter.NONE) {
        int first = scanClean(in);
        if (first == n) {
          out.append(in);
          return;
        }
        if (!direct) {
          runRestartable(in, first, out);
          return;
        }
        Chain chain = take();
        runDirect(in, first, out, chain);
        give(chain);
        return;
      }
      Stage head = chain(new NfcSink(new StringBuilder(), out), counter, true);
      feed(in, 0, n, head);
      head.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** {@code prevCcc} after a base that a following kept mark could interact with: no mark may follow. */
  public static final int NO_MARKS = 256;
  /**
   * {@code prevCcc} after a base of each {@link DirectTable} class, as a table: a branch on the class would
   * be mispredicted in text where closed and open replacements alternate (أ and ى, say).
   */
  public static final int[] CCC_AFTER = new int[256];

  static {
    CCC_AFTER[DirectTable.MAP1_CLOSED] = NO_MARKS;
  }
  /**
   * The most kept marks the direct path moves to put an out-of-order mark in its place; a longer run of
   * marks goes to the chain, whose NFC sink sorts it in linear time.
   */
  public static final int MAX_MARK_SHIFT = 32;
  /** The shortest clean stretch the direct path copies whole ({@code Chain.bulkClean}). */
  public static final int BULK_MIN = 32;




  /**
   * Chains to reuse. A pool owned by the engine, not a ThreadLocal: a chain refers to its engine, so a
   * ThreadLocal value would keep its own key alive and every normalizer ever used on a long-lived thread
   * would stay in memory. A chain taken from the pool is used by one call only, so re-entrant calls (an
   * Appendable that normalizes again) are safe.
   */
  private final java.util.concurrent.ArrayBlockingQueue<Chain> chains =
      new java.util.concurrent.ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

  private Chain take() {
    Chain chain = chains.poll();
    return chain == null ? new Chain(this) : chain;
  }

  private void give(Chain chain) {
    chains.offer(chain); // dropped when the pool is full
  }

  /**
   * The slow path, from the first character that may need work: the direct path and the chain take turns.
   * The direct path writes what the table says until a character needs context; the chain then starts
   * where empty state is safe ({@link #safeStart}, widened to the context the direct path kept), and runs
   * until it is idle at a space or line break. There it is suspended, not ended, and the direct path takes
   * over: if the next change turns out to need context from before the suspension point, the direct
   * output is dropped and the suspended chain resumes as if it had never stopped.
   *
   * @return the new text, or null when the text is unchanged (with a target: null, all of it appended)
   */
  private String runDirect(CharSequence in, int first, Appendable target, Chain ch) {
    int n = in.length();
    Output out = ch.out;
    ch.in = in;
    ch.lines.forget();
    if (ch.stray != null) {
      ch.stray.forget();
    }
    int p = scan.safeStart(in, first, ch.lines);
    // [0, p) is clean and copied as it is.
    out.start(in, target, p);
    int phase = p;
    int suspendedOut = -1;
    try {
      while (true) {
        ch.startPhase(phase);
        int j = ch.direct(phase);
        if (j == n && !ch.endSpecial) {
          break;
        }
        int r = Math.min(scan.safeStart(in, j, ch.lines, false), scan.safeStart(in, ch.contextStart(j), ch.lines, false));
        for (int inside = ch.outsideEntity(r); inside != r; inside = ch.outsideEntity(r)) {
          r = scan.safeStart(in, inside, ch.lines, false);
        }
        // With an & ahead on the line, the html stages need the line before it: they read it (primed, their
        // output dropped) and the chain starts at r; where they cannot, the chain starts at the line start.
        boolean line = lineContext && ch.lines.ampersandAhead(in, r);
        int lineStart = line ? ch.lines.start : r;
        boolean suspended = suspendedOut >= 0;
        int from;
        if (suspended && r < phase) {
          from = -1; // resume
        } else if (!line) {
          ch.reset();
          from = r;
        } else if (suspended && lineStart <= phase && HtmlPriming.primeOn(ch, phase, r)) {
          from = r;
        } else if (suspended && lineStart < phase) {
          // The chain wrote the start of this line: only it has the context. (Before primeFrom, which resets
          // the chain when it fails.)
          from = -1;
        } else if (HtmlPriming.primeFrom(ch, lineStart, r)) {
          from = r;
        } else {
          ch.reset();
          from = lineStart;
        }
        if (from < 0) {
          // Only the suspended chain has the context: it goes on as if it had never stopped.
          out.rollback(suspendedOut);
          from = phase;
        } else {
          // Take back what the direct path wrote for [from, j).
          int back = 0;
          for (int k = from; k < j; k++) {
            char c = in.charAt(k);
            if (c == '&' && ch.entities) {
              // Between a phase start and j, an & is a reference the direct path decoded whole, or a stray one
              // it judged.
              long lengths = ch.entityLengths(k);
              back += (int) lengths;
              k += (int) (lengths >>> 32) - 1;
            } else {
              back += table.outputLength(c);
            }
          }
          out.rollback(out.pos - back);
        }
        int i = ch.chainFrom(from, j);
        if (i == n) {
          break;
        }
        phase = i;
        suspendedOut = out.pos;
        out.flushIfLarge();
      }
      return out.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ch.in = null;
    }
  }

  /**
   * The restart-only driver, used when the direct path is off: the oracle of DirectPathProperties. The
   * chain runs from a safe start until idle, clean text is copied as it is, and a fresh chain starts before
   * the next change.
   */
  private StringBuilder runRestartable(CharSequence in, int first, Appendable target) {
    Chain chain = take();
    chain.lines.forget();
    StringBuilder out = runRestartable(in, first, target, chain);
    give(chain); // not returned to the pool after an exception
    return out;
  }

  private StringBuilder runRestartable(CharSequence in, int first, Appendable target, Chain chain) {
    int n = in.length();
    StringBuilder out = null;
    int pos = 0;
    int dirty = first;
    while (true) {
      int start = scan.safeStart(in, dirty, chain.lines);
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
          if (restartPoint(in, i, next, chain.lines) >= i) {
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
        Output.append(target, in, pos, start);
        Output.append(target, region, 0, region.length());
      } else if (out == null && !Output.sameText(region, in, start, i)) {
        out = new StringBuilder(n + 16).append(in, 0, start).append(region);
      } else if (out != null) {
        out.append(in, pos, start).append(region);
      }
      if (!restart) {
        // The rest, [i, n), is clean.
        if (target != null) {
          Output.append(target, in, i, n);
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




  /** Where a fresh chain would start for the change at {@code next}, or -1 if not after {@code i}. */
  private int restartPoint(CharSequence in, int i, int next, Lines lines) {
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
    return scan.safeStart(in, next, lines);
  }


  /**
   * Streams {@code in} to {@code out} in bounded memory, giving what {@link #normalize(CharSequence)} gives
   * for the whole text (see {@link ReaderRun}).
   */
  public void normalize(Reader in, Appendable out, StepCounter counter) throws IOException {
    ReaderRun.normalize(this, in, out, counter);
  }

  /** As above, with lines longer than {@code longLine} chars streamed through the chain (tests make it small). */
  public void normalize(Reader in, Appendable out, StepCounter counter, int longLine) throws IOException {
    ReaderRun.normalize(this, in, out, counter, longLine);
  }

  Stage chain(Stage sink, StepCounter counter, boolean perStep) {
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
  public static int feed(CharSequence s, int from, int to, Stage head) {
    int i = from;
    while (i < to) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      put(cp, head);
    }
    return i;
  }

  public static void feed(char[] buf, int len, Stage head) {
    for (int i = 0; i < len; ) {
      int cp = Character.codePointAt(buf, i, len);
      i += Character.charCount(cp);
      put(cp, head);
    }
  }

  public static void put(int cp, Stage head) {
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
