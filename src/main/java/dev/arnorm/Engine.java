package dev.arnorm;

import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
final class Engine {
  private final Rule[] rules;
  private final Rule[] unfused;
  /** Package-private for tests that check how a character is classed. */
  final DirectTable table;
  private final byte[] cls;
  private final UnicodeSet touched;
  private final boolean blankSensitive;
  private final boolean lineContext;
  /** No step changes a space or a line feed on its own: they reach a word stage as blanks end a word. */
  private final boolean blanksPass;
  /** Word-level steps: the fast scan checks every word it passes for elongation or a lexicon trigger. */
  private final boolean elongation;
  private final CharRangeSet wordTriggers;
  /** A word-lookup step is on (spelling, orthography): the words that may start a fix are {@link #wordTriggers}. */
  private final boolean lexical;
  /** The longest {@link Rule#wordSpan} of the word-lookup steps: how far past a trigger a decision looks. */
  private final int wordSpan;
  /** A word-lookup step looks at the word before a trigger: the byte loop then leaves words to the chain. */
  private final boolean looksBack;
  /**
   * A rule decides on characters by the letters around them ({@link Rule#contextual}: the tatweel step): a
   * chain starts after a character that reaches that rule as itself and is no letter.
   */
  private final boolean letterContext;
  /** Use the direct path between changes; off only to compare it with the chain in tests. */
  private final boolean direct;

  /**
   * @param spelling the spelling rule to use for {@link Step#SPELLING} (a custom lexicon), or null for the
   *     built-in one
   */
  Engine(List<Step> steps, SpellingRule spelling) {
    this(steps, spelling, true);
  }

