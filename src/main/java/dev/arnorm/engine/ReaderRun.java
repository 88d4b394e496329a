package dev.arnorm.engine;

import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * An engine's run over a {@link Reader}, in bounded memory: whole lines at a time through the engine's
 * String path, a very long line through the chain in pieces, and everything through the unfused chain when
 * changes are counted per step. Called by {@link Engine#normalize(Reader, Appendable, StepCounter)}.
 */
final class ReaderRun {
  /**
   * Lines longer than this many chars are streamed through the chain instead of being held whole: a 512th of
   * the heap ({@link #longLine}). Streamed, a line goes through the chain alone (its html stages would need
   * the line before each {@code &}), as a line too long for {@code Utf8Stream} to hold does.
   */
  static final int LONG_LINE = longLine(Runtime.getRuntime().maxMemory());

  private ReaderRun() {}

  /**
   * The longest line held whole with a heap of at most {@code maxMemory} bytes: a 512th of it in chars,
   * between 64 Ki and 8 Mi chars. By its buffers, a held line takes up to six bytes a char at its peak (the
   * line read, as a String, and its output, two bytes a char each): about 1% of the heap.
   */
  static int longLine(long maxMemory) {
    return (int) Math.max(1 << 16, Math.min(maxMemory / 512, 1 << 23));
  }

  /** As below, with lines of up to {@link #LONG_LINE} chars held whole. */
  static void normalize(Engine engine, Reader in, Appendable out, StepCounter counter) throws IOException {
    normalize(engine, in, out, counter, LONG_LINE);
  }

  /**
   * Streams {@code in} into {@code out}: complete lines go through the fast path in blocks (no step reaches
   * across a line break, so a block normalizes as it would inside the whole text); a line longer than
   * {@code longLine} chars is streamed through the chain in 8 KiB reads, so memory stays bounded.
   */
  static void normalize(Engine engine, Reader in, Appendable out, StepCounter counter, int longLine)
      throws IOException {
    if (counter != StepCounter.NONE) {
      streamThroughChain(engine, in, out, counter);
      return;
    }
    // Whole lines at a time, a block of up to 64 Ki chars each: lines read in full go to the engine as one
    // String, made straight from the read buffer when no line was left over from the read before.
    StringBuilder pending = new StringBuilder();
    char[] buf = new char[1 << 16];
    int read;
    while ((read = in.read(buf)) >= 0) {
      int lastBreak = read - 1;
      while (lastBreak >= 0 && buf[lastBreak] != '\n') {
        lastBreak--;
      }
      if (lastBreak < 0) {
        pending.append(buf, 0, read);
        if (pending.length() > longLine) {
          streamLongLine(engine, in, out, pending);
        }
        continue;
      }
      String lines;
      if (pending.length() == 0) {
        lines = new String(buf, 0, lastBreak + 1);
      } else {
        lines = pending.append(buf, 0, lastBreak + 1).toString();
        pending.setLength(0);
      }
      engine.normalize(lines, out, StepCounter.NONE);
      pending.append(buf, lastBreak + 1, read - lastBreak - 1);
    }
    engine.normalize(pending, out, StepCounter.NONE);
  }

  /**
   * Streams the rest of a very long line (its start is in {@code pending}) through the chain, up to and
   * including its line break; what follows the break is left in {@code pending}.
   */
  private static void streamLongLine(Engine engine, Reader in, Appendable out, StringBuilder pending)
      throws IOException {
    Stage head = engine.chain(new NfcSink(new StringBuilder(), out), StepCounter.NONE, false);
    try {
      char[] buf = new char[8192];
      CharSequence chunk = pending.toString();
      pending.setLength(0);
      while (true) {
        int br = -1;
        for (int k = 0; k < chunk.length(); k++) {
          if (chunk.charAt(k) == '\n') {
            br = k;
            break;
          }
        }
        int end = br < 0 ? chunk.length() : br + 1;
        // Keep a trailing high surrogate for the next read so that a pair stays whole.
        if (br < 0 && end > 0 && Character.isHighSurrogate(chunk.charAt(end - 1))) {
          end--;
        }
        Engine.feed(chunk, 0, end, head);
        if (br >= 0) {
          pending.append(chunk, end, chunk.length());
          head.end();
          return;
        }
        String carried = chunk.subSequence(end, chunk.length()).toString();
        int read = in.read(buf);
        if (read < 0) {
          Engine.feed(carried, 0, carried.length(), head);
          head.end();
          return;
        }
        chunk = carried + new String(buf, 0, read);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The chain alone, in bounded memory: used when counting changes per step. */
  private static void streamThroughChain(Engine engine, Reader in, Appendable out, StepCounter counter)
      throws IOException {
    Stage head = engine.chain(new NfcSink(new StringBuilder(), out), counter, true);
    char[] buf = new char[8192];
    int carried = 0;
    try {
      int read;
      while ((read = in.read(buf, carried, buf.length - carried)) >= 0) {
        int end = carried + read;
        int usable = end > 0 && Character.isHighSurrogate(buf[end - 1]) ? end - 1 : end;
        Engine.feed(buf, usable, head);
        carried = end - usable;
        if (carried > 0) {
          buf[0] = buf[end - 1];
        }
      }
      Engine.feed(buf, carried, head);
      head.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
