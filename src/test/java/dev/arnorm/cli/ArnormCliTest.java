package dev.arnorm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.ArabicNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of DESIGN.md, run in process. */
class ArnormCliTest {
  @TempDir
  Path dir;

  private String stdout;
  private String stderr;

  private int run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = ArnormCli.run(args, new ByteArrayInputStream(stdin), out, new PrintWriter(err, true), false);
    stdout = out.toString(StandardCharsets.UTF_8);
    stderr = err.toString();
    return code;
  }

  private int run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  private Path file(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private int runWith(java.io.InputStream in, java.io.OutputStream out, String... args) {
    StringWriter err = new StringWriter();
    int code = ArnormCli.run(args, in, out, new PrintWriter(err, true), false);
    stderr = err.toString();
    return code;
  }

  /** An output that fails every write as the system would, with {@code message}. */
  private static java.io.OutputStream failing(String message) {
    return new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(message);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(message);
      }
    };
  }

  /** An endless input of Arabic lines, as {@code yes مرحبا} gives. */
  private static java.io.InputStream endless() {
    byte[] line = "مرحبا بكم\n".getBytes(StandardCharsets.UTF_8);
    return new java.io.InputStream() {
      private long i;

      @Override
      public int read() {
        return line[(int) (i++ % line.length)] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int k = 0; k < len; k++) {
          b[off + k] = (byte) read();
        }
        return len;
      }
    };
  }

  @Test
  void anOutputThatCannotBeWrittenEndsTheRunWithExitCode4() {
    assertEquals(4, runWith(new ByteArrayInputStream("مرحبا\n".getBytes(StandardCharsets.UTF_8)),
        failing("No space left on device")));
    assertEquals("arnorm: cannot write to standard output: No space left on device\n", stderr);
  }

  @Test
  void aReaderThatClosesThePipeEndsTheRunAtOnceAndQuietly() {
    assertEquals(0, runWith(endless(), failing("Broken pipe")));
    assertEquals("", stderr);
  }

  @Test
  void aBugIsReportedInOneLineWithExitCode5AndTheTraceOnlyWithDebug() {
    java.io.InputStream broken = new java.io.InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("simulated bug");
      }
    };
    assertEquals(5, runWith(broken, new ByteArrayOutputStream()));
    assertTrue(stderr.startsWith("arnorm: internal error (a bug; please report it"), stderr);
    assertFalse(stderr.contains("\tat "), stderr);
    assertEquals(5, runWith(broken, new ByteArrayOutputStream(), "--debug"));
    assertTrue(stderr.contains("\tat "), stderr);
  }

  @Test
  void aFileThatFailsIsNamedAndTheOthersAreStillDone() throws IOException {
    Path a = file("a.txt", "أ\n");
    Path b = file("b.txt", "إ\n");
    Path missing = dir.resolve("missing.txt");
    assertEquals(3, run("", "--steps", "alef", a.toString(), missing.toString(), b.toString()));
    assertEquals("ا\nا\n", stdout);
    assertEquals("arnorm: " + missing + ": no such file\n", stderr);
  }

  @Test
  void outputToSomethingThatIsNotARegularFileIsWrittenStraight() throws Exception {
    assertEquals(0, run("مـرحبا\n", "-o", "/dev/null"));
    assertFalse(Files.isRegularFile(Path.of("/dev/null")));
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(fifo);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertEquals(0, run("مـرحبا\n", "-o", fifo.toString()));
    assertEquals("مرحبا\n", new String(read.get(10, java.util.concurrent.TimeUnit.SECONDS), StandardCharsets.UTF_8));
    assertFalse(Files.isRegularFile(fifo), "the FIFO is still a FIFO");
  }

  @Test
  void inPlaceRefusesWhatIsNotARegularFile() {
    assertEquals(3, run("", "--in-place", "/dev/null"));
    assertEquals("arnorm: /dev/null: not a regular file\n", stderr);
    assertFalse(Files.isRegularFile(Path.of("/dev/null")));
  }

  @Test
  void dashAsOutputIsStandardOutputAndAnEmptyNameIsAUsageError() {
    assertEquals(0, run("مـرحبا", "-o", "-"));
    assertEquals("مرحبا", stdout);
    assertEquals(2, run("x", "-o", ""));
    assertTrue(stderr.contains("--output needs a file name"), stderr);
  }

  @Test
  void theDiffGoesToTheOutputFile() throws IOException {
    Path out = dir.resolve("diff.txt");
    assertEquals(0, run("مـرحبا\n", "--diff", "-o", out.toString()));
    assertEquals("", stdout);
    assertTrue(Files.readString(out).contains("مرحبا"), Files.readString(out));
  }

  @Test
  void inPlaceOnASymlinkRewritesItsTargetAndKeepsTheLink() throws IOException {
    Path target = file("target.txt", "مـرحبا\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
    assertEquals(0, run("", "--in-place", link.toString()));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("مرحبا\n", Files.readString(target));
  }

  @Test
  void inPlaceKeepsTheModeAndANewOutputGetsTheUsualOne() throws IOException {
    Path f = file("mode.txt", "مـرحبا\n");
    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    assertEquals(0, run("", "--in-place", f.toString()));
    assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(f)));
    Path setgid = file("setgid.txt", "مـرحبا\n");
    Files.setAttribute(setgid, "unix:mode", 02640);
    assertEquals(0, run("", "--in-place", setgid.toString()));
    assertEquals(02640, (int) Files.getAttribute(setgid, "unix:mode") & 07777);
    Path usual = dir.resolve("usual.txt");
    Files.newOutputStream(usual).close();
    Path out = dir.resolve("new.txt");
    assertEquals(0, run("x", "-o", out.toString()));
    assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(out));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".arnorm.tmp")));
    }
  }

  @Test
  void versionNamesTheBuildIcuAndTheLexicon() {
    assertEquals(0, run("", "--version"));
    assertTrue(stdout.matches("(?s)arnorm \\d+\\.\\d+\\.\\d+\\S*\nICU4J \\d.*\nspelling lexicon \\S+\n"), stdout);
  }

  @Test
  void readingATerminalSaysSoOnTheErrorStream() {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, ArnormCli.run(new String[0], new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)),
        out, new PrintWriter(err, true), false, true));
    assertTrue(err.toString().startsWith("arnorm: reading standard input from the terminal"), err.toString());
    assertEquals("x", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aDiffThatWouldLookTheSameSpellsOutTheCodePoints() {
    // ا + U+0654 composes to أ under light: the two lines would render alike.
    assertEquals(0, run("\u0627\u0654حمد\n", "--diff"));
    assertTrue(stdout.contains("[[<U+0627><U+0654>"), stdout);
    assertTrue(stdout.contains("[[<U+0623>"), stdout);
  }

  @Test
  void malformedBytesAreReplacedAndCountedWhenAsked() {
    byte[] in = {(byte) 0xD9, (byte) 0x85, (byte) 0xFF, 'x', (byte) 0xC3, '\n'};
    assertEquals(3, run(in));
    assertTrue(stderr.contains("malformed UTF-8 at byte offset 2"), stderr);
    assertEquals(0, run(in, "--malformed=replace"));
    assertEquals("م\uFFFDx\uFFFD\n", stdout);
    assertEquals("arnorm: <stdin>: 2 malformed UTF-8 sequences replaced with U+FFFD\n", stderr);
  }

  @Test
  void progressGoesToTheErrorStreamWhenAskedAndNeverToTheOutput() throws IOException {
    Path f = file("p.txt", "مـرحبا\n".repeat(1000));
    assertEquals(0, run("", "--progress", f.toString()));
    assertTrue(stderr.matches("(?s)\rarnorm: [0-9.]+ MB, [0-9.]+ MB/s, 100%\n"), stderr);
    assertEquals("مرحبا\n".repeat(1000), stdout);
    assertEquals(0, run("", "--no-progress", f.toString()));
    assertEquals("", stderr);
  }

  @Test
  void normalizesStandardInputWithTheLightPresetByDefault() {
    assertEquals(0, run("مـرحبا\u00A0 بكم\u200F\n"));
    assertEquals("مرحبا بكم\n", stdout);
  }

  @Test
  void keepsLineStructureByteForByte() {
    String in = "ﻷ\r\nسطر\n\nسطر\r\n\r\nأخير بلا سطر جديد";
    assertEquals(0, run(in, "--preset", "search"));
    assertEquals("لا\r\nسطر\n\nسطر\r\n\r\nاخير بلا سطر جديد", stdout);
  }

  @Test
  void readsFilesInOrder() throws IOException {
    Path a = file("a.txt", "أ\n");
    Path b = file("b.txt", "إ");
    assertEquals(0, run("", "--steps", "alef", a.toString(), b.toString()));
    assertEquals("ا\nا", stdout);
  }

  @Test
  void stepsApplyInTheGivenOrder() {
    assertEquals(0, run("a \u200B b", "--steps", "whitespace,invisible"));
    assertEquals("a  b", stdout);
    assertEquals(0, run("a \u200B b", "--steps", "invisible,whitespace"));
    assertEquals("a b", stdout);
  }

  @Test
  void writesToAnOutputFile() throws IOException {
    Path out = dir.resolve("out.txt");
    assertEquals(0, run("مـرحبا", "-o", out.toString()));
    assertEquals("مرحبا", Files.readString(out));
    assertEquals("", stdout);
  }

  @Test
  void checkExitsOneWhenTextWouldChangeAndWritesNothing() throws IOException {
    Path p = file("p.txt", "سطر\nمـرحبا\n");
    assertEquals(1, run("", "--check", p.toString()));
    assertEquals("", stdout);
    assertTrue(stderr.contains("would change: " + p + " (1 line)"), stderr);
  }

  @Test
  void checkExitsZeroOnCleanText() throws IOException {
    Path p = file("p.txt", "مرحبا بكم\n");
    assertEquals(0, run("", "--check", p.toString()));
  }

  @Test
  void diffShowsChangedLinesWithMarkedWordsAndVisibleInvisibles() {
    assertEquals(0, run("سطر\nمـرحبا\u200F بكم\n", "--diff"));
    assertEquals("<stdin>:2\n- [[مـرحبا<U+200F>]] بكم\n+ [[مرحبا]] بكم\n", stdout);
  }

  @Test
  void statsGoToStandardErrorPerStep() {
    assertEquals(0, run("أَحْمَد", "--preset", "search", "--stats"));
    assertEquals("احمد", stdout);
    assertTrue(stderr.matches("(?s).*diacritics\\s+3\\b.*"), stderr);
    assertTrue(stderr.matches("(?s).*alef\\s+1\\b.*"), stderr);
  }

  @Test
  void listShowsStepsWithSafetyAndPresetsWithSteps() {
    assertEquals(0, run("", "--list"));
    assertTrue(stdout.matches("(?s).*diacritics\\s+folding.*"), stdout);
    assertTrue(stdout.contains("light    html-entities,presentation-forms,invisible,tatweel,whitespace"), stdout);
  }

  @Test
  void demoShowsTheSampleArticle() {
    assertEquals(0, run("", "--demo", "--preset", "search"));
    assertTrue(stdout.contains("Elaph"), stdout);
    assertTrue(stdout.contains("lines changed"), stdout);
  }

  @Test
  void noArgumentsAtATerminalShowsTheDemo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = ArnormCli.run(new String[0], new ByteArrayInputStream(new byte[0]), out,
        new PrintWriter(err, true), true);
    assertEquals(0, code);
    String shown = out.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("arnorm demo"), shown);
    assertTrue(shown.contains("residue removed    10"), shown);
  }

  @Test
  void noArgumentsWithoutATerminalReadsStandardInput() {
    assertEquals(0, run("مـرحبا"));
    assertEquals("مرحبا", stdout);
  }

  @Test
  void unknownStepIsAUsageErrorListingValidSteps() {
    assertEquals(2, run("", "--steps", "tatweel,alif"));
    assertTrue(stderr.contains("unknown step 'alif'"), stderr);
    assertTrue(stderr.contains("teh-marbuta"), stderr);
    assertFalse(stderr.contains("Exception"), stderr);
  }

  @Test
  void unknownOptionAndPresetAreUsageErrors() {
    assertEquals(2, run("", "--frobnicate"));
    assertTrue(stderr.contains("--frobnicate"), stderr);
    assertEquals(2, run("", "--preset", "fast"));
    assertTrue(stderr.contains("valid presets: light, search, social, lucene"), stderr);
    assertEquals(2, run("", "--preset", "light", "--steps", "alef"));
  }

  @Test
  void missingFileIsAnInputError() {
    assertEquals(3, run("", dir.resolve("missing.txt").toString()));
    assertTrue(stderr.contains("missing.txt: no such file"), stderr);
    assertFalse(stderr.contains("Exception"), stderr);
  }

  @Test
  void malformedUtf8NamesTheByteOffsetOfTheFirstBadByte() throws IOException {
    byte[] bytes = {(byte) 0xD9, (byte) 0x85, 'a', '\n', (byte) 0xFF, 'b'};
    assertEquals(3, run(bytes));
    assertTrue(stderr.contains("<stdin>: malformed UTF-8 at byte offset 4"), stderr);
    Path p = file("bad.txt", bytes);
    assertEquals(3, run("", "--check", p.toString()));
    assertTrue(stderr.contains("byte offset 4"), stderr);
  }

  @Test
  void truncatedUtf8AtTheEndIsMalformed() {
    assertEquals(3, run(new byte[] {'a', 'b', (byte) 0xD9}));
    assertTrue(stderr.contains("byte offset 2"), stderr);
  }

  @Test
  void malformedUtf8FarIntoALargeInputIsFound() {
    byte[] big = new byte[100_003];
    java.util.Arrays.fill(big, (byte) 'a');
    big[100_000] = (byte) 0xC3; // a lead byte followed by 'a' is not a valid sequence
    assertEquals(3, run(big));
    assertTrue(stderr.contains("byte offset 100000"), stderr);
  }

  @Test
  void inPlaceRewritesEachFile() throws IOException {
    Path a = file("a.txt", "مـرحبا\r\n");
    Path b = file("b.txt", "ﻷ");
    assertEquals(0, run("", "--in-place", a.toString(), b.toString()));
    assertEquals("مرحبا\r\n", Files.readString(a));
    assertEquals("لأ", Files.readString(b));
    assertEquals("", stdout);
  }

  /**
   * One file named twice, or by a link and its target, is rewritten twice, one after the other, as one
   * thread does. (A run of more than 16 references waiting on each other is decoded in two passes: the
   * second rewrite shows it.)
   */
  @Test
  void inPlaceOnThreadsRewritesOneFileNamedTwiceTwiceInTurn() throws IOException {
    String text = "&quot".repeat(40) + "\n";
    Path a = file("a.txt", text);
    Path b = file("b.txt", text);
    Path link = dir.resolve("link.txt");
    Files.createSymbolicLink(link, b);
    assertEquals(0, run("", "--in-place", "--threads", "1", a.toString(), a.toString()));
    String twice = Files.readString(a);
    assertEquals(ArabicNormalizer.LIGHT.normalize(ArabicNormalizer.LIGHT.normalize(text)), twice);
    Files.writeString(a, text);
    assertEquals(0, run("", "--in-place", "--threads", "4", a.toString(), a.toString(), b.toString(),
        link.toString()));
    assertEquals(twice, Files.readString(a));
    assertEquals(twice, Files.readString(b));
  }

  /** The mechanism the test above relies on, without its race: names of one file never run at once. */
  @Test
  void namesOfOneFileRunOneAfterTheOtherInTheirOrder() throws IOException {
    Path a = file("a.txt", "x");
    Path b = file("b.txt", "y");
    Path link = dir.resolve("link.txt");
    Files.createSymbolicLink(link, b);
    List<String> names = List.of(a.toString(), b.toString(), a.toString(), link.toString(), a.toString());
    java.util.Map<Path, java.util.concurrent.atomic.AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
    StringWriter said = new StringWriter();
    int code = Threads.eachAtOnce(names, 4, name -> {
      Path real;
      try {
        real = Path.of(name).toRealPath();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      java.util.concurrent.atomic.AtomicInteger n = running.computeIfAbsent(real, k -> new java.util.concurrent.atomic.AtomicInteger());
      if (n.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      order.add(name);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      n.decrementAndGet();
      return "done " + name;
    }, new PrintWriter(said, true));
    assertEquals(0, code);
    assertEquals(0, overlaps.get(), "two names of one file ran at once");
    assertEquals(List.of(a.toString(), a.toString(), a.toString()),
        order.stream().filter(x -> x.equals(a.toString())).toList());
    List<String> expected = new java.util.ArrayList<>();
    names.forEach(x -> expected.add("done " + x));
    assertEquals(expected, said.toString().lines().toList(), "said in the inputs' order");
  }

  @Test
  void inPlaceOnThreadsSaysEachFilesNoticeInTheirOrder() throws IOException {
    byte[] big = new byte[3_000_000];
    java.util.Arrays.fill(big, (byte) 'x');
    big[big.length - 1] = (byte) 0xFF;
    Path first = file("first.txt", big);
    Path second = file("second.txt", new byte[] {'x', (byte) 0xFF, 'y', '\n'});
    assertEquals(0, run("", "--in-place", "--malformed", "replace", "--threads", "2", first.toString(),
        second.toString()));
    List<String> lines = stderr.lines().toList();
    assertEquals(2, lines.size(), stderr);
    assertTrue(lines.get(0).contains("first.txt") && lines.get(1).contains("second.txt"), stderr);
  }

  @Test
  void threadsAreBoundedAndThePropertyTakesAllInAnyCase() {
    assertEquals(2, run("x", "--threads", "5000"));
    assertTrue(stderr.contains("from 1 to " + Threads.MAX), stderr);
    assertEquals(2, run("x", "--threads", "-2147483648"));
    assertTrue(stderr.contains("--threads needs"), stderr);
    assertEquals(8, Threads.byDefault(" ALL ", 8));
    assertEquals(Threads.MAX, Threads.byDefault("all", 100_000));
    assertEquals(7, Threads.byDefault("many", 8), "a bad property leaves a sane default for --help");
    assertFalse(Threads.isValid("0"));
    assertFalse(Threads.isValid(String.valueOf(Threads.MAX + 1)));
  }

  @Test
  void aLargeFileOnThreadsGivesWhatOneThreadGives() throws IOException {
    StringBuilder sb = new StringBuilder();
    String[] lines = {"قال &quot;أَحْمَدُ&quot; إن الجو جمـــيل\u00A0 جدا", "ﻟﻠﻪ ﷺ AT&T", "انشاء الله\r", "١٢ x"};
    for (int i = 0; sb.length() < Threads.PARALLEL_FROM; i++) {
      sb.append(lines[i % lines.length]).append('\n');
    }
    Path big = file("big.txt", sb.toString());
    assertTrue(Files.size(big) >= Threads.PARALLEL_FROM, "large enough for blocks");
    assertEquals(0, run("", "--threads", "1", "-p", "search", big.toString()));
    String one = stdout;
    assertEquals(0, run("", "--threads", "3", "-p", "search", big.toString()));
    assertEquals(one, stdout);
  }

  @Test
  void theWarmUpGuessesTheNormalizerFromEachSpellingOfTheOptions() {
    assertEquals(ArabicNormalizer.LIGHT, ArnormCli.likelyNormalizer(new String[] {"file.txt"}));
    for (String[] args : List.of(new String[] {"-p", "search"}, new String[] {"--preset", "search"},
        new String[] {"--preset=search"}, new String[] {"-psearch"}, new String[] {"-p=search"},
        new String[] {"-p", "social", "x.txt", "--preset", "search"})) {
      assertEquals(ArabicNormalizer.SEARCH, ArnormCli.likelyNormalizer(args), String.join(" ", args));
    }
    assertEquals(ArabicNormalizer.parse("alef,tatweel"),
        ArnormCli.likelyNormalizer(new String[] {"--steps", "alef,tatweel"}));
    assertEquals(ArabicNormalizer.LIGHT, ArnormCli.likelyNormalizer(new String[] {"--", "-p", "search"}));
  }

  @Test
  void threadsDefaultToTheProcessorsLessOneOrWhatThePropertySays() {
    assertEquals(1, Threads.byDefault(null, 1));
    assertEquals(1, Threads.byDefault(null, 2));
    assertEquals(7, Threads.byDefault(null, 8));
    assertEquals(8, Threads.byDefault("all", 8));
    assertEquals(3, Threads.byDefault(" 3", 8));
  }

  @Test
  void aBadThreadsPropertyIsAUsageErrorThatNamesIt() {
    String before = System.getProperty("arnorm.threads");
    System.setProperty("arnorm.threads", "many");
    try {
      assertEquals(2, run("x"));
      assertTrue(stderr.contains("arnorm.threads") && stderr.contains("'many'"), stderr);
      assertEquals(0, run("x", "--threads", "2"), "the option wins over the property");
    } finally {
      if (before == null) {
        System.clearProperty("arnorm.threads");
      } else {
        System.setProperty("arnorm.threads", before);
      }
    }
  }

  @Test
  void inPlaceOnThreadsRewritesFilesAsOneThreadDoesAndReportsErrorsInTheirOrder() throws IOException {
    String[] texts = {"مـرحبا\r\n", "ﻷ", "&quot;كلمة&quot;", "جمـــيل  جدا\n", "ﷺ", "أَحْمَدُ"};
    List<String> args = new java.util.ArrayList<>(List.of("--in-place", "--threads", "3"));
    for (int i = 0; i < texts.length; i++) {
      args.add(file("f" + i + ".txt", texts[i]).toString());
      if (i == 1 || i == 4) {
        args.add(dir.resolve("missing" + i + ".txt").toString());
      }
    }
    byte[] bad = {'a', '\n', (byte) 0xFF};
    args.add(file("bad.txt", bad).toString());
    assertEquals(3, run("", args.toArray(new String[0])));
    for (int i = 0; i < texts.length; i++) {
      assertEquals(ArabicNormalizer.LIGHT.normalize(texts[i]), Files.readString(dir.resolve("f" + i + ".txt")));
    }
    assertArrayEquals(bad, Files.readAllBytes(dir.resolve("bad.txt")));
    assertEquals(List.of("arnorm: " + dir.resolve("missing1.txt") + ": no such file",
        "arnorm: " + dir.resolve("missing4.txt") + ": no such file",
        "arnorm: " + dir.resolve("bad.txt") + ": malformed UTF-8 at byte offset 2"), stderr.lines().toList());
    assertEquals("", stdout);
  }

  @Test
  void inPlaceLeavesTheOriginalUntouchedOnMalformedInput() throws IOException {
    byte[] original = "مـرحبا\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[original.length + 1];
    System.arraycopy(original, 0, bad, 0, original.length);
    bad[original.length] = (byte) 0xFF;
    Path p = file("bad.txt", bad);
    assertEquals(3, run("", "--in-place", p.toString()));
    assertArrayEquals(bad, Files.readAllBytes(p));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(1, left.count(), "no temporary file is left behind");
    }
  }

  @Test
  void inPlaceNeedsFiles() {
    assertEquals(2, run("x", "--in-place"));
    assertEquals(2, run("x", "--in-place", "-o", "y", "z"));
  }

  @Test
  void lexiconOptionAddsUserEntries() throws IOException {
    Path lex = file("mine.tsv", "# version: 1\nعشان\tلأن\tcolloquial\n");
    assertEquals(0, run("عشان هاذا\n", "--preset", "social", "--lexicon", lex.toString()));
    assertEquals("لأن هذا\n", stdout);
  }

  @Test
  void badLexiconLineIsAUsageErrorNamingFileAndLine() throws IOException {
    Path lex = file("bad.tsv", "# ok\nعشان\tلأن\n");
    assertEquals(2, run("x", "--preset", "social", "--lexicon", lex.toString()));
    assertTrue(stderr.contains("lexicon " + lex + " line 2: expected WRONG<TAB>RIGHT<TAB>KIND"), stderr);
  }

  @Test
  void missingLexiconIsAnInputError() {
    assertEquals(3, run("x", "--preset", "social", "--lexicon", dir.resolve("none.tsv").toString()));
    assertTrue(stderr.contains("none.tsv: no such file"), stderr);
  }

  @Test
  void lexiconWithoutSpellingIsAUsageError() throws IOException {
    Path lex = file("mine.tsv", "عشان\tلأن\tcolloquial\n");
    assertEquals(2, run("x", "--lexicon", lex.toString()));
    assertTrue(stderr.contains("--lexicon needs the spelling step"), stderr);
  }

  @Test
  void statsCountFixesPerLexiconEntry() {
    assertEquals(0, run("لاكن هاذا ولاكن", "--preset", "social", "--stats"));
    assertTrue(stderr.matches("(?s).*لاكن → لكن\\s+2\\b.*"), stderr);
  }

  @Test
  void helpIsEnoughToUseIt() {
    assertEquals(0, run("", "--help"));
    for (String s : new String[] {"--preset", "--steps", "--in-place", "--check", "--diff", "--stats", "--list",
        "--demo", "Exit codes", "Examples"}) {
      assertTrue(stdout.contains(s), s);
    }
  }

  /** As picocli reads a boolean option: alone it is on, and an attached value sets it either way. */
  @Test
  void anOnOffOptionTakesAnAttachedTrueOrFalse() {
    assertEquals(0, run("مـرحبا\n", "--check=false"));
    assertEquals("مرحبا\n", stdout);
    assertEquals(1, run("مـرحبا\n", "--check=true"));
    assertEquals("", stdout);
    assertEquals(0, run("مـرحبا\n", "--no-progress=true", "--stats=false"));
    assertEquals("مرحبا\n", stdout);
  }

  /** The value must be attached: a word after an on/off option is an input file, even true or false. */
  @Test
  void aWordAfterAnOnOffOptionIsAFile() {
    assertEquals(3, run("مـرحبا\n", "-c", "true"));
    assertTrue(stderr.contains("true: no such file"), stderr);
  }
}
