package dev.arnorm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a process, where the operating system is what is tested: a full disk, a closed descriptor, a
 * reader that closes the pipe, SIGTERM during --in-place. Runs the CLI's main class on the test classpath
 * (the code the jar packages) through {@code sh} for the redirections.
 */
class ProcessCliTest {
  @TempDir
  Path dir;

  private static String cli() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + ArnormCli.class.getName();
  }

  private static Process sh(String command, Path dir) throws IOException {
    return new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
        .redirectErrorStream(false).start();
  }

  private static String stderr(Process p) throws IOException {
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aFullDiskIsAnOutputErrorWithExitCode4() throws Exception {
    Process p = sh("printf 'مرحبا\\n' | " + cli() + " > /dev/full", dir);
    String err = stderr(p);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(4, p.exitValue(), err);
    assertTrue(err.contains("cannot write to standard output"), err);
  }

  @Test
  void aClosedOutputIsAnOutputErrorWithExitCode4() throws Exception {
    Process p = sh("printf 'مرحبا\\n' | " + cli() + " >&-", dir);
    String err = stderr(p);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(4, p.exitValue(), err);
  }

  @Test
  void aReaderThatClosesThePipeEndsAnEndlessRunQuietly() throws Exception {
    // The pipeline's status is the CLI's (the middle command's), written to a file.
    Process p = sh("yes 'مرحبا بكم' | (" + cli() + "; echo $? > status) | head -1", dir);
    String err = stderr(p);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not end");
    assertEquals("", err);
    assertEquals("0", Files.readString(dir.resolve("status")).trim());
  }

  @Test
  void sigtermDuringInPlaceLeavesTheFileAndNoTemporary() throws Exception {
    Path big = dir.resolve("big.txt");
    byte[] line = "مـرحبا بكم في الأخبار\n".getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 1_500_000; i++) {
        out.write(line);
      }
    }
    byte[] before = Files.readAllBytes(big);
    Process p = sh("exec " + cli() + " --in-place --preset search big.txt", dir);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (p.isAlive() && temporaries().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive() && !temporaries().isEmpty(), "the run never showed its temporary file");
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(List.of(), temporaries());
    assertArrayEquals(before, Files.readAllBytes(big));
  }

  @Test
  void checkRunsInBoundedMemoryWhateverTheLineLength() throws Exception {
    // A 29 MB line and a 16 MB heap: holding the line (as --check did) runs out of memory.
    Path big = dir.resolve("line.txt");
    try (var out = Files.newOutputStream(big)) {
      byte[] words = "مرحبا بكم ".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 1_600_000; i++) {
        out.write(words);
      }
      out.write("ﻷ\n".getBytes(StandardCharsets.UTF_8));
    }
    Process p = sh(cli().replaceFirst("' -cp", "' -Xmx16m -cp") + " --check line.txt", dir);
    String err = stderr(p);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), err);
    assertEquals("would change: line.txt (1 line)\n", err);
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(x -> x.getFileName().toString().endsWith(".arnorm.tmp")).toList();
    }
  }
}
