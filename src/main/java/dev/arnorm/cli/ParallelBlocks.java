package dev.arnorm.cli;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.MalformedUtf8Exception;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code --threads N}: a large input cut into blocks at line breaks, normalized on N threads and written
 * in order. No step reaches across a line break, so each block normalizes as it would inside the whole
 * text, and the output is byte for byte what one thread writes. At most N + 1 blocks are in flight: memory
 * stays bounded. A line longer than a block ends the cutting: the rest is streamed on this thread. On
 * malformed UTF-8 every block before the one that holds it is written (one thread writes a little more:
 * what came before its own 64 KiB block).
 */
final class ParallelBlocks {
  /** Bytes read per block before it is cut at its last line break. */
  static final int BLOCK = 1 << 22;

  private final ArabicNormalizer normalizer;
  private final int threads;
  private final int block;

  ParallelBlocks(ArabicNormalizer normalizer, int threads, int block) {
    this.normalizer = normalizer;
    this.threads = threads;
    this.block = block;
  }

  /** A block's output, or the stream offset of its first malformed byte. */
  private static final class Done {
    final byte[] bytes;
    final long malformedAt;

    Done(byte[] bytes, long malformedAt) {
      this.bytes = bytes;
      this.malformedAt = malformedAt;
    }
  }

  /**
   * Normalizes {@code in} to {@code out}.
   *
   * @throws Malformed for malformed UTF-8, with its stream offset, once every block before it is written
   */
  void run(InputStream in, OutputStream out) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "arnorm-block");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<Done>> inFlight = new ArrayDeque<>();
    try {
      byte[] carry = new byte[0];
      long offset = 0;
      while (true) {
        byte[] buf = Arrays.copyOf(carry, carry.length + block);
        int len = carry.length;
        int r;
        while (len < buf.length && (r = in.read(buf, len, buf.length - len)) >= 0) {
          len += r;
        }
        boolean eof = len < buf.length;
        int cut = len;
        if (!eof) {
          cut = lastLineBreak(buf, len);
          if (cut < 0) {
            // A line longer than a block: everything before it is written, then the rest streams here.
            drain(inFlight, out, 0);
            normalizeAt(new SequenceInputStream(new ByteArrayInputStream(buf, 0, len), in), out, offset);
            return;
          }
        }
        byte[] part = Arrays.copyOf(buf, cut);
        long at = offset;
        inFlight.add(pool.submit(() -> normalize(part, at)));
        offset += cut;
        carry = Arrays.copyOfRange(buf, cut, len);
        drain(inFlight, out, threads);
        if (eof) {
          drain(inFlight, out, 0);
          return;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Done normalize(byte[] part, long at) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream(part.length + part.length / 8);
    try {
      normalizer.normalize(new ByteArrayInputStream(part), o);
    } catch (MalformedUtf8Exception e) {
      return new Done(o.toByteArray(), at + e.offset());
    }
    return new Done(o.toByteArray(), -1);
  }

  private void normalizeAt(InputStream in, OutputStream out, long at) throws IOException {
    try {
      normalizer.normalize(in, out);
    } catch (MalformedUtf8Exception e) {
      throw new Malformed(at + e.offset());
    }
  }

  /** Writes finished blocks, in order, until at most {@code keep} are in flight. */
  private static void drain(ArrayDeque<Future<Done>> inFlight, OutputStream out, int keep) throws IOException {
    while (inFlight.size() > keep) {
      Done d;
      try {
        d = inFlight.poll().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException) {
          throw (IOException) c;
        }
        if (c instanceof RuntimeException) {
          throw (RuntimeException) c;
        }
        throw (Error) c;
      }
      if (d.malformedAt >= 0) {
        throw new Malformed(d.malformedAt); // every block before the bad one is written
      }
      out.write(d.bytes);
    }
  }

  private static int lastLineBreak(byte[] b, int len) {
    for (int i = len - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Malformed UTF-8 at a stream offset. */
  static final class Malformed extends IOException {
    final long offset;

    Malformed(long offset) {
      super("malformed UTF-8 at byte offset " + offset);
      this.offset = offset;
    }
  }
}
