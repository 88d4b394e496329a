package dev.arnorm.cli;

import dev.arnorm.ArabicNormalizer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * The most threads {@code --threads} takes: each may hold a block of 4 MiB and its output; fewer run at
   * once when the heap is small (see {@code ArabicNormalizer.normalize(in, out, executor, parallelism)}).
   */
  static final int MAX = 1024;

  /**
   * The default of {@code --threads}: {@code property} ({@code arnorm.threads}) as a number of threads or
   * {@code all}; the processors less one, at least one, when it is unset or not {@link #isValid} (the command
   * then refuses it, unless {@code --threads} is given).
   */
  static int byDefault(String property, int processors) {
    if (property != null && isValid(property)) {
      String p = property.trim();
      return p.equalsIgnoreCase("all") ? Math.min(processors, MAX) : Integer.parseInt(p);
    }
    return Math.max(1, processors - 1);
  }

  /** True for no property, {@code all} (any case), or a number of threads from 1 to {@link #MAX}. */
  static boolean isValid(String property) {
    if (property == null || property.trim().equalsIgnoreCase("all")) {
      return true;
    }
    try {
      int n = Integer.parseInt(property.trim());
      return n >= 1 && n <= MAX;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The size of standard input when it is a regular file ({@code < file}), else -1 (a pipe, a terminal). */
  static long stdinFileSize = -1;

  /**
   * Inputs smaller than this are not cut into blocks for threads: the blocks are 4 MiB, and an input that
   * fits in one is normalized on one thread anyway.
   */
  static final long PARALLEL_FROM = 8L << 20;

  /**
   * The size of what descriptor {@code fd} reads when it is a regular file (Linux), else -1. It runs at
   * start, so with {@code java.io.File}: the first use of NIO's file system costs about 3 ms.
   */
  static long regularFileSize(int fd) {
    try {
      File f = new File("/proc/self/fd/" + fd);
      return f.isFile() ? f.length() : -1;
    } catch (SecurityException e) {
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
   * As {@code ArnormCli.eachInput}, {@code threads} inputs at a time, each input's errors and notices said
   * in the inputs' order. Names of one file (the same name twice, a link and its target) are done one after
   * the other, in their order, as one thread would: done at once, each would rewrite the original and one
   * rewrite would be lost. A failure to write (a full disk) ends the run as it ends one thread's: the inputs
   * before it are done and said, nothing after it is said, and no input after it is begun once it has
   * failed; those begun by then are each rewritten whole or left as they were (each is written atomically).
   */
  static int eachAtOnce(List<String> inputs, int threads, ArnormCli.PerInput action, PrintWriter err) {
    int n = inputs.size();
    String[] said = new String[n]; // "arnorm: ..." for an error, the notice otherwise, or null
    boolean[] failedInput = new boolean[n];
    RuntimeException[] failure = new RuntimeException[n];
    // The first input whose output failed: none after it is begun, as one thread would stop there.
    java.util.concurrent.atomic.AtomicInteger stopAfter = new java.util.concurrent.atomic.AtomicInteger(n);
    Map<Path, List<Integer>> byFile = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byFile.computeIfAbsent(fileOf(inputs.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<Future<?>> doneBy = new ArrayList<>(java.util.Collections.nCopies(n, null));
    ExecutorService pool = daemons(Math.min(threads, byFile.size()), "arnorm-file");
    try {
      for (List<Integer> group : byFile.values()) {
        Future<?> f = pool.submit(() -> {
          for (int i : group) {
            if (i > stopAfter.get()) {
              return;
            }
            try {
              said[i] = action.run(inputs.get(i));
            } catch (ArnormCli.InputError e) {
              said[i] = "arnorm: " + e.getMessage();
              failedInput[i] = true;
            } catch (RuntimeException e) {
              failure[i] = e;
              stopAfter.accumulateAndGet(i, Math::min);
              return;
            }
          }
        });
        for (int i : group) {
          doneBy.set(i, f);
        }
      }
      int code = ArnormCli.OK;
      for (int i = 0; i < n; i++) {
        try {
          doneBy.get(i).get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error) {
            throw (Error) e.getCause();
          }
          throw new IllegalStateException(e.getCause()); // the task catches every RuntimeException
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        if (failure[i] != null) {
          throw failure[i];
        }
        if (said[i] != null) {
          err.println(said[i]);
        }
        if (failedInput[i]) {
          code = ArnormCli.INPUT_ERROR;
        }
      }
      return code;
    } finally {
      pool.shutdown(); // never interrupted: an input begun ends whole
    }
  }

  /** The file {@code name} names, links resolved, so that two names of one file are told to be one. */
  private static Path fileOf(String name) {
    Path p = Path.of(name);
    try {
      return p.toRealPath();
    } catch (IOException | RuntimeException e) {
      return p.toAbsolutePath().normalize(); // it will fail on its own, with its own message
    }
  }
}
