package dev.arnorm.stream;

import dev.arnorm.engine.CodeUnitMap;
import dev.arnorm.rules.StepCounter;
import java.io.IOException;

/**
 * UTF-8 in and out for the {@code lucene} step alone, which maps code units as written
 * ({@link CodeUnitMap}) and so has no byte loop: the bytes are read strictly into chars, mapped, and
 * encoded again. Called by {@code ArabicNormalizer.normalize(InputStream, OutputStream)}.
 */
public final class CodeUnitStream {
  private CodeUnitStream() {}

  /**
   * UTF-8 to UTF-8 through a code unit map (the {@code lucene} step alone), read strictly. Everything is
   * written to {@code out} before this returns; neither stream is closed and {@code out} is not flushed.
   */
  public static void run(CodeUnitMap map, java.io.InputStream in, java.io.OutputStream out) throws IOException {
    java.io.Writer w = new java.io.OutputStreamWriter(new Unflushed(out), java.nio.charset.StandardCharsets.UTF_8);
    map.apply(new StrictUtf8Reader(in), w, StepCounter.NONE); // the reader is not closed: neither is in
    w.flush();
  }

  /** Passes writes on to the caller's stream, but not flushes: the caller decides when to flush. */
  private static final class Unflushed extends java.io.FilterOutputStream {
    Unflushed(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {}
  }
}
