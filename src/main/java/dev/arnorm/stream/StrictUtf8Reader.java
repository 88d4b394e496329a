package dev.arnorm.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict UTF-8 reader that knows where it is: on the first malformed or truncated sequence it throws
 * {@link BadUtf8Exception} with the byte offset of the first bad byte. The implementation behind the public
 * {@code dev.arnorm.Utf8Reader}, which turns that exception into its public one; the UTF-8 stream reads long
 * lines through it. Bounded memory: a 64 KiB byte buffer. Not thread-safe, like any Reader.
 */
public final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  /** Bytes consumed before the current content of {@code bytes}. */
  private long consumed;
  private boolean eof;
  private boolean done;

  /**
   * Reads {@code in}, which is closed with this reader.
   *
   * @param in the UTF-8 bytes to read
   */
  public StrictUtf8Reader(InputStream in) {
    this(in, 0);
  }

  /** As if {@code offset} bytes had been read before {@code in}: error offsets count them. */
  public StrictUtf8Reader(InputStream in, long offset) {
    this.in = java.util.Objects.requireNonNull(in, "in");
    this.consumed = offset;
    bytes.flip();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (done) {
        return -1;
      }
      if (!eof && bytes.remaining() < 4) {
        fill();
      }
      int before = bytes.position();
      CoderResult r = decoder.decode(bytes, out, eof);
      consumed += bytes.position() - before;
      if (r.isError()) {
        throw new BadUtf8Exception(consumed);
      }
      if (eof && !bytes.hasRemaining()) {
        CoderResult f = decoder.flush(out);
        if (f.isError()) {
          throw new BadUtf8Exception(consumed);
        }
        done = true;
      }
      if (r.isUnderflow() && !eof && out.position() == off) {
        fill();
      }
    }
    return out.position() - off;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
