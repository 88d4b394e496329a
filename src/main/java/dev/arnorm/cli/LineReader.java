package dev.arnorm.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines that keep their terminators ({@code \n}, {@code \r\n}, or none at the end), so that
 * joining the lines gives back the text exactly.
 */
final class LineReader {
  private final Reader in;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;

  LineReader(Reader in) {
    this.in = in;
  }

  /** The next line with its terminator, or null at the end. */
  String next() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return line == null ? null : line.toString();
        }
      }
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      if (line == null) {
        line = new StringBuilder();
      }
      if (pos < len) {
        pos++;
        line.append(buf, start, pos - start);
        return line.toString();
      }
      line.append(buf, start, pos - start);
    }
  }
}
