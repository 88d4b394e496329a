package dev.arnorm.engine;

import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.unicode.UnicodeData;

/**
 * Normalizes text while recording where each part of the output came from: the engine behind
 * {@code ArabicNormalizer.normalizeWithOffsets} and {@code NormalizingReader}. Offsets cost nothing when
 * they are not asked for because this is a path of its own: it feeds the text, code point by code point,
 * through the engine's chain of stages alone (no direct path), and after each code point asks whether
 * every stage is idle (holds nothing back). Such a point is an <em>anchor</em>: the output so far is
 * exactly what the source so far became. Between two anchors (a char, a word, a phrase) the source and
 * output pieces are aligned into changed regions ({@link Changes}) by a {@link PieceAligner}.
 *
 * <p>The chain ends in an {@link NfcSink}, which may still compose or reorder the open canonical segment
 * (a base and its marks). An anchor inside that segment is only final once the segment closes: a mark
 * that joins the segment withdraws it (the base and its marks then map as one), and one recorded at the
 * segment's end moves with the end when recomposition shortens it ({@link Probe}).
 *
 * <p>The {@code lucene} step alone maps code units one by one ({@link CodeUnitMap}): each changed unit is
 * a region of its own. Not thread-safe; one tracker per text or stream.
 */
public final class OffsetTracker {
  private final CodeUnitMap units;
  private final Stage[] stages;
  private final Stage head;
  private final NfcSink sink;
  /** No step changes a space or line feed by itself: a word stage may finish its word before one. */
  private final boolean blanksPass;
  /** The sink's output; {@link #take} drops the part a reader has taken. */
  private final StringBuilder out = new StringBuilder();
  /** Output chars dropped from the front of {@link #out}: output index = released + index in out. */
  private int released;
  /** Chars at the front of {@link #out} that a reader has taken but that are not dropped yet. */
  private int taken;
  private static final int COMPACT_AT = 4096;
  /** Source chars fed so far. */
  private int source;

  /** The last final anchor: everything before it on both sides is in {@link #changes}. */
  private int finalSource;
  private int finalOutput;
  /** The source chars from {@link #finalSource} on, to align with their output once the next anchor is final. */
  private final StringBuilder pendingSource = new StringBuilder();
  /** Anchors recorded since the NFC segment opened, not yet final: source and output index pairs. */
  private int[] pending = new int[16];
  private int pendingCount;
  /** Output index where the sink's open segment starts, as seen through the {@link Probe}. */
  private int segmentStart;

  private final Changes changes = new Changes();
  private final PieceAligner aligner = new PieceAligner(changes);
  private boolean ended;

  public OffsetTracker(Engine engine, CodeUnitMap units) {
    this.units = units;
    if (units != null) {
      this.stages = new Stage[0];
      this.head = null;
      this.sink = null;
      this.blanksPass = false;
      return;
    }
    this.sink = new NfcSink(out);
    this.blanksPass = engine.blanksPass;
    Stage h = new Probe(sink);
    Rule[] rules = engine.rules;
    this.stages = new Stage[rules.length];
    for (int r = rules.length - 1; r >= 0; r--) {
      h = rules[r].newStage(h, StepCounter.NONE);
      stages[r] = h;
    }
    this.head = h;
  }

