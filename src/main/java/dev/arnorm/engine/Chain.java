package dev.arnorm.engine;

import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.MapRule;
import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.WordStage;
import dev.arnorm.unicode.UnicodeData;

/**
 * One call's working state, and the direct path that runs on it. {@link Engine} takes a Chain from its
 * pool for each call ({@code Engine.take}), runs the direct path ({@link #direct}: one table lookup per
 * character, with the checks that need context on registers) and, where a character needs its context,
 * hands the text to the chain of stages ({@link #head}, ending in an {@link NfcSink}) and back. Reset, not
 * reallocated, between calls, so that a call usually allocates nothing of it. The engine's compiled
 * pipeline (its table, rules and flags) is read through {@link #engine}.
 */
public final class Chain {
  final Engine engine;
  public final NfcSink sink = new NfcSink(new StringBuilder());
  public final Stage[] stages;
  public final Stage head;
  public final Lines lines = new Lines();
  public final Output out = new Output();

  /**
   * After the html-entities stage when only context-free maps come before it: closed, it lets the html
   * stages read the start of a line (their context) without the stages after them seeing it again.
   */
  public final Gate gate;
  /**
   * No spelling: clean stretches may be copied whole ({@link #bulkClean}). (Elongation is seen by the
   * clean scan, which stops at three equal characters.)
   */
  public final boolean bulk;
  /** Index of the html-entities stage, or -1. */
  public final int html;
  /** The html stages can be primed by {@link HtmlEntitiesRule#skim}. */
  public final boolean skimmable;
  /**
   * The direct path decodes complete references itself ({@link HtmlEntitiesRule#terminated}): only context-
   * free maps come before html-entities (a gate exists) and none of them touches ASCII.
   */
  public final boolean entities;
  /** Judges a stray {@code &} on the direct path, or null when the chain must ({@link #strayVerdict}). */
  public final HtmlEntitiesRule.StrayAmpersands stray;

  public Chain(Engine engine) {
    this.engine = engine;
    this.stages = new Stage[engine.rules.length];
    this.bulk = !engine.lexical;
    Stage h = sink;
    int at = -1;
    for (int r = 0; r < engine.rules.length && at < 0; r++) {
      if (engine.rules[r] instanceof HtmlEntitiesRule) {
        at = r;
      } else if (!(engine.rules[r] instanceof MapRule)) {
        break;
      }
    }
    int count = 0;
    for (Rule rule : engine.rules) {
      count += rule instanceof HtmlEntitiesRule ? 1 : 0;
    }
    if (count > 1) {
      at = -1; // a second html step would need the line too: no gate, chains start at the line start
    }
    Gate g = null;
    for (int r = engine.rules.length - 1; r >= 0; r--) {
      if (r == at) {
        g = new Gate(h);
        h = g;
      }
      h = engine.rules[r].newStage(h, StepCounter.NONE);
      stages[r] = h;
    }
    head = h;
    gate = g;
    html = at;
    // Skimming stands in for feeding the html stages when at most one (fused) map comes before them and
    // it never makes an &.
    skimmable = at == 0 || (at == 1 && engine.table.mapsBeforeHtmlMakeNoAmpersand);
    entities = g != null && !engine.table.beforeHtmlTouched.containsSome(0, 0x7F);
    stray = entities && skimmable
        ? ((HtmlEntitiesRule) engine.rules[at]).new StrayAmpersands(at == 0 ? null : (MapRule) engine.rules[0]) : null;
  }

  /**
   * What the pipeline makes of the stray {@code &} at {@code k} (no reference starts there), as a chain
   * would: {@link HtmlEntitiesRule#KEEP}, {@code SPACE} or {@code DROP}; {@code UNDECIDED} when the chain
   * must judge it ({@link HtmlEntitiesRule.StrayAmpersands#verdict}).
   */
  public int strayVerdict(int k) {
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
    if (m == null || !engine.table.decodesDirect(m.text)) {
      return 0;
    }
    segIn = k;
    prevCcc = Engine.NO_MARKS;
    out.skip(k); // the output stops being the input: a reference never reads as what it decodes to
    for (int x = 0; x < m.text.length(); x++) {
      char c = m.text.charAt(x);
      byte t = engine.cls[c];
      if (t == DirectTable.MAPN) {
        String to = engine.table.strings[engine.table.map(c)];
        for (int y = 0; y < to.length(); y++) {
          if (!emit(to.charAt(y), k)) {
            return 0;
          }
        }
      } else if (!emit(engine.table.map(c), k)) {
        return 0;
      }
    }
    return m.length;
  }


