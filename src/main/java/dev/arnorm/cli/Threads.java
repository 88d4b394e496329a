package dev.arnorm.cli;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@code --threads} decides and runs in the command: its default, which inputs are worth cutting into
 * blocks (the blocks themselves are {@code ArabicNormalizer.normalize(in, out, executor, parallelism)}), and
 * {@code --in-place} on several files at once. Called by {@link ArnormCli}.
 */
final class Threads {
  private Threads() {}

  /**
   * The default of {@code --threads}: {@code property} ({@code arnorm.threads}) as a number of threads or
   * {@code all}; the processors less one, at least one, when it is unset. A bad value is a usage error,
   * reported when the command runs.
   */
  static int byDefault(String property, int processors) {
    if (property == null) {
      return Math.max(1, processors - 1);
    }
    if (property.equals("all")) {
      return processors;
    }
    try {
      int n = Integer.parseInt(property.trim());
      return n >= 1 ? n : BAD_PROPERTY;
    } catch (NumberFormatException e) {
      return BAD_PROPERTY;
    }
  }

  /** {@link #byDefault} of a bad property: refused, naming the property, when the command runs. */
  static final int BAD_PROPERTY = Integer.MIN_VALUE;

  /** The size of standard input when it is a regular file ({@code < file}), else -1 (a pipe, a terminal). */
  static long stdinFileSize = -1;

  /**
   * Inputs smaller than this are not cut into blocks for threads: the blocks are 4 MiB, and an input that
   * fits in one is normalized on one thread anyway.
   */
  static final long PARALLEL_FROM = 8L << 20;

  /** The size of what descriptor {@code fd} reads when it is a regular file (Linux), else -1. */
  static long regularFileSize(int fd) {
    try {
      Path p = Path.of("/proc/self/fd/" + fd);
      return Files.isRegularFile(p) ? Files.size(p) : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * True when input {@code name} is a regular file large enough for blocks on threads. A pipe or a terminal
   * is never cut into blocks: a block waits for 4 MiB or the end of the input, so {@code tail -f | arnorm}
   * would show nothing; on one thread each line is written as it comes.
   */
  static boolean worthBlocks(String name) {
    if (name.equals("-")) {
      return stdinFileSize >= PARALLEL_FROM;
    }
    try {
      Path p = Path.of(name);
      return Files.isRegularFile(p) && Files.size(p) >= PARALLEL_FROM;
    } catch (IOException | RuntimeException e) {
      return false; // opening it reports what is wrong
    }
  }

  /** Normalizes {@code in} to {@code out} in blocks on {@code threads} threads of its own. */
  static void inBlocks(ArabicNormalizer n, InputStream in, OutputStream out, int threads) throws IOException {
    ExecutorService pool = daemons(threads, "arnorm-block");
    try {
      n.normalize(in, out, pool, threads);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A fixed pool of daemon threads: a run that ends on an error never waits for them. */
  private static ExecutorService daemons(int threads, String name) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * As {@code ArnormCli.eachInput}, {@code threads} inputs at a time. Errors are reported in the inputs'
   * order. A failure to write (a full disk) stops the inputs not yet begun; those begun end as they would
   * alone (each is written atomically), then the failure ends the run as it would with one thread.
   */
  static int eachAtOnce(List<String> inputs, int threads, ArnormCli.PerInput action, PrintWriter err) {
    ExecutorService pool = daemons(Math.min(threads, inputs.size()), "arnorm-file");
    try {
      List<Future<String>> results = new ArrayList<>();
      for (String name : inputs) {
        results.add(pool.submit(() -> {
          try {
            action.run(name);
            return null;
          } catch (ArnormCli.InputError e) {
            return e.getMessage();
          }
        }));
      }
      int code = ArnormCli.OK;
      RuntimeException failure = null;
      for (Future<String> f : results) {
        try {
          String error = f.get();
          if (error != null) {
            err.println("arnorm: " + error);
            code = ArnormCli.INPUT_ERROR;
          }
        } catch (CancellationException e) {
          // Not begun: a failure to write came first.
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error) {
            throw (Error) e.getCause();
          }
          if (failure == null) {
            failure = (RuntimeException) e.getCause(); // run() throws only InputError, caught above
            results.forEach(later -> later.cancel(false));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return code;
    } finally {
      pool.shutdownNow();
    }
  }
}
