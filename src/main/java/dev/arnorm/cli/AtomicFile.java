package dev.arnorm.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Rewriting a file so that it is never seen half written: {@code --in-place}, and {@code -o} to a regular
 * file. Called by {@link ArnormCli}; safe to call from several threads at once ({@code --in-place} on
 * threads), each on its own file.
 */
final class AtomicFile {
  private AtomicFile() {}

  /** What writes the new content. */
  interface WriteAction {
    void writeTo(OutputStream out) throws ArnormCli.InputError;
  }

  /**
   * Writes to a temporary file beside {@code target} and renames it over {@code target} only when everything
   * succeeded; on any error, or when the process is stopped (SIGTERM), the temporary file is deleted and
   * {@code target} is untouched. A symbolic link is kept: its target is what is rewritten. The temporary
   * file is made with the usual mode under the umask (644 under 022); a file that exists keeps its mode,
   * owner and group where the process may set them.
   */
  static int write(Path target, WriteAction action) throws ArnormCli.InputError {
    Path real;
    try {
      real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
    } catch (IOException e) {
      throw new ArnormCli.InputError(target + ": " + ArnormCli.describe(e));
    }
    Path dir = real.getParent();
    Path tmp = null;
    OutputStream raw = null;
    for (int attempt = 0; tmp == null; attempt++) {
      Path candidate = dir.resolve("." + real.getFileName() + "."
          + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".arnorm.tmp");
      try {
        raw = Temporaries.create(candidate);
        tmp = candidate;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 16) {
          throw cannotCreate(target, dir, e);
        }
      } catch (IOException e) {
        throw cannotCreate(target, dir, e);
      }
    }
    boolean ok = false;
    try {
      try (OutputStream w = new BufferedOutputStream(new Output(raw, target.toString()), 1 << 16)) {
        action.writeTo(w);
      } catch (IOException e) {
        throw new Output.Failure(target.toString(), e);
      }
      if (Files.exists(real)) {
        keepAttributes(real, tmp);
      }
      Temporaries.commit(tmp, real);
      ok = true;
      return ArnormCli.OK;
    } catch (IOException e) {
      throw new ArnormCli.InputError(target + ": cannot replace: " + ArnormCli.describe(e));
    } finally {
      if (!ok) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Nothing more to do; the original is untouched either way.
        }
      }
      Temporaries.remove(tmp);
    }
  }

  private static ArnormCli.InputError cannotCreate(Path target, Path dir, IOException e) {
    return new ArnormCli.InputError(target + ": cannot create a temporary file in " + dir + ": "
        + ArnormCli.describe(e));
  }

  /** Mode (setuid, setgid and sticky bits are not POSIX permissions Java sets), owner and group, where allowed. */
  private static void keepAttributes(Path from, Path to) {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (IOException | UnsupportedOperationException e) {
      // No POSIX permissions here: the temporary file's default mode stays.
    }
    try {
      Files.setAttribute(to, "unix:mode", Files.getAttribute(from, "unix:mode"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      // The full mode (setgid, sticky) where the platform gives it; permissions alone otherwise.
    }
    try {
      Files.setAttribute(to, "posix:group", Files.getAttribute(from, "posix:group"));
      Files.setOwner(to, Files.getOwner(from));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Only the owner (or root) may give a file away: the file is then the writer's.
    }
  }

  /**
   * The temporary files being written, deleted if the process is stopped (SIGTERM) before they are renamed.
   * A file is made and registered under one lock, which the shutdown hook takes before it deletes them: a
   * file is either made before (and deleted) or never made (its writer fails). Several threads write at
   * once under {@code --in-place --threads}.
   */
  private static final class Temporaries {
    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static boolean closing;

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        synchronized (Temporaries.class) {
          closing = true;
        }
        for (Path p : OPEN) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // The process is ending; nothing more can be done.
          }
        }
      }, "arnorm-temporaries"));
    }

    /** Makes {@code p} (it must not exist) and registers it; once the process is ending, waits for its end. */
    static synchronized OutputStream create(Path p) throws IOException {
      waitIfClosing();
      OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      OPEN.add(p);
      return out;
    }

    /**
     * Renames {@code tmp} over {@code real} and forgets it, under the lock: the hook never deletes a file
     * being renamed. Once the process is ending, waits for its end: the file is then the hook's to delete.
     */
    static synchronized void commit(Path tmp, Path real) throws IOException {
      waitIfClosing();
      try {
        Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
      }
      OPEN.remove(tmp);
    }

    /**
     * A writer that comes to a new file, or to a rename, while the process is ending (SIGTERM) waits for the
     * end quietly (the JVM halts once the hooks are done) rather than fail with a message per file: an
     * error for every file left was printed while the hook ran.
     */
    private static void waitIfClosing() {
      if (!closing) {
        return;
      }
      while (true) {
        try {
          Temporaries.class.wait();
        } catch (InterruptedException e) {
          // Still ending: keep waiting.
        }
      }
    }

    static void remove(Path p) {
      OPEN.remove(p);
    }
  }
}
