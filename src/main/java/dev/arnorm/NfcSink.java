package dev.arnorm;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The end of every chain: composes the decomposed stream back to NFC, one canonical segment (a base and
 * its marks) at a time, and hands finished text to a {@link StringBuilder} or, in bounded chunks, to an
 * {@link Appendable}. A segment needs recomposition only when it holds a character that may compose or marks
 * out of canonical order; all others are appended as they are.
 */
final class NfcSink extends Stage {
  /** A segment longer than this (an absurd run of marks) is closed early to keep memory bounded. */
  private static final int MAX_SEGMENT = 4096;
  private static final int FLUSH_AT = 8192;

  private final StringBuilder buf;
  private final Appendable target;
  private int segStart;
  private int lastCcc;
  private boolean needsNfc;

  /** Output stays in {@code buf}. */
  NfcSink(StringBuilder buf) {
    this(buf, null);
  }

  /** Output goes to {@code target}; {@code buf} only holds the unfinished tail. */
  NfcSink(StringBuilder buf, Appendable target) {
    super(null);
    this.buf = buf;
    this.target = target;
    this.segStart = buf.length();
  }

  @Override
  void put(int cp) {
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

  private void closeSegment() {
    if (needsNfc) {
      String segment = buf.substring(segStart);
      buf.setLength(segStart);
      buf.append(UnicodeData.NFC.normalize(segment));
      needsNfc = false;
    }
    lastCcc = 0;
    if (target != null && buf.length() >= FLUSH_AT) {
      flushTo(target);
    }
    segStart = buf.length();
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
  void end() {
    closeSegment();
    if (target != null) {
      flushTo(target);
    }
  }

  /** The text produced so far (with no target), for the engine to take; {@link #clear} empties it. */
  StringBuilder buffer() {
    return buf;
  }

  /** Empties the buffer and forgets the open segment, for reuse. */
  void clear() {
    buf.setLength(0);
    segStart = 0;
    lastCcc = 0;
    needsNfc = false;
  }
}
