package dev.arnorm.engine;

import dev.arnorm.rules.CharRangeSet;
import dev.arnorm.rules.NfcSink;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The output of one call, written by the direct path and the chain ({@link Chain#out}): while it equals
 * the input so far, only a length; from the first difference, a char array. With a target, finished text
 * is handed over at the points where the direct path can no longer take it back.
 */
public final class Output {
  private static final int FLUSH_AT = 1 << 15;
  /** A buffer larger than this is not kept for the next call. */
  private static final int KEEP_AT_MOST = 1 << 18;

  private CharSequence in;
  private Appendable target;
  /** Null while the output is the input's [0, pos). */
  public char[] buf;
  private char[] spare;
  /** Length of the output so far. */
  public int pos;
  /** Up to here the output equals the input, even when {@link #buf} exists. */
  private int identical;
  /** Output position of buf[0]: what came before went to the target. */
  public int flushed;
  private char lastFlushed;

  public void start(CharSequence text, Appendable to, int identicalPrefix) {
    in = text;
    target = to;
    buf = null;
    pos = identicalPrefix;
    identical = 0;
    flushed = 0;
    lastFlushed = 0;
  }

  /** Writes {@code c} as the output of, or part of the output of, the input char at {@code k}. */
  public void write(char c, int k) {
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
  public boolean insertMark(char mark, int ccc, int k) {
    int end = buf == null ? pos : pos - flushed;
    int moved = 0;
    for (int at = end; at > 0 && moved <= Engine.MAX_MARK_SHIFT; at--) {
      char before = buf == null ? in.charAt(at - 1) : buf[at - 1];
      if (UnicodeData.ccc(before) <= ccc) {
        break;
      }
      moved++;
    }
    if (moved > Engine.MAX_MARK_SHIFT) {
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

  /**
   * Writes the input's marks {@code [from, to)}, which compose with nothing, after the cluster just written
   * (a base and its marks), and puts the cluster's marks in canonical order (a stable counting sort by
   * combining class) as the chain's {@link NfcSink} does: within pieces of {@link NfcSink#MAX_SEGMENT}
   * chars, the first holding the base. What {@link #insertMark} does one mark at a time, in time linear in
   * the marks. False, and nothing written, when more than {@code maxTail} marks were written since the
   * base (the caller bounds the work by what it consumes, so that sorting a cluster again and again stays
   * linear) or the cluster has no base the sink would start a segment at.
   */
  public boolean sortMarks(CharSequence s, int from, int to, int maxTail) {
    // The marks written since the base, read from the input while the output is still the input; what went
    // to the target ends where a chain stopped, at a blank, so no cluster reaches back into it.
    int tail = 0;
    int base = pos - 1;
    for (; base >= flushed; base--, tail++) {
      if (UnicodeData.ccc(buf == null ? in.charAt(base) : buf[base - flushed]) == 0) {
        break;
      }
      if (tail == maxTail) {
        return false;
      }
    }
    if (base < flushed || !UnicodeData.hasBoundaryBefore(buf == null ? in.charAt(base) : buf[base - flushed])) {
      return false;
    }
    int added = to - from;
    if (buf == null) {
      materialize(added);
    } else if (pos - flushed + added > buf.length) {
      grow(added);
    }
    int b = base - flushed;
    int len = tail + added;
    if (marks.length < len) {
      marks = new int[Math.max(len, marks.length * 2)];
      sorted = new int[marks.length];
    }
    for (int i = 0; i < tail; i++) {
      marks[i] = buf[b + 1 + i];
    }
    for (int i = 0; i < added; i++) {
      marks[tail + i] = s.charAt(from + i);
    }
    // marks[i] goes to buf[b + 1 + i]; a piece ends at b + MAX_SEGMENT * m.
    for (int i = 0; i < len; ) {
      int pieceEnd = Math.min(len, ((i + 1) / NfcSink.MAX_SEGMENT + 1) * NfcSink.MAX_SEGMENT - 1);
      NfcSink.sortByCombiningClass(marks, i, pieceEnd, sorted, classCount);
      i = pieceEnd;
    }
    for (int i = 0; i < len; i++) {
      buf[b + 1 + i] = (char) sorted[i];
    }
    pos += added;
    return true;
  }

  /** {@link #sortMarks}' copy of the cluster's marks, the same sorted, and the sort's scratch. */
  private int[] marks = new int[64];
  private int[] sorted = new int[64];
  private final int[] classCount = new int[257];

  /** Copies the input's [from, to), which follows what was written so far, as it is. */
  public void copy(CharSequence s, int from, int to) {
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
  public void skip(int k) {
    if (buf == null) {
      materialize(0);
    }
  }

  public char lastChar() {
    if (buf == null) {
      return pos > 0 ? in.charAt(pos - 1) : 0;
    }
    return pos > flushed ? buf[pos - flushed - 1] : lastFlushed;
  }

  /** Appends what the chain made of the input's [from, to). */
  public void appendRegion(StringBuilder region, int from, int to) {
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
  public boolean contains(CharRangeSet set, int from) {
    return buf == null ? set.contains(in, from, pos) : set.contains(buf, from - flushed, pos - flushed);
  }

  /** Takes the output back to length {@code p}; back to no buffer when that is still the input's prefix. */
  public void rollback(int p) {
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
  public char[] reserve(int extra) {
    if (pos - flushed + extra > buf.length) {
      grow(extra);
    }
    return buf;
  }

  private void grow(int extra) {
    buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos - flushed + extra + 16));
  }

  /** With a target, hands over everything written so far once there is enough of it. */
  public void flushIfLarge() throws IOException {
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
  public String finish() throws IOException {
    String result = null;
    if (target != null) {
      flush();
    } else if (buf != null) {
      result = new String(buf, 0, pos);
    }
    if (buf != null && buf.length <= KEEP_AT_MOST) {
      spare = buf;
    }
    if (marks.length > KEEP_AT_MOST) {
      marks = new int[64]; // a hostile cluster's copies are not kept either
      sorted = new int[64];
    }
    buf = null;
    in = null;
    target = null;
    return result;
  }

  public static boolean sameText(StringBuilder region, CharSequence in, int from, int to) {
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
  public static void appendRange(Appendable target, CharSequence s, int from, int to) throws IOException {
    if (target instanceof Writer && s instanceof String) {
      ((Writer) target).write((String) s, from, to - from);
    } else {
      target.append(s, from, to);
    }
  }

  public static void append(Appendable target, CharSequence s, int from, int to) {
    try {
      appendRange(target, s, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
