package dev.arnorm.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on the error stream, never the output: bytes read, speed, and the share done when the total is
 * known. A daemon thread writes a line (redrawn with a carriage return) every half second once the job
 * has run for a second; {@link #finish} writes the last one. Inputs are counted as they are read.
 */
final class Progress {
  private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
  private static final long EVERY_MILLIS = 500;

  private final PrintWriter err;
  private final long total;
  private final long start = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final Thread ticker;
  private volatile boolean shown;
  private volatile boolean stopped;

  /** @param total the bytes to read, or -1 when unknown (standard input) */
  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
    this.ticker = new Thread(this::tick, "arnorm-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  /** {@code in}, counted as it is read. */
  InputStream count(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          done.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          done.addAndGet(n);
        }
        return n;
      }
    };
  }

  private void tick() {
    try {
      while (!stopped) {
        Thread.sleep(EVERY_MILLIS);
        if (!stopped && System.nanoTime() - start >= FIRST_AFTER_NANOS) {
          show(false);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void show(boolean last) {
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    long bytes = done.get();
    String line = String.format("arnorm: %.1f MB, %.1f MB/s", bytes / 1048576.0, bytes / 1048576.0 / seconds);
    if (total > 0) {
      line += String.format(", %d%%", Math.min(100, bytes * 100 / total));
    }
    err.print("\r" + line + (last ? "\n" : ""));
    err.flush();
    shown = true;
  }

  /** Stops the ticker; writes the final line when any was shown, or always when {@code always}. */
  void finish(boolean always) {
    stopped = true;
    ticker.interrupt();
    if (shown || always) {
      show(true);
    }
  }
}