  /**
   * Just after a kept stray {@code &}, at {@code k}: what the stray judge keeps after it without a verdict
   * each, written out. The rest of a literal run of {@code &}s (a line of them took about 10x the time of
   * news), or the words glued by kept {@code &}s ({@code abc&abc}: copied whole when the table copies ASCII
   * letters and digits, else each of those {@code &}s is let through as judged). Returns where the direct
   * path goes on, or {@code ~j} when the chain must take over at {@code j}.
   */
  private int keptAfter(int k) {
    CharSequence s = in;
    int e = stray.keptAfter(s, lines.start, k);
    if (e == k) {
      return k;
    }
    if (s.charAt(k) == '&') {
      for (; k < e; k++) {
        segIn = k;
        prevCcc = Engine.NO_MARKS;
        if (!emitOrUndo('&', k)) {
          return ~k;
        }
      }
      return k;
    }
    if (bulk && engine.table.copiesAsciiAlnum) {
      out.copy(s, k, e);
      segIn = e - 1;
      lastBaseIn = e - 1;
      prevCcc = Engine.NO_MARKS;
      prevOut = '&';
      run = 1;
      lastOutBlank = false;
      return e;
    }
    keptBefore = e;
    keptIn = s;
    return k;
  }

  /** Output length of a reference the direct path decoded at {@code k}, and its input length. */
  public long entityLengths(int k) {
    HtmlEntitiesRule.Match m = HtmlEntitiesRule.terminated(in, k);
    if (m == null) {
      // A stray & the direct path judged: the same verdict again (it depends on the text alone).
      return (1L << 32) | (strayVerdict(k) == HtmlEntitiesRule.DROP ? 0 : 1);
    }
    int outLen = 0;
    for (int x = 0; x < m.text.length(); x++) {
      outLen += engine.table.outputLength(m.text.charAt(x));
    }
    return ((long) m.length << 32) | outLen;
  }