  /** Normalizes {@code s[from, to)}, which must not end inside a surrogate pair unless the text ends there. */
  public void feed(CharSequence s, int from, int to) {
    checkLength(to - from);
    if (units != null) {
      feedUnits(s, from, to);
      return;
    }
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      put(cp);
    }
  }

  /** Like {@link #feed(CharSequence, int, int)}, for a reader's block. */
  public void feed(char[] s, int from, int to) {
    checkLength(to - from);
    if (units != null) {
      feedUnits(java.nio.CharBuffer.wrap(s, 0, to), from, to);
      return;
    }
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(s, i, to);
      i += Character.charCount(cp);
      put(cp);
    }
  }

  private void checkLength(int more) {
    if (more > Integer.MAX_VALUE - source) {
      throw new IllegalStateException("offsets are ints: a text longer than " + Integer.MAX_VALUE + " chars");
    }
  }

  /** One source code point through the chain, with the anchors before and after it. */
  private void put(int cp) {
    if ((cp == ' ' || cp == '\n') && Chain.idleAtBoundary(stages, blanksPass)) {
      addPending(source, output());
    }
    pendingSource.appendCodePoint(cp);
    source += Character.charCount(cp);
    Engine.put(cp, head);
    if (idle()) {
      addPending(source, output());
    }
  }

  private void feedUnits(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int u = units.unit(c);
      int o = output();
      if (u != c) {
        changes.add(source, source + 1, o, u < 0 ? o : o + 1);
      }
      if (u >= 0) {
        out.append((char) u);
      }
      source++;
    }
    finalSource = source;
    finalOutput = output();
  }

  /** The source has ended: flushes every stage and makes the map complete. */
  public void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (units != null) {
      return;
    }
    head.end();
    closeSegment(output()); // the sink closed its segment last
    addPending(source, output());
    finishPending(pendingCount);
  }

  private boolean idle() {
    for (Stage st : stages) {
      if (!st.idle()) {
        return false;
      }
    }
    return true;
  }

  /** Index in the whole output of the next char the sink will write. */
  private int output() {
    return released + out.length();
  }

  /** The output known to be final: what precedes the last final anchor. */
  public int finalOutput() {
    return finalOutput;
  }

  /** The whole output, for {@code ArabicNormalizer.normalizeWithOffsets}, which takes nothing before the end. */
  public String text() {
    return out.toString();
  }

  /**
   * Copies up to {@code len} chars of final output that were not taken yet into {@code dst}, and returns
   * how many (0 when none is final yet). Taken output is dropped from the buffer now and then, not at every
   * call: a reader that takes a few hundred chars at a time must not shift the whole buffer each time.
   */
  public int take(char[] dst, int off, int len) {
    int n = Math.min(len, finalOutput - released - taken);
    out.getChars(taken, taken + n, dst, off);
    taken += n;
    if (taken >= COMPACT_AT && 2 * taken >= out.length()) {
      out.delete(0, taken);
      released += taken;
      if (sink != null) {
        sink.shift(taken);
      }
      taken = 0;
    }
    return n;
  }

  public Changes changes() {
    return changes;
  }

  /** Source chars fed so far. */
  public int sourceLength() {
    return source;
  }

  private void addPending(int s, int o) {
    // Pending anchors never differ in output (any output between them would have made them final or
    // withdrawn them): a new one only extends the deletion after the last. Keeping one keeps a run of
    // deleted marks after a letter linear, and maps the same (the indexes between are inside a deletion).
    if (pendingCount > 0 && pending[2 * pendingCount - 1] == o) {
      pending[2 * pendingCount - 2] = s;
      return;
    }
    if (2 * pendingCount == pending.length) {
      pending = java.util.Arrays.copyOf(pending, pending.length * 2);
    }
    pending[2 * pendingCount] = s;
    pending[2 * pendingCount + 1] = o;
    pendingCount++;
  }

  /** The sink closed its open segment, which now ends at {@code end}: every pending anchor is final. */
  private void closeSegment(int end) {
    for (int k = 0; k < pendingCount; k++) {
      if (pending[2 * k + 1] > segmentStart) {
        pending[2 * k + 1] = end; // recorded at the segment's end, which recomposition may have moved
      }
    }
    segmentStart = end;
    finishPending(pendingCount);
  }

  /** A mark joined the open segment: anchors inside it are no boundaries; those before it are final. */
  private void joinSegment() {
    int keep = 0;
    while (keep < pendingCount && pending[2 * keep + 1] <= segmentStart) {
      keep++;
    }
    finishPending(keep);
    pendingCount = 0;
  }

  /** Makes the first {@code n} pending anchors final and forgets the rest of the list. */
  private void finishPending(int n) {
    for (int k = 0; k < n; k++) {
      int s = pending[2 * k];
      int o = pending[2 * k + 1];
      if (s == finalSource && o == finalOutput) {
        continue;
      }
      int ls = s - finalSource;
      int lo = o - finalOutput;
      // Most pieces are one char that came through unchanged: nothing to record.
      if (ls != lo || !PieceAligner.same(pendingSource, 0, out, finalOutput - released, ls)) {
        aligner.align(pendingSource, ls, out, finalOutput - released, lo, finalSource, finalOutput);
      }
      pendingSource.delete(0, ls);
      finalSource = s;
      finalOutput = o;
    }
    pendingCount = 0;
  }

  /**
   * Sits just before the sink and watches what reaches it: a code point with a canonical boundary before
   * it closes the open segment (pending anchors become final); any other joins it.
   */
  private final class Probe extends Stage {
    Probe(Stage sink) {
      super(sink);
    }

    @Override
    public void put(int cp) {
      next.put(cp);
      if (UnicodeData.hasBoundaryBefore(cp)) {
        closeSegment(output() - Character.charCount(cp));
      } else {
        joinSegment();
      }
    }
  }
}
