package dev.arnorm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.MalformedUtf8Exception;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** --threads: blocks of lines on several threads give byte for byte what one thread gives. */
class ParallelBlocksTest {
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
    new ParallelBlocks(n, threads, block, maxLine).run(new ByteArrayInputStream(in), out);
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
    ParallelBlocks.Malformed many = assertThrows(ParallelBlocks.Malformed.class,
        () -> parallel(ArabicNormalizer.LIGHT, in, 2, 16, 32));
    assertEquals(one.offset(), many.offset);
  }

  @Property(tries = 500)
  void malformedInputIsReportedAtTheOffsetOneThreadReports(@ForAll("text") String s,
      @ForAll @IntRange(max = 500) int at, @ForAll @IntRange(min = 8, max = 120) int block) {
    byte[] in = (s + "\n" + s).getBytes(StandardCharsets.UTF_8);
    in[at % in.length] = (byte) 0xFF;
    MalformedUtf8Exception one = assertThrows(MalformedUtf8Exception.class,
        () -> ArabicNormalizer.LIGHT.normalize(new ByteArrayInputStream(in), new ByteArrayOutputStream()));
    ParallelBlocks.Malformed many = assertThrows(ParallelBlocks.Malformed.class,
        () -> parallel(ArabicNormalizer.LIGHT, in, 2, block));
    assertEquals(one.offset(), many.offset);
  }
}
