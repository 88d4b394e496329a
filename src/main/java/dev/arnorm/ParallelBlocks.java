package dev.arnorm;

import dev.arnorm.stream.LineRest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * {@link ArabicNormalizer#normalize(InputStream, OutputStream, Executor, int)}, and the CLI's {@code --threads}:
 * a large input cut into blocks at line breaks, normalized on an executor and written in order. No step
 * reaches across a line break, so each block normalizes as it would inside the whole text, and the output
 * is byte for byte what one thread writes.
 *
 * <p>Memory stays bounded: at most N + 2 blocks are made, as they are needed, each with its input and output
 * buffers, and they are reused, so that a run allocates no more buffers after its first blocks (an earlier
 * version read each block into fresh arrays and copied them twice more, and was slower than one thread). A
 * line longer than a block makes its block grow, up to {@link #MAX_LINE}; a longer line is streamed on the
 * calling thread, after every block before it is written, and the cutting goes on after it. An input that
 * fits in one block is normalized on the calling thread.
 *
 * <p>On malformed UTF-8 every block before the one that holds it is written (one thread writes a little
 * more: what came before its own 64 KiB block), then {@link MalformedUtf8Exception} gives the offset.
 */
final class ParallelBlocks {
  /**
   * Bytes read per block before it is cut at its last line break. Each call of the normalizer costs about
   * 0.7 MB of buffers whatever its length: on 350 MB of real news, light on two threads took 2.1 s with
   * 512 KiB blocks, 1.9 with 1 MiB, 1.7 with 4 MiB and 1.8 with 8 MiB (one thread: 1.9).
   */
  static final int BLOCK = 1 << 22;
  /** The longest line a block grows to hold; a longer one streams on the calling thread. */
  static final int MAX_LINE = 1 << 24;

  private final ArabicNormalizer normalizer;
  private final Executor executor;
  private final int threads;
  private final int block;
  private final int maxLine;

  ParallelBlocks(ArabicNormalizer normalizer, Executor executor, int threads) {
    this(normalizer, executor, threads, BLOCK, MAX_LINE);
  }

  /** As above, with the size of a block and the longest line a block grows to hold (tests make them small). */
  ParallelBlocks(ArabicNormalizer normalizer, Executor executor, int threads, int block, int maxLine) {
    this.normalizer = normalizer;
    this.executor = executor;
    this.threads = (int) Math.min(threads, Math.max(1, blocksInHeap(block) - 2));
    this.block = block;
    this.maxLine = Math.max(block, maxLine);
  }

  /**
   * How many blocks fit in half the heap at three times a block each: its input, and an output about the
   * input's size on ordinary text, with room to grow (a text that expands, a run of ligatures, can take
   * more). More threads than that ended in OutOfMemoryError ({@code --threads 40} with {@code -Xmx200m} on
   * 573 MB) instead of waiting.
   */
  private static long blocksInHeap(int block) {
    return Runtime.getRuntime().maxMemory() / 2 / (3L * block);
  }

  /** A block: its input bytes and where they start in the stream; then its output, or a malformed byte. */
  private static final class Block {
    byte[] in;
    /** The bytes of this block: up to and including its last line break. */
    int length;
    long at;
    /** Its output; reset and reused, its buffer kept, for the next block (writeTo copies nothing). */
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    long malformedAt = -1;

    Block(int capacity) {
      in = new byte[capacity];
    }
  }

  /**
   * Normalizes {@code in} to {@code out}.
   *
   * @throws MalformedUtf8Exception for malformed UTF-8, with its stream offset, once every block before it
   *     is written
   */
  void run(InputStream in, OutputStream out) throws IOException {
    ArrayDeque<CompletableFuture<Block>> inFlight = new ArrayDeque<>();
    ArrayDeque<Block> free = new ArrayDeque<>();
    int blocks = 0; // made so far, as they are needed, up to threads + 2
    // The bytes read past the last cut, carry[carryFrom, carryTo): they start the next block. They are in
    // the block before (which may be written and freed before they are copied: it is then the next block
    // itself, and the copy moves them to its start), or what a streamed long line read past its end.
    byte[] carry = null;
    int carryFrom = 0;
    int carryTo = 0;
    long offset = 0;
    while (true) {
      Block b;
      if (!free.isEmpty()) {
        b = free.poll();
      } else if (blocks < (long) threads + 2) { // long: a parallelism near Integer.MAX_VALUE must not wrap
        b = new Block(block);
        blocks++;
      } else {
        b = writeOldest(inFlight, out);
      }
      int len = carryTo - carryFrom;
      if (len > b.in.length) {
        b.in = new byte[len + block];
      }
      if (len > 0) {
        System.arraycopy(carry, carryFrom, b.in, 0, len);
      }
      // The block is filled; while it holds no line break it grows, up to the longest line it may hold.
      int scanned = 0;
      int cut = -1;
      boolean eof = false;
      while (cut < 0) {
        len = fill(in, b, len);
        eof = len < b.in.length;
        cut = eof ? len : lastLineBreak(b.in, scanned, len);
        scanned = len;
        if (cut < 0 && b.in.length >= maxLine) {
          break;
        }
        if (cut < 0) {
          b.in = Arrays.copyOf(b.in, Math.min(maxLine, b.in.length * 2));
        }
      }
      if (cut < 0) {
        // A line longer than maxLine: every block before it is written, then it streams here, and what
        // was read past its end starts the next block.
        writeAll(inFlight, free, out);
        LineRest rest = new LineRest(b.in, len, in);
        try {
          normalizer.normalize(rest, out);
        } catch (MalformedUtf8Exception e) {
          throw new MalformedUtf8Exception(offset + e.offset());
        }
        offset += rest.served;
        carry = rest.buf;
        carryFrom = rest.pos;
        carryTo = rest.lim;
        free.add(b);
        continue;
      }
      b.length = cut;
      b.at = offset;
      offset += cut;
      if (eof && inFlight.isEmpty()) {
        write(normalize(b), out); // the last block, and none waits before it: this thread does it
        return;
      }
      inFlight.add(CompletableFuture.supplyAsync(() -> normalize(b), executor));
      carry = b.in;
      carryFrom = cut;
      carryTo = len;
      if (eof) {
        writeAll(inFlight, free, out);
        return;
      }
      while (inFlight.size() > threads) {
        free.add(writeOldest(inFlight, out));
      }
    }
  }

  /** Reads into {@code b.in} from {@code len} until it is full or the input ends; returns the new length. */
  private static int fill(InputStream in, Block b, int len) throws IOException {
    int r;
    while (len < b.in.length && (r = in.read(b.in, len, b.in.length - len)) >= 0) {
      len += r;
    }
    return len;
  }

  private Block normalize(Block b) {
    b.out.reset();
    b.malformedAt = -1;
    try {
      normalizer.normalize(new ByteArrayInputStream(b.in, 0, b.length), b.out);
    } catch (MalformedUtf8Exception e) {
      b.malformedAt = b.at + e.offset();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // not thrown: the block reads and writes arrays
    }
    return b;
  }

  /** Waits for the oldest block in flight, writes it, and returns it for reuse. */
  private static Block writeOldest(ArrayDeque<CompletableFuture<Block>> inFlight, OutputStream out)
      throws IOException {
    Block d;
    try {
      d = inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException stop = new InterruptedIOException("interrupted while normalizing in parallel");
      stop.initCause(e);
      throw stop;
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
    write(d, out);
    return d;
  }

  private static void write(Block d, OutputStream out) throws IOException {
    if (d.malformedAt >= 0) {
      throw new MalformedUtf8Exception(d.malformedAt); // every block before the bad one is written
    }
    d.out.writeTo(out);
  }

  private static void writeAll(ArrayDeque<CompletableFuture<Block>> inFlight, ArrayDeque<Block> free, OutputStream out)
      throws IOException {
    while (!inFlight.isEmpty()) {
      free.add(writeOldest(inFlight, out));
    }
  }

  /** Where the bytes after the last line break of {@code b[from, len)} start, or -1 when it holds none. */
  private static int lastLineBreak(byte[] b, int from, int len) {
    for (int i = len - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

}
