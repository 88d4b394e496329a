package dev.arnorm.stream;

import dev.arnorm.engine.DirectTable;

/**
 * The byte scans by which {@link Utf8Stream} marks out what it hands the engine when its loop stops: the
 * blank before the stop, the next word end after it, an {@code &} on the rest of the line. Each reads a
 * stretch of one line once.
 */
final class LineScan {
  private LineScan() {}

  /**
   * The last ASCII space or tab in {@code b[from, at)} on the line of {@code b[at]}, or -1: the scan back
   * stops at a line break, so that it reads a few bytes, not the run the loop has just crossed.
   */
  static int lastBlankOnLine(byte[] b, int from, int at) {
    for (int k = at - 1; k >= from; k--) {
      byte x = b[k];
      if (x == ' ' || x == '\t') {
        return k;
      }
      if (x == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** The first {@code c} in {@code b[from, to)}, or -1. */
  static int indexOf(byte[] b, char c, int from, int to) {
    for (int k = from; k < to; k++) {
      if (b[k] == c) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The first ASCII space in {@code b[at + 1, end)} that follows a character every step leaves as it is
   * (one byte, or two of a letter the table copies): where a word ends whose output ends with no blank, so
   * that the loop may take over again there ({@code cls}: the direct table's classes). -1 when there is
   * none on the line.
   */
  static int nextWordEnd(byte[] b, int at, int end, byte[] cls) {
    for (int k = at + 1; k < end; k++) {
      if (b[k] != ' ') {
        continue;
      }
      int c;
      if (b[k - 1] >= 0) {
        c = b[k - 1];
      } else if (k - 2 > at && (b[k - 2] & 0xE0) == 0xC0 && (b[k - 1] & 0xC0) == 0x80) {
        c = (b[k - 2] & 0x1F) << 6 | (b[k - 1] & 0x3F);
      } else {
        continue;
      }
      int t = cls[c];
      if (c != ' ' && c != '\t' && c != '&' && (t == DirectTable.COPY || t == DirectTable.COPY_WORD)) {
        return k;
      }
    }
    return -1;
  }
}
