package dev.arnorm.cli;

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
 * For {@code --malformed=replace}: reads UTF-8, putting U+FFFD in place of each malformed or truncated
 * sequence (as the JDK's decoder delimits them, so the text is what {@code new String(bytes, UTF_8)} gives)
 * and counting them, so the CLI can report how many it replaced. Bounded memory: 64 KiB of bytes and 8 Ki
 * chars. The stream is not closed.
 */
final class LenientUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  /** Decoded chars not yet handed out (read mode). */
  private final CharBuffer chars = CharBuffer.allocate(1 << 13);
  private boolean eof;
  private boolean done;
  private long replaced;

  LenientUtf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  /** How many sequences were replaced so far. */
  long replaced() {
    return replaced;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (done) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Decodes at least one char into {@link #chars} (it is empty), or sets {@link #done}. */
  private void fill() throws IOException {
    chars.clear();
    try {
      while (chars.position() == 0 && !done) {
        if (!eof && bytes.remaining() < 4) {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
        CoderResult r = decoder.decode(bytes, chars, eof);
        if (r.isError()) {
          bytes.position(bytes.position() + r.length());
          chars.put('\uFFFD');
          replaced++;
        } else if (eof && !bytes.hasRemaining()) {
          decoder.flush(chars);
          done = true;
        }
      }
    } finally {
      chars.flip();
    }
  }

  @Override
  public void close() {
    // The caller's stream.
  }
}
