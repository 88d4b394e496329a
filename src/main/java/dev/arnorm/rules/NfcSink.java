package dev.arnorm.rules;

import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The end of every chain: composes the decomposed stream back to NFC, one canonical segment (a base and
 * its marks) at a time, and hands finished text to a {@link StringBuilder} or, in bounded chunks, to an
 * {@link Appendable}. A segment needs recomposition only when it holds a character that may compose or marks
 * out of canonical order; all others are appended as they are.
 */
public final class NfcSink extends Stage {
  /**
   * A segment longer than this (an absurd run of marks) is closed early to keep memory bounded: its marks
   * are put in canonical order within each piece of this length, the first piece holding the base. The
   * engine's direct path reorders marks only within the first piece, and leaves longer clusters to the chain.
   */
  public static final int MAX_SEGMENT = 4096;
  private static final int FLUSH_AT = 8192;

  private final StringBuilder buf;
  private final Appendable target;
  private int segStart;
  private int lastCcc;
  private boolean needsNfc;

  /** Output stays in {@code buf}. */
  public NfcSink(StringBuilder buf) {
    this(buf, null);
  }

  /** Output goes to {@code target}; {@code buf} only holds the unfinished tail. */
  public NfcSink(StringBuilder buf, Appendable target) {
    super(null);
    this.buf = buf;
    this.target = target;
    this.segStart = buf.length();
  }

  @Override
  public void put(int cp) {
    if (UnicodeData.hasBoundaryBefore(cp) || buf.length() - segStart >= MAX_SEGMENT) {
      closeSegment();
    } else {
      int ccc = UnicodeData.ccc(cp);
      if (!UnicodeData.nfcYes(cp) || (ccc != 0 && ccc < lastCcc)) {
        needsNfc = true;
      }
      lastCcc = ccc;
    }
    buf.appendCodePoint(cp);
  }

  /** Finishes the open segment; the next character must start a segment of its own. */
  public void closeSegment() {
    if (needsNfc) {
      recompose();
      needsNfc = false;
    }
    lastCcc = 0;
    if (target != null && buf.length() >= FLUSH_AT) {
      flushTo(target);
    }
    segStart = buf.length();
  }

  /**
   * Brings the open segment to NFC in place. The common case, a letter and one mark that compose (أ
   * arrives as ا + U+0654), is one table lookup; other segments go through ICU via reused buffers, so
   * recomposing allocates nothing.
   */
  private void recompose() {
    int len = buf.length() - segStart;
    if (len == 2) {
      char base = buf.charAt(segStart);
      char mark = buf.charAt(segStart + 1);
      // Only for a real starter followed by one character: a segment of marks alone (at the start of the
      // text) may need reordering, which is ICU's job.
      if (!Character.isSurrogate(base) && !Character.isSurrogate(mark) && UnicodeData.ccc(base) == 0
          && UnicodeData.nfcYes(base) && UnicodeData.decomposition(base) == null
          && UnicodeData.decomposition(mark) == null) {
        int composed = UnicodeData.NFC.composePair(base, mark);
        if (composed >= 0 && composed <= 0xFFFF) {
          buf.setLength(segStart);
          buf.append((char) composed);
          return;
        }
        if (composed < 0) {
          return; // a starter and one character that do not compose: already NFC
        }
      }
    }
    if (len > LONG_SEGMENT) {
      sortMarks();
    }
    window.set(buf, segStart, buf.length());
    scratch.setLength(0);
    UnicodeData.NFC.normalize(window, scratch);
    buf.setLength(segStart);
    buf.append(scratch);
  }

  /** Past this many chars, the segment's marks are put in canonical order here, before ICU composes. */
  private static final int LONG_SEGMENT = 64;
  private int[] cps = new int[LONG_SEGMENT * 2];
  private int[] sorted = new int[LONG_SEGMENT * 2];
  private final int[] count = new int[257];

  /**
   * Puts {@code cps[from, to)}, marks, into {@code sorted[from, to)} in canonical order: a stable counting
   * sort on their combining class, linear in their number. {@code count} is scratch of 257 ints. Also the
   * engine's direct path's, for a long cluster it sorts as this sink would ({@code Output.sortMarks}).
   */
  public static void sortByCombiningClass(int[] cps, int from, int to, int[] sorted, int[] count) {
    java.util.Arrays.fill(count, 0);
    for (int k = from; k < to; k++) {
      count[UnicodeData.ccc(cps[k]) + 1]++;
    }
    for (int c = 1; c < count.length; c++) {
      count[c] += count[c - 1];
    }
    for (int k = from; k < to; k++) {
      sorted[from + count[UnicodeData.ccc(cps[k])]++] = cps[k];
    }
  }

  /**
   * Canonical ordering of the open segment by a stable counting sort of each run of marks on their
   * combining class: linear, where ICU's (and any) insertion sort is quadratic on a hostile run of
   * thousands of alternating marks. ICU then finds the marks in order and only composes.
   */
  private void sortMarks() {
    int n = 0;
    for (int i = segStart; i < buf.length(); ) {
      int cp = buf.codePointAt(i);
      i += Character.charCount(cp);
      if (n == cps.length) {
        cps = java.util.Arrays.copyOf(cps, n * 2);
        sorted = new int[n * 2];
      }
      cps[n++] = cp;
    }
    for (int i = 0; i < n; ) {
      if (UnicodeData.ccc(cps[i]) == 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && UnicodeData.ccc(cps[j]) != 0) {
        j++;
      }
      sortByCombiningClass(cps, i, j, sorted, count);
      System.arraycopy(sorted, i, cps, i, j - i);
      i = j;
    }
    buf.setLength(segStart);
    for (int i = 0; i < n; i++) {
      buf.appendCodePoint(cps[i]);
    }
  }

  private final Window window = new Window();
  private final StringBuilder scratch = new StringBuilder();

  /** A view of part of a StringBuilder, reused so that handing a segment to ICU copies nothing. */
  private static final class Window implements CharSequence {
    private StringBuilder sb;
    private int from;
    private int to;

    void set(StringBuilder sb, int from, int to) {
      this.sb = sb;
      this.from = from;
      this.to = to;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return sb.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return sb.subSequence(from + start, from + end);
    }

    @Override
    public String toString() {
      return sb.substring(from, to);
    }
  }

  private void flushTo(Appendable out) {
    try {
      out.append(buf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buf.setLength(0);
  }

  @Override
  public void end() {
    closeSegment();
    if (target != null) {
      flushTo(target);
    }
  }

  /** The text produced so far (with no target), for the engine to take; {@link #clear} empties it. */
  public StringBuilder buffer() {
    return buf;
  }

  /**
   * The caller removed the first {@code n} chars of the buffer (finished text, before the open segment):
   * the open segment moves with them.
   */
  public void shift(int n) {
    segStart -= n;
  }

  /** Empties the buffer and forgets the open segment, for reuse. */
  public void clear() {
    buf.setLength(0);
    segStart = 0;
    lastCcc = 0;
    needsNfc = false;
  }
}
