package dev.arnorm.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a block holding the start of a line and no line break, then those of {@code in}, up to and
 * including the first line break; what was read past it stays in {@code buf[pos, lim)}.
 */
public final class LineRest extends InputStream {
  public final byte[] buf;
  public int pos;
  public int lim;
  private final InputStream in;
  private boolean done;
  /** Bytes handed out so far. */
  public long served;

  /** Reads through a copy of {@code block}, which the caller may go on using. */
  public LineRest(byte[] block, int len, InputStream in) {
    this(in, block.clone(), len);
  }

  private LineRest(InputStream in, byte[] buf, int len) {
    this.buf = buf;
    this.lim = len;
    this.in = in;
  }

  /**
   * Reads through {@code block} itself, which the caller leaves alone until the line is read (then what
   * was read past it is at {@code buf[pos, lim)}): a block grown for a long line is not copied.
   */
  public static LineRest inPlace(byte[] block, int len, InputStream in) {
    return new LineRest(in, block, len);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] dst, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    if (pos == lim) {
      int r = in.read(buf, 0, buf.length);
      if (r < 0) {
        done = true;
        return -1;
      }
      pos = 0;
      lim = r;
    }
    int n = Math.min(len, lim - pos);
    for (int k = pos; k < pos + n; k++) {
      if (buf[k] == '\n') {
        n = k - pos + 1;
        done = true;
        break;
      }
    }
    System.arraycopy(buf, pos, dst, off, n);
    pos += n;
    served += n;
    return n;
  }
}