  Engine(List<Step> steps, SpellingRule spelling, boolean direct) {
    List<Rule> plain = new ArrayList<>();
    List<Rule> fused = new ArrayList<>();
    UnicodeSet t = new UnicodeSet();
    boolean blanks = false;
    boolean line = false;
    boolean elongate = false;
    boolean letters = false;
    boolean lexical = false;
    int span = 0;
    boolean back = false;
    java.util.Set<String> triggers = new java.util.HashSet<>();
    List<Step> order = runOrder(steps);
    for (int k = 0; k < order.size(); k++) {
      Step s = order.get(k);
      Rule r = s == Step.SPELLING && spelling != null ? spelling
          : s == Step.ELONGATION ? ElongationRule.after(order.subList(0, k))
          : s == Step.HTML_ENTITIES ? htmlEntities(steps, order, k, spelling) : s.rule();
      elongate |= r instanceof ElongationRule;
      if (r.wordTriggers() != null) {
        triggers.addAll(r.wordTriggers());
        lexical = true;
        span = Math.max(span, r.wordSpan());
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
    this.wordSpan = span;
    this.looksBack = back;
    this.wordTriggers = this.lexical ? new CharRangeSet(triggers) : null;
    this.letterContext = letters;
    this.direct = direct;
    this.table = new DirectTable(rules, touched, blanks, elongate || this.lexical, new Isolated()::apply);
    this.cls = table.cls;
  }

  /**
   * The direct path's hot loop may run on UTF-8 bytes ({@link Utf8Stream}): the direct path is on, no
   * word-lookup step looks at the word before a trigger (the loop hands the chain a trigger's word and the
   * words after it, not the one before), and a line break is written as itself and nothing else becomes
   * one.
   */
  boolean hotLoopOnBytes() {
    int known = hotLoopOnBytes;
    if (known == 0) {
      known = hotLoopFitsBytes() ? 1 : 2;
      hotLoopOnBytes = known; // a benign race: every thread computes the same answer
    }
    return known == 1;
  }

  /** {@link #hotLoopOnBytes}, computed: 0 not yet, 1 yes, 2 no. */
  private volatile int hotLoopOnBytes;

  private boolean hotLoopFitsBytes() {
    if (!direct || looksBack) {
      return false;
    }
    int[] t = table.classAndMap;
    for (int c = 0; c < t.length; c++) {
      int cls = t[c] & 0xFF;
      boolean single = cls >= DirectTable.COPY && cls <= DirectTable.MARK_KEEP && cls != DirectTable.MARK_DEL;
      if (single && ((t[c] >>> 8) == '\n') != (c == '\n')) {
        return false;
      }
      if (single && Character.isSurrogate((char) (t[c] >>> 8))) {
        return false;
      }
    }
    return (t['\n'] & 0xFF) == DirectTable.COPY;
  }

  /** The words that may start a word-lookup fix, or null when no such step is on. */
  CharRangeSet wordTriggers() {
    return wordTriggers;
  }

  /** How many words past a trigger's first word a word-lookup decision may look (0 without such steps). */
  int wordSpan() {
    return wordSpan;
  }

  /** Elongation is on: the hot loop stops at a letter that comes a third time. */
  boolean elongates() {
    return elongation;
  }

  /**
   * The html-entities step at {@code order[k]}, made for its pipeline: it reads a reference through what
   * the later steps delete among ASCII characters, and passes decoded text through the maps that
   * {@link #runOrder} moved before it (they would have seen it in the given order).
   */
  private static Rule htmlEntities(List<Step> steps, List<Step> order, int k, SpellingRule spelling) {
    UnicodeSet skip = new UnicodeSet();
    for (int j = k + 1; j < order.size(); j++) {
      Step later = order.get(j);
      Rule r = later == Step.SPELLING && spelling != null ? spelling : later.rule();
      skip.addAll(r.deletedAmongAscii());
    }
    MapRule fold = null;
    if (order.indexOf(Step.HTML_ENTITIES) == k) {
      for (Step moved : movedBeforeHtml(steps)) {
        MapRule m = (MapRule) moved.rule();
        fold = fold == null ? m : fold.then(m);
      }
    }
    if (skip.isEmpty() && fold == null) {
      return Step.HTML_ENTITIES.rule();
    }
    return new HtmlEntitiesRule(skip.freeze(), fold);
  }

  /** The steps {@link #runOrder} moves before the first html-entities, in their order. */
  static List<Step> movedBeforeHtml(List<Step> steps) {
    int html = steps.indexOf(Step.HTML_ENTITIES);
    List<Step> moved = new ArrayList<>();
    for (int i = html + 1; html >= 0 && i < steps.size(); i++) {
      if (steps.get(i) == Step.DIGITS || steps.get(i) == Step.PUNCTUATION) {
        moved.add(steps.get(i));
      }
    }
    return moved;
  }

  /**
   * The order the steps run in: as given, except that {@code digits} and {@code punctuation} listed after
   * {@code html-entities} run just before it. They turn Arabic digits and the Arabic semicolon into ASCII,
   * which entity syntax is made of: run after the decoder, they could complete a reference it had left
   * alone ({@code &#٣٢} would come out as {@code &#32}, and decode on the next pass). No other step treats
   * those characters, so this is the only effect of the move; what html-entities decodes goes through them
   * too ({@link #htmlEntities}), as it would have in the given order.
   */
  static List<Step> runOrder(List<Step> steps) {
    List<Step> early = movedBeforeHtml(steps);
    if (early.isEmpty()) {
      return steps;
    }
    int html = steps.indexOf(Step.HTML_ENTITIES);
    List<Step> order = new ArrayList<>(steps.subList(0, html));
    order.addAll(early);
    order.add(Step.HTML_ENTITIES);
    for (int i = html + 1; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s != Step.DIGITS && s != Step.PUNCTUATION) {
        order.add(s);
      }
    }
    return order;
  }

  /** Runs the rules before the first word step on one code point alone: what the direct table records. */
  private final class Isolated {
    private final NfcSink sink = new NfcSink(new StringBuilder());
    private final List<Stage> stages = new ArrayList<>();
    private Stage head = sink;

    Isolated() {
      int end = 0;
      while (end < rules.length && !(rules[end] instanceof ElongationRule) && rules[end].wordTriggers() == null) {
        end++;
      }
      for (int r = end - 1; r >= 0; r--) {
        head = rules[r].newStage(head, StepCounter.NONE);
        stages.add(head);
      }
    }

    String apply(int cp) {
      stages.forEach(Stage::reset);
      sink.clear();
      put(cp, head);
      head.end();
      return sink.buffer().toString();
    }
  }

  private boolean astralInert(int cp) {
    return DirectTable.untouched(cp, touched) && !UnicodeData.isMark(cp) && UnicodeData.nfcYes(cp)
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
    // Elongation alone needs nothing beyond the clean scan's stop at three equal characters in a row.
    return wordTriggers != null ? scanCleanWords(s, from) : scanCleanChars(s, from);
  }

  private int scanCleanChars(CharSequence s, int from) {
    return scanCleanChars(s, from, 0, -1, 0);
  }

  /**
   * {@link #scanCleanChars(CharSequence, int)} after marks up to combining class {@code prevCcc}, and
   * after output that ends with {@code prevRun} copies of {@code prev} (-1 for none). With elongation it
   * also stops at the third of three equal characters in a row (a base after a mark starts a new run, as
   * in {@link ElongationRule#hasRun}), whatever they are: the direct path then looks at them one by one.
   */
  private int scanCleanChars(CharSequence s, int from, int prevCcc, int prev, int prevRun) {
    final int n = s.length();
    final byte[] cls = this.cls; // a local: read from the field, it costs 2x inside the direct path
    final boolean runs = elongation;
    int prevBlank = 0;
    int p1 = prev; // the character before, for a run of equal ones (-1: none)
    int i = from;
    while (i < n) {
      // Letters, spaces and other characters copied as they are, with one branch per character that is
      // almost never taken: words and spaces alternate every few characters, and a branch on which of
      // them a character is would be mispredicted at every word boundary.
      int roundStart = i;
      int t = 0;
      char c = 0;
      for (; i < n; i++) {
        c = s.charAt(i);
        t = cls[c];
        int blank = t == DirectTable.COPY_BLANK ? 1 : 0;
        if (t < DirectTable.COPY || t > DirectTable.COPY_BLANK || (blank & prevBlank) != 0) {
          break;
        }
        if (runs) { // invariant: the JIT makes a copy of the loop without this for the other pipelines
          if (c == p1) {
            break;
          }
          p1 = c;
        }
        prevBlank = blank;
      }
      if (i > roundStart) {
        prevCcc = 0; // after a base
      }
      if (i == n) {
        break;
      }
      if (t >= DirectTable.COPY && t <= DirectTable.COPY_BLANK) {
        if (t == DirectTable.COPY_BLANK && prevBlank != 0) {
          return i - 1; // two blanks in a row: whitespace may merge them, from the first
        }
        // The second of two equal characters: a third before them makes a run for elongation.
        int before = i - 2 >= from ? s.charAt(i - 2) : (i - 1 >= from || prevRun >= 2) ? prev : -1;
        if (before == c) {
          return i;
        }
        prevBlank = t == DirectTable.COPY_BLANK ? 1 : 0;
        prevCcc = 0;
        i++;
        continue;
      }
      prevBlank = 0;
      if (t == DirectTable.MARK_KEEP) {
        int ccc = UnicodeData.ccc(c);
        if (ccc < prevCcc) {
          return i;
        }
        prevCcc = ccc;
        p1 = c;
        i++;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
          && astralInert(Character.toCodePoint(c, s.charAt(i + 1)))) {
        p1 = s.charAt(i + 1);
        i += 2;
        prevCcc = 0;
      } else {
        return i; // a character that may change (a blank that is not a space or tab among them)
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
            || (wordTriggers != null && wordTriggers.contains(s, wordStart, i))) {
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
   * join the segment before), the word it is in (and, with spelling, the word before, whose conditions look
   * back), before any blanks that a following space could merge with, and the start of the line when the
   * line when an {@code &} follows on it, for the html residue rules to judge in context.
   */
  private int safeStart(CharSequence s, int i, Lines lines) {
    return safeStart(s, i, lines, true);
  }

  /** {@link #safeStart(CharSequence, int, Lines)}, without the line rule when {@code line} is false. */
  private int safeStart(CharSequence s, int i, Lines lines, boolean line) {
    i = i < s.length() ? segmentStart(s, i) : s.length();
    if (i > 0) {
      i = segmentStart(s, i - 1);
    }
    if (elongation || lexical) {
      // Word steps start at a word; spelling conditions look at the word before it.
      while (i > 0 && joinsWord(s.charAt(i - 1))) {
        i--;
      }
      if (lexical) {
        while (i > 0 && !WordStage.isWordChar(s.charAt(i - 1)) && !HtmlEntitiesRule.isLineBreak(s.charAt(i - 1))) {
          i--;
        }
        while (i > 0 && joinsWord(s.charAt(i - 1))) {
          i--;
        }
      }
      i = segmentStart(s, i);
    }
    if (letterContext) {
      // Back to a character every step leaves as it is and that is no letter: the rule then knows, from
      // empty state, that no letter stands before where it starts.
      while (i > 0 && !startsWithoutLetter(s.charAt(i - 1))) {
        i--;
      }
      if (i > 0) {
        i--;
      }
    }
    while (blankSensitive && i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
      i--;
    }
    if (line && lineContext && lines.ampersandAhead(s, i)) {
      // The residue rules judge an & by the line before it; with no & from here on, nothing they do
      // depends on that context.
      i = lines.start;
    }
    return i;
  }

  /** A base that reaches every stage as itself and is no Arabic letter, or a line break. */
  private boolean startsWithoutLetter(char c) {
    byte t = cls[c];
    return (t == DirectTable.COPY || t == DirectTable.COPY_BLANK || HtmlEntitiesRule.isLineBreak(c))
        && !TatweelRule.joins(c);
  }

  /**
   * True when {@code c} may be part of a word as the word steps see it: a word character or mark, or a
   * character the steps before them change or delete (a tatweel or a bidi mark inside a word joins its
   * halves; a lam-alef ligature becomes letters).
   */
  private boolean joinsWord(char c) {
    byte t = cls[c];
    return WordStage.continuesWord(c, true) || (t != DirectTable.COPY && t != DirectTable.COPY_BLANK
        && !HtmlEntitiesRule.isLineBreak(c) && c != ' ' && c != '\t');
  }

  /**
   * Whether an {@code &} follows an index on its line, and where that line starts: the html residue rules
   * judge an {@code &} by the rest of its line, and a line without one needs no context. Remembers the next
   * {@code &} (found with {@code String.indexOf}) and its line start, so that a pass over the text costs one
   * search for each {@code &}, and no scan of lines that hold none.
   */
  static final class Lines {
    private CharSequence text;
    /** The next {@code &} at or after {@link #from} (-1: none), valid for questions about [from, amp]. */
    private int from;
    private int amp = -1;
    /** The start of the line holding {@link #amp}. */
    private int ampLine;
    /** After {@link #ampersandAhead} returned true: the start of the line of the index asked about. */
    int start;

    void forget() {
      text = null;
      amp = -1;
    }

    /** True when an {@code &} comes at or after {@code i} in its line; {@link #start} is then the line start. */
    boolean ampersandAhead(CharSequence s, int i) {
      if (s != text || i < from || (amp >= 0 && i > amp)) {
        int prev = s == text ? amp : -1;
        int prevLine = ampLine;
        text = s;
        from = i;
        amp = indexOf(s, '&', i);
        if (amp >= 0 && amp == prev) {
          ampLine = prevLine; // asked again from further back: the same &, its line start known
        } else if (amp >= 0) {
          int a = amp;
          while (a > 0 && !HtmlEntitiesRule.isLineBreak(s.charAt(a - 1)) && a - 1 != prev) {
            a--;
          }
          // Reaching the & before (with no line break between) means the same line: its start is known.
          ampLine = a > 0 && a - 1 == prev ? prevLine : a;
        }
      }
      if (amp < 0 || ampLine > i) {
        return false; // no & from i on, or the next one is on a later line
      }
      start = ampLine;
      return true;
    }

    private static int indexOf(CharSequence s, char c, int from) {
      if (s instanceof String) {
        return ((String) s).indexOf(c, from);
      }
      for (int k = Math.max(from, 0); k < s.length(); k++) {
        if (s.charAt(k) == c) {
          return k;
        }
      }
      return -1;
    }
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

  void normalize(CharSequence in, Appendable out, StepCounter counter) throws IOException {
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
  static final int NO_MARKS = 256;
  /**
   * {@code prevCcc} after a base of each {@link DirectTable} class, as a table: a branch on the class would
   * be mispredicted in text where closed and open replacements alternate (أ and ى, say).
   */
  static final int[] CCC_AFTER = new int[256];

  static {
    CCC_AFTER[DirectTable.MAP1_CLOSED] = NO_MARKS;
  }
  /**
   * The most kept marks the direct path moves to put an out-of-order mark in its place; a longer run of
   * marks goes to the chain, whose NFC sink sorts it in linear time.
   */
  static final int MAX_MARK_SHIFT = 32;
  /** The shortest clean stretch the direct path copies whole ({@code Chain.bulkClean}). */
  private static final int BULK_MIN = 32;

  /**
   * What one call needs, reset between uses and pooled, so that a call usually allocates nothing of it: a
   * chain of stages, the output, and the state of the direct path.
   */
  private final class Chain {
    final NfcSink sink = new NfcSink(new StringBuilder());
    final Stage[] stages = new Stage[rules.length];
    final Stage head;
    final Lines lines = new Lines();
    final Output out = new Output();

    /**
     * After the html-entities stage when only context-free maps come before it: closed, it lets the html
     * stages read the start of a line (their context) without the stages after them seeing it again.
     */
    final Gate gate;
    /**
     * No spelling: clean stretches may be copied whole ({@link #bulkClean}). (Elongation is seen by the
     * clean scan, which stops at three equal characters.)
     */
    final boolean bulk = !lexical;
    /** Index of the html-entities stage, or -1. */
    final int html;
    /** The html stages can be primed by {@link HtmlEntitiesRule#skim}. */
    final boolean skimmable;
    /**
     * The direct path decodes complete references itself ({@link HtmlEntitiesRule#terminated}): only context-
     * free maps come before html-entities (a gate exists) and none of them touches ASCII.
     */
    final boolean entities;
    /** Judges a stray {@code &} on the direct path, or null when the chain must ({@link #strayVerdict}). */
    final HtmlEntitiesRule.StrayAmpersands stray;

    Chain() {
      Stage h = sink;
      int at = -1;
      for (int r = 0; r < rules.length && at < 0; r++) {
        if (rules[r] instanceof HtmlEntitiesRule) {
          at = r;
        } else if (!(rules[r] instanceof MapRule)) {
          break;
        }
      }
      int count = 0;
      for (Rule rule : rules) {
        count += rule instanceof HtmlEntitiesRule ? 1 : 0;
      }
      if (count > 1) {
        at = -1; // a second html step would need the line too: no gate, chains start at the line start
      }
      Gate g = null;
      for (int r = rules.length - 1; r >= 0; r--) {
        if (r == at) {
          g = new Gate(h);
          h = g;
        }
        h = rules[r].newStage(h, StepCounter.NONE);
        stages[r] = h;
      }
      head = h;
      gate = g;
      html = at;
      // Skimming stands in for feeding the html stages when at most one (fused) map comes before them and
      // it never makes an &.
      skimmable = at == 0 || (at == 1 && table.mapsBeforeHtmlMakeNoAmpersand);
      entities = g != null && !table.beforeHtmlTouched.containsSome(0, 0x7F);
      stray = entities && skimmable
          ? ((HtmlEntitiesRule) rules[at]).new StrayAmpersands(at == 0 ? null : (MapRule) rules[0]) : null;
    }

    /**
     * What the pipeline makes of the stray {@code &} at {@code k} (no reference starts there), as a chain
     * would: {@link HtmlEntitiesRule#KEEP}, {@code SPACE} or {@code DROP}; {@code UNDECIDED} when the chain
     * must judge it ({@link HtmlEntitiesRule.StrayAmpersands#verdict}).
     */
    int strayVerdict(int k) {
      if (stray == null || !lines.ampersandAhead(in, k)) {
        return HtmlEntitiesRule.UNDECIDED;
      }
      return stray.verdict(in, lines.start, k);
    }

    /**
     * Writes what a complete reference at {@code k} becomes, when the decoder would decode it whatever
     * surrounds it and every character it decodes to is a base the table handles. Returns its length in
     * the input, or 0 (the output may then hold part of it: the caller takes it back).
     */
    private int decodeEntity(int k) {
      HtmlEntitiesRule.Match m = HtmlEntitiesRule.terminated(in, k);
      if (m == null || !entityIsDirect(m.text)) {
        return 0;
      }
      segIn = k;
      prevCcc = NO_MARKS;
      out.skip(k); // the output stops being the input: a reference never reads as what it decodes to
      for (int x = 0; x < m.text.length(); x++) {
        char c = m.text.charAt(x);
        byte t = cls[c];
        if (t == DirectTable.MAPN) {
          String to = table.strings[table.map(c)];
          for (int y = 0; y < to.length(); y++) {
            if (!emit(to.charAt(y), k)) {
              return 0;
            }
          }
        } else if (!emit(table.map(c), k)) {
          return 0;
        }
      }
      return m.length;
    }

    /** True when every character of a decoded reference is a base the table handles on its own. */
    private boolean entityIsDirect(String text) {
      for (int x = 0; x < text.length(); x++) {
        char c = text.charAt(x);
        byte t = cls[c];
        if ((t < DirectTable.COPY || t > DirectTable.MAP1_CLOSED) && t != DirectTable.MAPN
            || table.beforeHtmlTouched.contains(c)) {
          return false;
        }
      }
      return true;
    }

    /** Output length of a reference the direct path decoded at {@code k}, and its input length. */
    private long entityLengths(int k) {
      HtmlEntitiesRule.Match m = HtmlEntitiesRule.terminated(in, k);
      if (m == null) {
        // A stray & the direct path judged: the same verdict again (it depends on the text alone).
        return (1L << 32) | (strayVerdict(k) == HtmlEntitiesRule.DROP ? 0 : 1);
      }
      int outLen = 0;
      for (int x = 0; x < m.text.length(); x++) {
        outLen += table.outputLength(m.text.charAt(x));
      }
      return ((long) m.length << 32) | outLen;
    }

    /**
     * {@code r}, moved back to the {@code &} of a reference the direct path decoded whole when it falls
     * inside one or right after it: what it decoded to may be part of the word (or blank run) at r, and
     * safeStart, reading the input, sees only ASCII there.
     */
    int outsideEntity(int r) {
      if (!entities) {
        return r;
      }
      // A lookahead holds at most MAX_LOOK code points: twice as many chars, for surrogate pairs.
      for (int a = r - 1; a >= 0 && r - a <= 2 * HtmlEntitiesRule.MAX_LOOK; a--) {
        char c = in.charAt(a);
        if (c == '&') {
          HtmlEntitiesRule.Match m = HtmlEntitiesRule.terminated(in, a);
          if (m == null) {
            // A stray & the direct path judged: until the word after it ends, the residue stage holds it
            // in its lookahead, and a chain started inside that word could not be primed.
            return stray != null ? a : r;
          }
          return a + m.length >= r && entityIsDirect(m.text) ? a : r;
        }
        if (HtmlEntitiesRule.isBlank(c) || HtmlEntitiesRule.isLineBreak(c)) {
          return r;
        }
      }
      return r;
    }

    /**
     * Restarts a suspended chain at {@code to}: the html stages keep their state and read {@code [from, to)}
     * (the text the direct path wrote since the suspension point {@code from}, which holds no {@code &}),
     * their output dropped; the stages after them start fresh at {@code to}. False (and nothing changed)
     * when there is no gate or the stretch holds an {@code &}.
     */
    boolean primeOn(int from, int to) {
      if (gate == null) {
        return false;
      }
      for (int k = from; k < to; k++) {
        if (in.charAt(k) == '&') {
          return false;
        }
      }
      for (int k = html + 1; k < stages.length; k++) {
        stages[k].reset();
      }
      sink.clear();
      skimOrFeed(from, to);
      if (!stages[html].idle()) {
        throw new IllegalStateException("html stages hold a lookahead without an '&'");
      }
      return true;
    }

    /**
     * The html stages read {@code [from, to)} (no {@code &} in it) with their output dropped: skimmed when
     * they are the first stages (only their state matters), else fed through the closed gate.
     */
    private void skimOrFeed(int from, int to) {
      if (skimmable && HtmlEntitiesRule.skim(stages[html], html == 0 ? null : (MapRule) rules[0], in, from, to)) {
        return;
      }
      gate.open = false;
      feed(in, from, to, head);
      gate.open = true;
    }

    /**
     * Starts the chain at {@code from} with the html stages primed by the line before it, when they end up
     * holding nothing back; false, with the chain reset, when they cannot be.
     */
    boolean primeFrom(int lineStart, int from) {
      if (gate == null) {
        return false;
      }
      reset();
      // Through the last & before from (and the word after it, which the residue rules wait for) in full;
      // the rest of the way only the residue rules' state matters.
      int k = from;
      while (k > lineStart && in.charAt(k - 1) != '&') {
        k--;
      }
      gate.open = false;
      if (k > lineStart) {
        k = feed(in, lineStart, k, head);
        while (k < from && !stages[html].idle()) {
          k = feed(in, k, k + 1, head);
        }
      }
      gate.open = true;
      if (k < from && stages[html].idle()) {
        skimOrFeed(k, from);
      }
      if (!stages[html].idle()) {
        reset();
        return false;
      }
      return true;
    }

    void reset() {
      for (Stage st : stages) {
        st.reset();
      }
      StringBuilder buf = sink.buffer();
      if (buf.capacity() > (1 << 20)) {
        buf.setLength(0);
        buf.trimToSize(); // do not keep a huge buffer alive in a pool
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

    /**
     * {@link #idle()} just before a space or line break, which ends any open word: a word stage that holds
     * one, with every stage before it idle, finishes it now (as the blank would on arrival). Without this a
     * word stage is never idle before a space that follows a word, and the chain would run on to the next
     * space after punctuation. Requires that the steps pass blanks and line breaks on as they are.
     */
    boolean idleAtBoundary() {
      for (Stage st : stages) {
        if (!st.idle()) {
          if (!(st instanceof WordStage) || !blanksPass) {
            return false;
          }
          ((WordStage) st).boundary();
          if (!st.idle()) {
            return false;
          }
        }
      }
      return true;
    }

    // The direct path's state, valid within one direct phase. Positions ending in "In" index the input.

    private CharSequence in;
    /** With spelling: the output holds an open word, from wordStartOut. */
    private boolean inWord;
    private int wordStartOut;
    /** The last char written, and how many times in a row (elongation). */
    private int run;
    private char prevOut;
    /** The last char written is a space or tab, from the segment at lastBlankIn. */
    private boolean lastOutBlank;
    private int lastBlankIn;
    /** The segment that gave the last base character written. */
    private int lastBaseIn;
    /** Combining class of the last kept mark, 0 after a base, or NO_MARKS. */
    private int prevCcc;
    /** The segment being read. */
    private int segIn;
    /** The text ended inside a word that needs the chain. */
    boolean endSpecial;

    void startPhase(int at) {
      inWord = false;
      run = 0;
      prevOut = 0;
      lastBlankIn = at - 1;
      lastBaseIn = at - 1;
      char last = out.lastChar();
      lastOutBlank = blankSensitive && (last == ' ' || last == '\t');
      prevCcc = NO_MARKS;
      segIn = at;
      endSpecial = false;
    }

    /**
     * The direct path: from {@code k}, writes what the pipeline makes of each character straight to the
     * output, one table lookup per character, while nothing around it can matter. Returns the index of the
     * first character that needs the chain, or the length of the text ({@link #endSpecial} says whether the
     * last word still needs it).
     */
    int direct(int k) {
      final CharSequence s = in;
      final int n = s.length();
      final byte[] cls = Engine.this.cls;
      final Output o = out;
      boolean tryBulk = bulk;
      // After a failed try, a longer run is wanted before the next: text dense with changes stays with copyRun.
      int wanted = BULK_MIN;
      while (k < n) {
        if (tryBulk) {
          int b = bulkClean(k);
          wanted = b == k ? Math.min(wanted * 2, 1 << 12) : BULK_MIN;
          k = b;
          if (k == n) {
            break;
          }
        }
        int from = k;
        k = copyRun(k);
        if (k < 0) {
          return ~k;
        }
        // A long run suggests clean text: try the bulk copy again after the next change.
        tryBulk = bulk && k - from >= wanted;
        if (k == n) {
          break;
        }
        char c = s.charAt(k);
        if (k > from && cls[c] >= DirectTable.COPY && cls[c] <= DirectTable.MARK_KEEP && out.buf != null) {
          continue; // the buffer was full
        }
        switch (cls[c]) {
          case DirectTable.MARK_KEEP: {
            int ccc = UnicodeData.ccc(c);
            if (ccc < prevCcc) {
              if (prevCcc == NO_MARKS || (lexical && !inWord)) {
                return k;
              }
              // Out of canonical order among the kept marks of this base: put it in its place, as NFC would;
              // past a few marks, the chain sorts the run (an insertion sort of a hostile one is quadratic).
              if (!out.insertMark(c, ccc, k)) {
                return k;
              }
              run = 1;
              k++;
              break;
            }
            prevCcc = ccc;
            if (!emitOrUndo(c, k)) {
              return k;
            }
            k++;
            break;
          }
          case DirectTable.MARK_DEL:
            o.skip(k);
            k++;
            break;
          case DirectTable.MAP1_BLANK:
          case DirectTable.MAP1:
          case DirectTable.MAP1_CLOSED: {
            char m = table.map(c);
            segIn = k;
            prevCcc = cls[c] == DirectTable.MAP1_CLOSED ? NO_MARKS : 0;
            if (!emitOrUndo(m, k)) {
              return k;
            }
            k++;
            break;
          }
          case DirectTable.MAPN: {
            String m = table.strings[table.map(c)];
            segIn = k;
            prevCcc = NO_MARKS;
            if (m.isEmpty()) {
              o.skip(k);
            } else if (!emitOrUndo(m, k)) {
              return k;
            }
            k++;
            break;
          }
          case DirectTable.HIGH:
            if (k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))
                && astralInert(Character.toCodePoint(c, s.charAt(k + 1)))) {
              segIn = k;
              prevCcc = 0;
              int p0 = o.pos;
              if (!emit(c, k) || !emit(s.charAt(k + 1), k + 1)) {
                o.rollback(p0);
                return k;
              }
              k += 2;
              break;
            }
            return k;
          default:
            if (c == '&' && entities) {
              int p0 = o.pos;
              int len = decodeEntity(k);
              if (len > 0) {
                k += len;
                break;
              }
              o.rollback(p0);
              int v = strayVerdict(k);
              if (v != HtmlEntitiesRule.UNDECIDED) {
                segIn = k;
                prevCcc = NO_MARKS;
                if (v == HtmlEntitiesRule.DROP) {
                  o.skip(k);
                } else if (!emitOrUndo((char) v, k)) {
                  return k;
                }
                k++;
                tryBulk = bulk; // stray residue sits in prose: what follows is likely clean
                break;
              }
            }
            return k;
        }
      }
      if (inWord && !endWord()) {
        endSpecial = true;
      }
      return n;
    }

    /**
     * Without spelling, a stretch that needs no change at all is found by {@link #scanCleanChars} and
     * copied whole, which costs less than {@link #copyRun}'s per-character work. Returns where the stretch
     * ends: {@code k} when it is shorter than {@link #BULK_MIN} (nothing written), or when what was written
     * before {@code k} forbids it (a blank the next blank would merge with; a mark that needs the chain).
     */
    private int bulkClean(int k) {
      final CharSequence s = in;
      final int n = s.length();
      if (n - k < BULK_MIN) {
        return k;
      }
      byte t = cls[s.charAt(k)];
      if ((lastOutBlank && t == DirectTable.COPY_BLANK) || (prevCcc == NO_MARKS && t == DirectTable.MARK_KEEP)) {
        return k;
      }
      int e = scanCleanChars(s, k, prevCcc == NO_MARKS ? 0 : prevCcc, prevOut, run);
      if (e - k < BULK_MIN) {
        return k;
      }
      out.copy(s, k, e);
      // The state copyRun would have left: the last base and its marks, and whether the output ends blank.
      int last = e - 1;
      char lc = s.charAt(last);
      byte lt = cls[lc];
      lastOutBlank = lt == DirectTable.COPY_BLANK;
      if (lastOutBlank) {
        lastBlankIn = last;
      }
      prevCcc = lt == DirectTable.MARK_KEEP ? UnicodeData.ccc(lc) : 0;
      int b = last;
      while (b > k && cls[s.charAt(b)] == DirectTable.MARK_KEEP) {
        b--;
      }
      if (cls[s.charAt(b)] != DirectTable.MARK_KEEP) {
        if (b > k && Character.isLowSurrogate(s.charAt(b)) && Character.isHighSurrogate(s.charAt(b - 1))) {
          b--;
        }
        segIn = b;
        lastBaseIn = b;
      }
      prevOut = lc;
      // As copyRun counts: equal characters in a row, a mark ending the run (the scan saw no third).
      run = !UnicodeData.isMark(lc) && s.charAt(last - 1) == lc ? 2 : 1;
      return e;
    }

    /**
     * The hot loop of the direct path: a run of characters that are copied or replaced by one character,
     * one table lookup each, with the elongation and blank checks on registers. Returns where the run
     * stopped: at a character of another kind, at the first replacement while the output still equals the
     * input, at the end, or {@code ~k} for a character that needs the chain. Once the output has a buffer of
     * its own and without spelling, which is most of the direct path's work, {@link #copyRunWriting} runs
     * instead.
     */
    private int copyRun(int k) {
      if (out.buf != null && !lexical) {
        return copyRunWriting(k);
      }
      final CharSequence s = in;
      final int n = s.length();
      final int[] classAndMap = table.classAndMap;
      final boolean elongate = elongation;
      final boolean words = lexical;
      final Output o = out;
      final boolean ident = o.buf == null;
      int same = run;
      char prev = prevOut;
      boolean blank = lastOutBlank;
      int blankAt = lastBlankIn;
      final int runStart = k;
      final int pos0 = o.pos;
      char[] b = o.buf;
      int p = ident ? 0 : o.pos - o.flushed;
      int limit = n;
      if (!ident) {
        if (b.length - p < n - k) {
          b = o.reserve(Math.min(n - k, 1 << 16));
        }
        limit = Math.min(n, k + b.length - p);
      }
      int stop = -1;
      int ccc = prevCcc;
      int starter = -1;
      // Branch-light on purpose: letters and spaces alternate every few characters, and a branch on the
      // kind of character would be mispredicted at every word boundary.
      for (; k < limit; k++) {
        char c = s.charAt(k);
        int v = classAndMap[c];
        int t = v & 0xFF;
        if (t == DirectTable.SPECIAL || t > DirectTable.MARK_KEEP) {
          break;
        }
        char x = (char) (v >>> 8);
        if (t >= DirectTable.MARK_DEL) {
          if (t == DirectTable.MARK_DEL) {
            if (ident) {
              break; // the output stops being the input: one by one
            }
            continue;
          }
          int cc = UnicodeData.ccc(c);
          if (cc < ccc || words) {
            break; // out of canonical order, not allowed here, or opening a word for spelling: one by one
          }
          ccc = cc;
          same = 1;
          blank = false;
          prev = x;
          if (!ident) {
            b[p++] = x;
          }
          continue;
        }
        if (ident && x != c) {
          break;
        }
        same = x == prev ? same + 1 : 1;
        boolean isBlank = t == DirectTable.COPY_BLANK | t == DirectTable.MAP1_BLANK;
        // Three equal letters in a row are in one word, whatever else the word holds: elongation.
        if ((same >= 3 & elongate) | (isBlank & blank)) {
          if ((isBlank & blank) || WordStage.isWordChar(x)) {
            stop = k;
            break;
          }
        }
        if (words && WordStage.isWordChar(x) != inWord) {
          o.pos = ident ? pos0 + (k - runStart) : p + o.flushed;
          if (inWord) {
            if (!endWord()) {
              stop = k;
              break;
            }
          } else {
            inWord = true;
            wordStartOut = o.pos;
          }
        }
        blank = isBlank;
        blankAt = isBlank ? k : blankAt;
        prev = x;
        ccc = CCC_AFTER[t];
        starter = k;
        if (!ident) {
          b[p++] = x;
        }
      }
      int last = stop >= 0 ? stop : k;
      o.pos = ident ? pos0 + (last - runStart) : p + o.flushed;
      endRun(same, blank, blankAt, prev, ccc, starter);
      return stop >= 0 ? ~stop : k;
    }

    /**
     * {@link #copyRun} once the output has its own buffer and without spelling: the same loop without the
     * two cases that cannot occur here, the output still equal to the input and a word for spelling. Kept
     * apart because it measured faster than the one loop testing both cases per character (inferred: the
     * JIT does not take loop-invariant tests out of a loop this size): on the Elaph article
     * {@code search} went from 2.11-2.17 to 1.82-1.87 ms per MB, 100% changes from 2.84-3.14 to 2.40-2.47
     * (development timing loop, best of 40 passes, 3 JVMs each).
     */
    private int copyRunWriting(int k) {
      final CharSequence s = in;
      final int n = s.length();
      final int[] classAndMap = table.classAndMap;
      final boolean elongate = elongation;
      final Output o = out;
      int same = run;
      char prev = prevOut;
      boolean blank = lastOutBlank;
      int blankAt = lastBlankIn;
      int p = o.pos - o.flushed;
      char[] b = o.buf;
      if (b.length - p < n - k) {
        b = o.reserve(Math.min(n - k, 1 << 16));
      }
      final int limit = Math.min(n, k + b.length - p);
      int stop = -1;
      int ccc = prevCcc;
      int starter = -1;
      for (; k < limit; k++) {
        char c = s.charAt(k);
        int v = classAndMap[c];
        int t = v & 0xFF;
        if (t == DirectTable.SPECIAL || t > DirectTable.MARK_KEEP) {
          break;
        }
        char x = (char) (v >>> 8);
        if (t >= DirectTable.MARK_DEL) {
          if (t == DirectTable.MARK_DEL) {
            continue;
          }
          int cc = UnicodeData.ccc(c);
          if (cc < ccc) {
            break; // out of canonical order, or not allowed here: one by one
          }
          ccc = cc;
          same = 1;
          blank = false;
          prev = x;
          b[p++] = x;
          continue;
        }
        same = x == prev ? same + 1 : 1;
        boolean isBlank = t == DirectTable.COPY_BLANK | t == DirectTable.MAP1_BLANK;
        if ((same >= 3 & elongate) | (isBlank & blank)) {
          if ((isBlank & blank) || WordStage.isWordChar(x)) {
            stop = k;
            break;
          }
        }
        blank = isBlank;
        blankAt = isBlank ? k : blankAt;
        prev = x;
        ccc = CCC_AFTER[t];
        starter = k;
        b[p++] = x;
      }
      o.pos = p + o.flushed;
      endRun(same, blank, blankAt, prev, ccc, starter);
      return stop >= 0 ? ~stop : k;
    }

    /** Stores the state a hot loop kept in registers; {@code starter} is its last base character, or -1. */
    private void endRun(int same, boolean blank, int blankAt, char prev, int ccc, int starter) {
      run = same;
      lastOutBlank = blank;
      lastBlankIn = blankAt;
      prevOut = prev;
      prevCcc = ccc;
      if (starter >= 0) {
        segIn = starter;
        lastBaseIn = starter;
      }
    }

    /** Closes the open word; false when it may start a spelling fix (the word stays open). */
    private boolean endWord() {
      if (out.contains(wordTriggers, wordStartOut)) {
        return false;
      }
      inWord = false;
      return true;
    }

    /**
     * Writes the output {@code text} of the input char at {@code k} ({@link #emit} char by char); false, with
     * nothing of it left written, when one of its chars needs the chain.
     */
    private boolean emitOrUndo(CharSequence text, int k) {
      int p0 = out.pos;
      for (int x = 0; x < text.length(); x++) {
        if (!emit(text.charAt(x), k)) {
          out.rollback(p0);
          return false;
        }
      }
      return true;
    }

    /** {@link #emitOrUndo(CharSequence, int)} for a single char. */
    private boolean emitOrUndo(char c, int k) {
      int p0 = out.pos;
      if (emit(c, k)) {
        return true;
      }
      out.rollback(p0);
      return false;
    }

    /** Writes one char of output for the input char at {@code k}, after the checks that need context. */
    private boolean emit(char c, int k) {
      boolean mark = UnicodeData.isMark(c);
      if (elongation) {
        run = c == prevOut && !mark ? run + 1 : 1;
        if (run == 3 && WordStage.isWordChar(c)) {
          return false;
        }
      }
      if (lexical) {
        if (WordStage.continuesWord(c, inWord)) {
          if (!inWord) {
            inWord = true;
            wordStartOut = out.pos;
          }
        } else if (inWord && !endWord()) {
          return false;
        }
      }
      if (blankSensitive) {
        if (c == ' ' || c == '\t') {
          if (lastOutBlank) {
            return false;
          }
          lastOutBlank = true;
          lastBlankIn = segIn;
        } else {
          lastOutBlank = false;
        }
      }
      if (!mark) {
        lastBaseIn = segIn;
      }
      prevOut = c;
      out.write(c, k);
      return true;
    }

    /**
     * The earliest input index whose context the stages would still hold at {@code j}, beyond what
     * {@link #safeStart} finds in the input: the last base written (its marks may follow, across deleted
     * letters) and the blank a following blank would merge with (across deleted characters). Words need
     * nothing more: safeStart reads a character the steps change or delete as part of a word.
     */
    int contextStart(int j) {
      int m = Math.min(j, lastBaseIn);
      if (lastOutBlank) {
        m = Math.min(m, lastBlankIn);
      }
      return Math.max(m, 0);
    }

    /**
     * Feeds the chain from {@code from} (fresh, or resumed where it was suspended) through {@code j} and on,
     * until it is idle at a space or line break where the direct path may take over (returned), or to the
     * end of the text. What it made is appended to the output.
     */
    int chainFrom(int from, int j) {
      int n = in.length();
      int i = feed(in, from, Math.min(j + 1, n), head);
      while (i < n) {
        char c = in.charAt(i);
        // With an & ahead on the line, stop only where the html stages can be primed on (a gate).
        if ((c == ' ' || c == '\n') && idleAtBoundary()
            && !(lineContext && c == ' ' && gate == null && lines.ampersandAhead(in, i))) {
          sink.closeSegment(); // a space or line break starts a segment of its own
          out.appendRegion(sink.buffer(), from, i);
          sink.clear();
          return i;
        }
        i = feed(in, i, i + 1, head);
      }
      head.end();
      out.appendRegion(sink.buffer(), from, n);
      sink.clear();
      return n;
    }
  }

  /** A stage that passes code points on while open and drops them while closed. */
  private static final class Gate extends Stage {
    boolean open = true;

    Gate(Stage next) {
      super(next);
    }

    @Override
    void put(int cp) {
      if (open) {
        next.put(cp);
      }
    }
  }

  /**
   * The text being built: while it equals the input so far, only a length; from the first difference, a
   * char array. With a target, finished text is handed over at the points where the direct path can no
   * longer take it back.
   */
  private static final class Output {
    private static final int FLUSH_AT = 1 << 15;
    /** A buffer larger than this is not kept for the next call. */
    private static final int KEEP_AT_MOST = 1 << 18;

    private CharSequence in;
    private Appendable target;
    /** Null while the output is the input's [0, pos). */
    private char[] buf;
    private char[] spare;
    /** Length of the output so far. */
    int pos;
    /** Up to here the output equals the input, even when {@link #buf} exists. */
    private int identical;
    /** Output position of buf[0]: what came before went to the target. */
    private int flushed;
    private char lastFlushed;

    void start(CharSequence text, Appendable to, int identicalPrefix) {
      in = text;
      target = to;
      buf = null;
      pos = identicalPrefix;
      identical = 0;
      flushed = 0;
      lastFlushed = 0;
    }

    /** Writes {@code c} as the output of, or part of the output of, the input char at {@code k}. */
    void write(char c, int k) {
      if (buf == null) {
        if (pos == k && in.charAt(k) == c) {
          pos++;
          return;
        }
        materialize(1);
      } else if (pos - flushed == buf.length) {
        grow(1);
      }
      buf[pos++ - flushed] = c;
    }

    /**
     * Writes a mark among the marks just written after their base, before those of a higher combining
     * class: canonical reordering, for marks that compose with nothing.
     */
    boolean insertMark(char mark, int ccc, int k) {
      int end = buf == null ? pos : pos - flushed;
      int moved = 0;
      for (int at = end; at > 0 && moved <= MAX_MARK_SHIFT; at--) {
        char before = buf == null ? in.charAt(at - 1) : buf[at - 1];
        if (UnicodeData.ccc(before) <= ccc) {
          break;
        }
        moved++;
      }
      if (moved > MAX_MARK_SHIFT) {
        return false;
      }
      if (buf == null) {
        materialize(1);
      } else if (pos - flushed == buf.length) {
        grow(1);
      }
      int at = pos - flushed;
      while (at > 0 && UnicodeData.ccc(buf[at - 1]) > ccc) {
        buf[at] = buf[at - 1];
        at--;
      }
      buf[at] = mark;
      pos++;
      return true;
    }

    /** Copies the input's [from, to), which follows what was written so far, as it is. */
    void copy(CharSequence s, int from, int to) {
      int len = to - from;
      if (buf == null) {
        pos += len;
        return;
      }
      if (pos - flushed + len > buf.length) {
        grow(len);
      }
      copyInto(s, from, to, buf, pos - flushed);
      pos += len;
    }

    /** The input char at {@code k} gives no output. */
    void skip(int k) {
      if (buf == null) {
        materialize(0);
      }
    }

    char lastChar() {
      if (buf == null) {
        return pos > 0 ? in.charAt(pos - 1) : 0;
      }
      return pos > flushed ? buf[pos - flushed - 1] : lastFlushed;
    }

    /** Appends what the chain made of the input's [from, to). */
    void appendRegion(StringBuilder region, int from, int to) {
      int len = region.length();
      if (buf == null) {
        if (pos == from && sameText(region, in, from, to)) {
          pos = to;
          return;
        }
        materialize(len);
      }
      if (pos - flushed + len > buf.length) {
        grow(len);
      }
      region.getChars(0, len, buf, pos - flushed);
      pos += len;
    }

    /** True when the output from {@code from} to its end is in {@code set}. */
    boolean contains(CharRangeSet set, int from) {
      return buf == null ? set.contains(in, from, pos) : set.contains(buf, from - flushed, pos - flushed);
    }

    /** Takes the output back to length {@code p}; back to no buffer when that is still the input's prefix. */
    void rollback(int p) {
      pos = p;
      if (buf != null && p <= identical && flushed == 0) {
        spare = buf;
        buf = null;
      }
    }

    private void materialize(int extra) {
      identical = pos;
      int keep = pos - flushed;
      int want = keep + extra + (target == null ? in.length() - pos : Math.min(in.length() - pos, FLUSH_AT)) + 16;
      char[] b = spare != null && spare.length >= want ? spare : new char[want];
      spare = null;
      copyInto(in, flushed, pos, b, 0);
      buf = b;
    }

    private static void copyInto(CharSequence s, int from, int to, char[] b, int at) {
      if (s instanceof String) {
        ((String) s).getChars(from, to, b, at);
      } else {
        for (int k = from; k < to; k++) {
          b[at + k - from] = s.charAt(k);
        }
      }
    }

    /** Room for {@code extra} more chars; returns the buffer. */
    char[] reserve(int extra) {
      if (pos - flushed + extra > buf.length) {
        grow(extra);
      }
      return buf;
    }

    private void grow(int extra) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos - flushed + extra + 16));
    }

    /** With a target, hands over everything written so far once there is enough of it. */
    void flushIfLarge() throws IOException {
      if (target != null && pos - flushed >= FLUSH_AT) {
        flush();
      }
    }

    private void flush() throws IOException {
      if (pos == flushed) {
        return;
      }
      lastFlushed = lastChar();
      if (buf == null) {
        appendRange(target, in, flushed, pos);
      } else if (target instanceof Writer) {
        ((Writer) target).write(buf, 0, pos - flushed);
      } else if (target instanceof StringBuilder) {
        ((StringBuilder) target).append(buf, 0, pos - flushed);
      } else {
        target.append(java.nio.CharBuffer.wrap(buf, 0, pos - flushed));
      }
      flushed = pos;
    }

    /** The result: the new text, or null when it equals the input (with a target: everything handed over). */
    String finish() throws IOException {
      String result = null;
      if (target != null) {
        flush();
      } else if (buf != null) {
        result = new String(buf, 0, pos);
      }
      if (buf != null && buf.length <= KEEP_AT_MOST) {
        spare = buf;
      }
      buf = null;
      in = null;
      target = null;
      return result;
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

  private Chain take() {
    Chain chain = chains.poll();
    return chain == null ? new Chain() : chain;
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
    int p = safeStart(in, first, ch.lines);
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
        int r = Math.min(safeStart(in, j, ch.lines, false), safeStart(in, ch.contextStart(j), ch.lines, false));
        for (int inside = ch.outsideEntity(r); inside != r; inside = ch.outsideEntity(r)) {
          r = safeStart(in, inside, ch.lines, false);
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
        } else if (suspended && lineStart <= phase && ch.primeOn(phase, r)) {
          from = r;
        } else if (suspended && lineStart < phase) {
          // The chain wrote the start of this line: only it has the context. (Before primeFrom, which resets
          // the chain when it fails.)
          from = -1;
        } else if (ch.primeFrom(lineStart, r)) {
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
      int start = safeStart(in, dirty, chain.lines);
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

  /**
   * {@code target.append(s, from, to)}, without the substring {@link Writer#append(CharSequence, int, int)}
   * makes of a String first: a Writer is handed the range itself (equivalent by Writer's contract).
   */
  private static void appendRange(Appendable target, CharSequence s, int from, int to) throws IOException {
    if (target instanceof Writer && s instanceof String) {
      ((Writer) target).write((String) s, from, to - from);
    } else {
      target.append(s, from, to);
    }
  }

  private static void append(Appendable target, CharSequence s, int from, int to) {
    try {
      appendRange(target, s, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    return safeStart(in, next, lines);
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
    // Whole lines at a time, a block of up to 64 Ki chars each: lines read in full go to the engine as one
    // String, made straight from the read buffer when no line was left over from the read before.
    StringBuilder pending = new StringBuilder();
    char[] buf = new char[1 << 16];
    int read;
    while ((read = in.read(buf)) >= 0) {
      int lastBreak = read - 1;
      while (lastBreak >= 0 && buf[lastBreak] != '\n') {
        lastBreak--;
      }
      if (lastBreak < 0) {
        pending.append(buf, 0, read);
        if (pending.length() > LONG_LINE) {
          streamLongLine(in, out, pending);
        }
        continue;
      }
      String lines;
      if (pending.length() == 0) {
        lines = new String(buf, 0, lastBreak + 1);
      } else {
        lines = pending.append(buf, 0, lastBreak + 1).toString();
        pending.setLength(0);
      }
      normalize(lines, out, StepCounter.NONE);
      pending.append(buf, lastBreak + 1, read - lastBreak - 1);
    }
    normalize(pending, out, StepCounter.NONE);
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