  /**
   * {@code r}, moved back to the {@code &} of a reference the direct path decoded whole when it falls
   * inside one or right after it: what it decoded to may be part of the word (or blank run) at r, and
   * safeStart, reading the input, sees only ASCII there.
   */
  public int outsideEntity(int r) {
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
        return a + m.length >= r && engine.table.decodesDirect(m.text) ? a : r;
      }
      if (HtmlEntitiesRule.isBlank(c) || HtmlEntitiesRule.isLineBreak(c)) {
        return r;
      }
    }
    return r;
  }

  public void reset() {
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

  public boolean idle() {
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
  public boolean idleAtBoundary() {
    return idleAtBoundary(stages, engine.blanksPass);
  }

  /** {@link #idleAtBoundary()} over any chain's {@code stages}: the offsets path asks it too. */
  static boolean idleAtBoundary(Stage[] stages, boolean blanksPass) {
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

  public CharSequence in;
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
  public boolean endSpecial;
  /** Each {@code &} of {@code keptIn} before {@code keptBefore} is kept with its words ({@link #keptAfter}). */
  private CharSequence keptIn;
  private int keptBefore;

  public void startPhase(int at) {
    inWord = false;
    run = 0;
    prevOut = 0;
    lastBlankIn = at - 1;
    lastBaseIn = at - 1;
    char last = out.lastChar();
    lastOutBlank = engine.blankSensitive && (last == ' ' || last == '\t');
    prevCcc = Engine.NO_MARKS;
    segIn = at;
    endSpecial = false;
    keptIn = null;
  }

  /**
   * The direct path: from {@code k}, writes what the pipeline makes of each character straight to the
   * output, one table lookup per character, while nothing around it can matter. Returns the index of the
   * first character that needs the chain, or the length of the text ({@link #endSpecial} says whether the
   * last word still needs it).
   */
  public int direct(int k) {
    final CharSequence s = in;
    final int n = s.length();
    final byte[] cls = engine.cls;
    final Output o = out;
    boolean tryBulk = bulk;
    // After a failed try, a longer run is wanted before the next: text dense with changes stays with copyRun.
    int wanted = Engine.BULK_MIN;
    while (k < n) {
      if (tryBulk) {
        int b = bulkClean(k);
        wanted = b == k ? Math.min(wanted * 2, 1 << 12) : Engine.BULK_MIN;
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
            if (prevCcc == Engine.NO_MARKS || (engine.lexical && !inWord)) {
              return k;
            }
            // Out of canonical order among the kept marks of this base: put it in its place, as NFC would.
            // Past a few marks, an insertion sort would be quadratic: the run of kept marks from here is
            // sorted in with the cluster's in one pass instead. Near the end of the chain's first piece of
            // a cluster (NfcSink.MAX_SEGMENT chars, which is at least k - lastBaseIn: no mark follows a base
            // that expands), only that sort, which keeps to the pieces, may move a mark.
            if (k - lastBaseIn < NfcSink.MAX_SEGMENT - Engine.MAX_MARK_SHIFT - 1 && out.insertMark(c, ccc, k)) {
              run = 1;
              k++;
              break;
            }
            int e = k + 1;
            while (e < n && cls[s.charAt(e)] == DirectTable.MARK_KEEP) {
              e++;
            }
            if (!out.sortMarks(s, k, e, 2 * (e - k) + Engine.MAX_MARK_SHIFT)) {
              return k;
            }
            prevOut = out.lastChar();
            prevCcc = UnicodeData.ccc(prevOut);
            run = 1;
            k = e;
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
          char m = engine.table.map(c);
          segIn = k;
          prevCcc = cls[c] == DirectTable.MAP1_CLOSED ? Engine.NO_MARKS : 0;
          if (!emitOrUndo(m, k)) {
            return k;
          }
          k++;
          break;
        }
        case DirectTable.MAPN: {
          String m = engine.table.strings[engine.table.map(c)];
          segIn = k;
          prevCcc = Engine.NO_MARKS;
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
              && engine.astralInert(Character.toCodePoint(c, s.charAt(k + 1)))) {
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
            int v = HtmlEntitiesRule.KEEP; // when judged with the words before it (&abc&abc)
            if (k >= keptBefore || s != keptIn) {
              int p0 = o.pos;
              int len = decodeEntity(k);
              if (len > 0) {
                k += len;
                break;
              }
              o.rollback(p0);
              v = strayVerdict(k);
            }
            if (v != HtmlEntitiesRule.UNDECIDED) {
              segIn = k;
              prevCcc = Engine.NO_MARKS;
              if (v == HtmlEntitiesRule.DROP) {
                o.skip(k);
              } else if (!emitOrUndo((char) v, k)) {
                return k;
              }
              k++;
              if (v == HtmlEntitiesRule.KEEP && k < n && (k = keptAfter(k)) < 0) {
                return ~k;
              }
              // Stray residue sits in prose: what follows is likely clean, unless it is another &.
              tryBulk = bulk && k < n && s.charAt(k) != '&';
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
    if (n - k < Engine.BULK_MIN) {
      return k;
    }
    byte t = engine.cls[s.charAt(k)];
    if ((lastOutBlank && t == DirectTable.COPY_BLANK) || (prevCcc == Engine.NO_MARKS && t == DirectTable.MARK_KEEP)) {
      return k;
    }
    int e = engine.scanCleanChars(s, k, prevCcc == Engine.NO_MARKS ? 0 : prevCcc, prevOut, run);
    if (e - k < Engine.BULK_MIN) {
      return k;
    }
    out.copy(s, k, e);
    // The state copyRun would have left: the last base and its marks, and whether the output ends blank.
    int last = e - 1;
    char lc = s.charAt(last);
    byte lt = engine.cls[lc];
    lastOutBlank = lt == DirectTable.COPY_BLANK;
    if (lastOutBlank) {
      lastBlankIn = last;
    }
    prevCcc = lt == DirectTable.MARK_KEEP ? UnicodeData.ccc(lc) : 0;
    int b = last;
    while (b > k && engine.cls[s.charAt(b)] == DirectTable.MARK_KEEP) {
      b--;
    }
    if (engine.cls[s.charAt(b)] != DirectTable.MARK_KEEP) {
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
    if (out.buf != null && !engine.lexical) {
      return copyRunWriting(k);
    }
    final CharSequence s = in;
    final int n = s.length();
    final int[] classAndMap = engine.table.classAndMap;
    final boolean elongate = engine.elongation;
    final boolean words = engine.lexical;
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
      ccc = Engine.CCC_AFTER[t];
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
    final int[] classAndMap = engine.table.classAndMap;
    final boolean elongate = engine.elongation;
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
      ccc = Engine.CCC_AFTER[t];
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
    if (out.contains(engine.wordTriggers, wordStartOut)) {
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
    if (engine.elongation) {
      run = c == prevOut && !mark ? run + 1 : 1;
      if (run == 3 && WordStage.isWordChar(c)) {
        return false;
      }
    }
    if (engine.lexical) {
      if (WordStage.continuesWord(c, inWord)) {
        if (!inWord) {
          inWord = true;
          wordStartOut = out.pos;
        }
      } else if (inWord && !endWord()) {
        return false;
      }
    }
    if (engine.blankSensitive) {
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
  public int contextStart(int j) {
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
  public int chainFrom(int from, int j) {
    int n = in.length();
    int i = Engine.feed(in, from, Math.min(j + 1, n), head);
    while (i < n) {
      char c = in.charAt(i);
      // With an & ahead on the line, stop only where the html stages can be primed on (a gate).
      if ((c == ' ' || c == '\n') && idleAtBoundary()
          && !(engine.lineContext && c == ' ' && gate == null && lines.ampersandAhead(in, i))) {
        sink.closeSegment(); // a space or line break starts a segment of its own
        out.appendRegion(sink.buffer(), from, i);
        sink.clear();
        return i;
      }
      i = Engine.feed(in, i, i + 1, head);
    }
    head.end();
    out.appendRegion(sink.buffer(), from, n);
    sink.clear();
    return n;
  }
}
