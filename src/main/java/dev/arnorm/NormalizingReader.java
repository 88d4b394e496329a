package dev.arnorm;

import dev.arnorm.engine.OffsetTracker;
import dev.arnorm.engine.Output;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * A {@link Reader} of the normalized text of another, with the offsets of what it has read mapped back to
 * positions in the source stream: made by {@link ArabicNormalizer#reader}. It reads its source in blocks
 * and holds only what the steps hold back (a word, a reference, a run of blanks), whatever the length of
 * the stream; the map grows with the number of changes (four ints each), as Lucene's char filters' do.
 * Lucene's {@code ArnormCharFilter} is built on it.
 *
 * <p>Offsets are absolute char indexes in the stream, at most {@link Integer#MAX_VALUE}. The text read is
 * exactly {@link ArabicNormalizer#normalize(CharSequence)} of the whole source. Not thread-safe.
 */
public final class NormalizingReader extends Reader {
  private static final int BLOCK = 4096;

  private final Reader in;
  private final OffsetTracker tracker;
  private final char[] block = new char[BLOCK];
  /** A high surrogate kept from the end of the last block, to be fed with its low surrogate. */
  private int carried;
  /** Output chars handed out so far. */
  private int read;
  private boolean sourceEnded;
  private boolean closed;

  NormalizingReader(Reader in, OffsetTracker tracker) {
    this.in = in;
    this.tracker = tracker;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, cbuf.length);
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    int ready;
    while ((ready = tracker.finalOutput() - read) == 0) {
      if (sourceEnded) {
        return -1;
      }
      fill();
    }
    int n = tracker.take(cbuf, off, Math.min(len, ready));
    read += n;
    return n;
  }

  /** Feeds the next block of the source, or ends the text. */
  private void fill() throws IOException {
    int r = in.read(block, carried, BLOCK - carried);
    if (r < 0) {
      tracker.feed(block, 0, carried); // a lone high surrogate at the end
      carried = 0;
      tracker.end();
      sourceEnded = true;
      return;
    }
    int end = carried + r;
    int usable = end > 0 && Character.isHighSurrogate(block[end - 1]) ? end - 1 : end;
    tracker.feed(block, 0, usable);
    carried = end - usable;
    if (carried > 0) {
      block[0] = block[end - 1];
    }
  }

  /**
   * Where in the source an output span starting at {@code outputIndex} starts (see {@link OffsetMap}).
   *
   * @param outputIndex an index in the output, at most the number of chars read so far
   * @return the index in the source stream
   * @throws IndexOutOfBoundsException if the index is negative or past what has been read
   */
  public int sourceStart(int outputIndex) {
    return tracker.changes().spanStartInSource(Objects.checkIndex(outputIndex, read + 1));
  }

  /**
   * Where in the source an output span ending at {@code outputIndex} ends (see {@link OffsetMap}).
   *
   * @param outputIndex an index in the output, at most the number of chars read so far
   * @return the index in the source stream
   * @throws IndexOutOfBoundsException if the index is negative or past what has been read
   */
  public int sourceEnd(int outputIndex) {
    return tracker.changes().spanEndInSource(Objects.checkIndex(outputIndex, read + 1));
  }

  /**
   * The map of the whole stream, once this reader has returned -1 (for offsets while reading, see {@link
   * #sourceStart} and {@link #sourceEnd}).
   *
   * @return the offsets
   * @throws IllegalStateException if the end of the stream has not been read
   */
  public OffsetMap offsets() {
    if (!sourceEnded || read < tracker.finalOutput()) {
      throw new IllegalStateException("the stream has not been read to its end");
    }
    return new OffsetMap(tracker.changes().copy(), tracker.sourceLength(), read);
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the reader is closed");
    }
  }

  /** Closes the source reader. */
  @Override
  public void close() throws IOException {
    closed = true;
    in.close();
  }
}
