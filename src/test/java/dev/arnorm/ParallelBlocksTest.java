package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * normalize(InputStream, OutputStream, Executor, int), which --threads runs: blocks of lines on several
 * threads give byte for byte what one thread gives.
 */
class ParallelBlocksTest {
  private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(4,
      r -> {
        Thread t = new Thread(r, "test-block");
        t.setDaemon(true);
        return t;
      });
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of("مرحبا", "مـرحبا", "ﻷ", "ﷺ", " ", "  ", "\u00A0", "\n", "\r\n", "\n", "\n", "x",
        "&amp;", "&", "أحمد", "\u064E", "\u200F", "ـ", "جمييييل", "١٢", "\uD83D\uDE00", "\uFEFF")
        .list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<ArabicNormalizer> normalizer() {
    return Arbitraries.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH, ArabicNormalizer.SOCIAL,
        ArabicNormalizer.LUCENE);
  }

  private static byte[] parallel(ArabicNormalizer n, byte[] in, int threads, int block) throws IOException {
    return parallel(n, in, threads, block, 4 * block);
  }

  private static byte[] parallel(ArabicNormalizer n, byte[] in, int threads, int block, int maxLine)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ParallelBlocks(n, POOL, threads, block, maxLine).run(new ByteArrayInputStream(in), out);
    return out.toByteArray();
  }

  @Property(tries = 1500)
  void blocksOnThreadsGiveWhatOneThreadGives(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s,
      @ForAll @IntRange(min = 8, max = 120) int block, @ForAll @IntRange(min = 2, max = 4) int threads)
      throws IOException {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(n.normalize(s).getBytes(StandardCharsets.UTF_8), parallel(n, in, threads, block));
  }

  /**
   * Lines longer than a block: the block grows to hold them, up to the longest line it may hold; a longer
   * one streams on the calling thread, and the blocks go on after it.
   */
  @Property(tries = 1000)
  void longLinesGrowTheirBlockOrStreamAndTheCuttingGoesOn(@ForAll("normalizer") ArabicNormalizer n,
      @ForAll("text") String s, @ForAll("text") String t, @ForAll @IntRange(min = 8, max = 40) int block,
      @ForAll @IntRange(min = 1, max = 3) int growth, @ForAll @IntRange(min = 0, max = 300) int longLine)
      throws IOException {
    String text = s + "\n" + "مـرحبا&amp;".repeat(longLine / 8 + 1) + "\n" + t + "\n" + t;
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(n.normalize(text).getBytes(StandardCharsets.UTF_8),
        parallel(n, in, 2, block, block << growth));
  }

  @Property(tries = 300)
  void malformedInALongStreamedLineIsReportedAtItsOffset(@ForAll("text") String s,
      @ForAll @IntRange(max = 400) int at) {
    byte[] in = (s + "\n" + "مرحبا ".repeat(40) + "\n" + s).getBytes(StandardCharsets.UTF_8);
    in[at % in.length] = (byte) 0xFF;
    MalformedUtf8Exception one = assertThrows(MalformedUtf8Exception.class,
        () -> ArabicNormalizer.LIGHT.normalize(new ByteArrayInputStream(in), new ByteArrayOutputStream()));
    MalformedUtf8Exception many = assertThrows(MalformedUtf8Exception.class,
        () -> parallel(ArabicNormalizer.LIGHT, in, 2, 16, 32));
    assertEquals(one.offset(), many.offset());
  }

  @Property(tries = 500)
  void malformedInputIsReportedAtTheOffsetOneThreadReports(@ForAll("text") String s,
      @ForAll @IntRange(max = 500) int at, @ForAll @IntRange(min = 8, max = 120) int block) {
    byte[] in = (s + "\n" + s).getBytes(StandardCharsets.UTF_8);
    in[at % in.length] = (byte) 0xFF;
    MalformedUtf8Exception one = assertThrows(MalformedUtf8Exception.class,
        () -> ArabicNormalizer.LIGHT.normalize(new ByteArrayInputStream(in), new ByteArrayOutputStream()));
    MalformedUtf8Exception many = assertThrows(MalformedUtf8Exception.class,
        () -> parallel(ArabicNormalizer.LIGHT, in, 2, block));
    assertEquals(one.offset(), many.offset());
  }

  /** The public method, with its real block size, on an input of many blocks and a line longer than one. */
  @org.junit.jupiter.api.Test
  void thePublicMethodOnTheCommonPoolWritesWhatOneThreadWrites() throws IOException {
    StringBuilder sb = new StringBuilder();
    String[] lines = {"قال &quot;أَحْمَدُ&quot; إن الجو جمـــيل\u00A0 جدا", "ﻟﻠﻪ ﷺ AT&T", "انشاء الله\r", "١٢ x"};
    for (int i = 0; sb.length() < 5_000_000; i++) {
      sb.append(lines[i % lines.length]).append('\n');
    }
    sb.append("مـرحبا ".repeat(800_000)).append('\n'); // about 8.8 MB on one line: its block grows
    sb.append(lines[0]);
    byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
    for (ArabicNormalizer n : List.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH)) {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      n.normalize(new ByteArrayInputStream(in), one);
      ByteArrayOutputStream many = new ByteArrayOutputStream();
      n.normalize(new ByteArrayInputStream(in), many, java.util.concurrent.ForkJoinPool.commonPool(), 3);
      assertArrayEquals(one.toByteArray(), many.toByteArray(), n.toString());
    }
  }

  @org.junit.jupiter.api.Test
  void aParallelismNearIntegerMaxValueDoesNotWrap() throws IOException {
    String s = "مـرحبا\nعالم\n".repeat(50);
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int p : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 1}) {
      assertArrayEquals(ArabicNormalizer.LIGHT.normalize(s).getBytes(StandardCharsets.UTF_8),
          parallel(ArabicNormalizer.LIGHT, in, p, 16));
    }
  }

  @org.junit.jupiter.api.Test
  void thePublicMethodRefusesABadParallelismAndNoExecutor() {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class, () -> ArabicNormalizer.LIGHT.normalize(in, out, POOL, 0));
    assertThrows(NullPointerException.class, () -> ArabicNormalizer.LIGHT.normalize(in, out, null, 2));
  }
}
