package dev.arnorm.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * For {@code --check}: counts the lines a normalization changes without holding a line, however long.
 * The input is read through {@link #input}, which keeps the bytes read until the output written to
 * {@link #output} has been compared with them. Since a normalizer keeps the line structure (each input
 * line gives one output line), the two are compared byte by byte; at the first difference the line is
 * counted, and both sides skip to their next line break. What is kept is what the normalizer has read
 * but not yet written: a block at most, whatever the line length.
 */
final class ChangedLines {
  /** Input bytes read and not yet compared: a growable ring buffer. */
  private byte[] pending = new byte[1 << 16];
  private int head;
  private int size;
  /** The current line differs: both sides are skipped to their next line break. */
  private boolean outputSkipping;
  private boolean inputSkipping;
  private long changed;

  /** {@code in}, read through: what it gives is kept for the comparison. */
  InputStream input(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          keep((byte) b);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
          keep(b[off + i]);
        }
        return n;
      }

      @Override
      public void close() {
        // The caller's stream: not closed here.
      }
    };
  }

  /** Where the normalized text goes: compared with the input, then dropped. */
  OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        written((byte) b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          written(b[off + i]);
        }
      }
    };
  }

  private void keep(byte b) {
    if (inputSkipping) {
      inputSkipping = b != '\n';
      return;
    }
    if (size == pending.length) {
      byte[] grown = new byte[pending.length * 2];
      for (int i = 0; i < size; i++) {
        grown[i] = pending[(head + i) % pending.length];
      }
      pending = grown;
      head = 0;
    }
    pending[(head + size++) % pending.length] = b;
  }

  private void written(byte b) {
    if (outputSkipping) {
      outputSkipping = b != '\n';
      return;
    }
    if (size > 0 && pending[head] == b) {
      pop();
      return;
    }
    // The line differs: count it, and skip both sides past its line break.
    changed++;
    outputSkipping = b != '\n';
    skipInputLine();
  }

  private byte pop() {
    byte b = pending[head];
    head = (head + 1) % pending.length;
    size--;
    return b;
  }

  /** Drops the rest of the current input line, what is kept of it and what is still to be read. */
  private void skipInputLine() {
    while (size > 0) {
      if (pop() == '\n') {
        return;
      }
    }
    inputSkipping = true;
  }

  /** The number of lines that changed; call once the input is read and the output written. */
  long finish() {
    if (!outputSkipping && !inputSkipping && size > 0) {
      changed++; // the output ended before the input: its last line lost something
      size = 0;
    }
    return changed;
  }
}
