package dev.arnorm;

import dev.arnorm.stream.BadUtf8Exception;
import dev.arnorm.stream.StrictUtf8Reader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A strict UTF-8 reader that knows where it is: on the first malformed or truncated sequence it throws
 * {@link MalformedUtf8Exception} with the byte offset of the first bad byte. (An {@code InputStreamReader}
 * replaces bad input with U+FFFD, or, told to report it, reads ahead and cannot say where the bad byte was.)
 * Bounded memory: a 64 KiB byte buffer. Not thread-safe, like any Reader.
 */
public final class Utf8Reader extends Reader {
  private final StrictUtf8Reader in;

  /**
   * Reads {@code in}, which is closed with this reader.
   *
   * @param in the UTF-8 bytes to read
   */
  public Utf8Reader(InputStream in) {
    this.in = new StrictUtf8Reader(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    try {
      return in.read(cbuf, off, len);
    } catch (BadUtf8Exception e) {
      throw new MalformedUtf8Exception(e.offset());
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
