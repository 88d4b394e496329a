package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arnorm.engine.Lines;
import dev.arnorm.stream.BadUtf8Exception;
import dev.arnorm.stream.Utf8Stream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ArabicNormalizer#normalize(InputStream, OutputStream)}, where most lines are normalized on their
 * UTF-8 bytes, against {@link ArabicNormalizer#normalize(CharSequence)} of the decoded text, for any
 * pipeline, any split of the input into reads, and input blocks from a few bytes (every line is a long
 * line) to the default. Malformed input is reported at the offset {@link Utf8Reader} reports.
 */
class Utf8StreamProperties {

  @Provide
  Arbitrary<List<Step>> pipeline() {
    return ArabicText.pipelines();
  }

  /** Lines of the direct path's tokens, without lone surrogates (UTF-8 cannot hold them). */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> token = Arbitraries.of(DirectPathProperties.TOKENS)
        .filter(t -> !t.equals("\uD800") && !t.equals("\uDC00"));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", "", "", "\n", "\n", "\r\n");
    return Combinators.combine(separator, token).as((a, b) -> a + b).list().ofMaxSize(40)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Integer> block() {
    return Arbitraries.oneOf(Arbitraries.integers().between(4, 64), Arbitraries.just(Utf8Stream.BLOCK));
  }

  @Provide
  Arbitrary<List<Integer>> reads() {
    return Arbitraries.integers().between(1, 50).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 3000)
  void bytesInGiveTheBytesOfTheNormalizedText(@ForAll("pipeline") List<Step> steps,
      @ForAll("text") String s, @ForAll("block") int block, @ForAll("reads") List<Integer> reads)
      throws IOException {
    ArabicNormalizer n = ArabicNormalizer.of(steps.toArray(new Step[0]));
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = run(n, in, block, reads);
    assertEquals(n.normalize(s), new String(out, StandardCharsets.UTF_8),
        () -> steps + " on " + NormalizerProperties.codePoints(s) + ", block " + block + ", reads " + reads);
  }

  /**
   * The word-lookup steps on bytes: the loop hands the chain a trigger word and the words after it (a
   * phrase, and the word a condition names), with lexicons of phrases and conditions on the next word.
   */
  @Property(tries = 2000)
  void wordLookupsOnBytesGiveTheBytesOfTheNormalizedText(@ForAll("lexical") ArabicNormalizer n,
      @ForAll("text") String s, @ForAll("block") int block, @ForAll("reads") List<Integer> reads)
      throws IOException {
    byte[] out = run(n, s.getBytes(StandardCharsets.UTF_8), block, reads);
    assertEquals(n.normalize(s), new String(out, StandardCharsets.UTF_8),
        () -> n + " on " + NormalizerProperties.codePoints(s) + ", block " + block + ", reads " + reads);
  }

  @Provide
  Arbitrary<ArabicNormalizer> lexical() {
    Lexicon phrases;
    try {
      phrases = Lexicon.parse(new java.io.StringReader(
          "الله أكبر جدا\tالله أكبر\tmisspelling\n"
          + "اكثر\tأكثر\thamza\tbefore=من|ما\n"
          + "الحكومه\tالحكومة\tmisspelling\tnot-before=اكثر\n"
          + "ان شاء\tإن شاء\thamza\tprefixes=و\n"), "test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Arbitraries.of(ArabicNormalizer.SOCIAL, ArabicNormalizer.of(Step.ORTHOGRAPHY),
        ArabicNormalizer.of(Step.SPELLING), ArabicNormalizer.parse("elongation,orthography"),
        ArabicNormalizer.parse("spelling,whitespace"),
        ArabicNormalizer.builder().add(Preset.SOCIAL).lexicon(phrases).build(),
        ArabicNormalizer.builder().add(Step.SPELLING).lexicon(phrases).build());
  }

  @Property(tries = 1000)
  void randomCodePointsGiveTheBytesOfTheNormalizedText(@ForAll("pipeline") List<Step> steps,
      @ForAll("pieces") String s, @ForAll("block") int block) throws IOException {
    ArabicNormalizer n = ArabicNormalizer.of(steps.toArray(new Step[0]));
    byte[] out = run(n, s.getBytes(StandardCharsets.UTF_8), block, List.of(Integer.MAX_VALUE));
    assertEquals(n.normalize(s), new String(out, StandardCharsets.UTF_8),
        () -> steps + " on " + NormalizerProperties.codePoints(s) + ", block " + block);
  }

  @Provide
  Arbitrary<String> pieces() {
    return Arbitraries.oneOf(ArabicText.strings(), Arbitraries.of("\n", "\r\n", " ", "  "))
        .list().ofMaxSize(12).map(l -> String.join("", l))
        .filter(t -> t.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c < 0x10000));
  }

  /**
   * Valid text with bytes overwritten or cut off: either both readings succeed with the same output, or
   * both fail at the same offset.
   */
  @Property(tries = 3000)
  void malformedInputIsReportedWhereTheStrictReaderReportsIt(@ForAll("pipeline") List<Step> steps,
      @ForAll("text") String s, @ForAll("badBytes") List<Integer> bad, @ForAll @IntRange(max = 1000) int at,
      @ForAll boolean cut, @ForAll("block") int block) throws IOException {
    ArabicNormalizer n = ArabicNormalizer.of(steps.toArray(new Step[0]));
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    if (in.length == 0) {
      return;
    }
    in = Arrays.copyOf(in, cut ? Math.max(0, in.length - 1 - at % in.length) : in.length);
    for (int i = 0; i < bad.size() && in.length > 0; i++) {
      in[(at + 7 * i) % in.length] = (byte) (int) bad.get(i);
    }
    String reference;
    long referenceOffset = -1;
    try (Reader r = new Utf8Reader(new java.io.ByteArrayInputStream(in))) {
      StringWriter w = new StringWriter();
      n.normalize(r, w);
      reference = w.toString();
    } catch (MalformedUtf8Exception e) {
      reference = null;
      referenceOffset = e.offset();
    }
    byte[] input = in;
    if (reference == null) {
      MalformedUtf8Exception e = assertThrows(MalformedUtf8Exception.class,
          () -> run(n, input, block, List.of(Integer.MAX_VALUE)));
      assertEquals(referenceOffset, e.offset(), () -> Arrays.toString(input));
    } else {
      assertArrayEquals(reference.getBytes(StandardCharsets.UTF_8), run(n, input, block, List.of(13)));
    }
  }

  @Provide
  Arbitrary<List<Integer>> badBytes() {
    // Stray continuations, leads without continuations, overlong and surrogate leads, bytes never in UTF-8.
    return Arbitraries.of(0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xD9, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x0A)
        .list().ofMinSize(1).ofMaxSize(3);
  }

  /**
   * Through a {@link Utf8Stream} with the given block and reads, twice: starting with runs of unchanged
   * input copied whole, and with the loop that writes every character. Both must give the same bytes.
   */
  static byte[] run(ArabicNormalizer n, byte[] in, int block, List<Integer> reads) throws IOException {
    if (n.steps().stream().allMatch(s -> s == Step.LUCENE)) {
      // lucene alone maps code units as written and does not stream through the engine (CodeUnitMap)
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      n.normalize(new ChunkedInputStream(in, reads), out);
      return out.toByteArray();
    }
    ByteArrayOutputStream runs = new ByteArrayOutputStream();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try {
      new Utf8Stream(n.engine(), block, true).run(new ChunkedInputStream(in, reads), runs);
      new Utf8Stream(n.engine(), block, false).run(new ChunkedInputStream(in, reads), written);
    } catch (BadUtf8Exception e) {
      throw new MalformedUtf8Exception(e.offset()); // as the API reports it
    }
    assertArrayEquals(runs.toByteArray(), written.toByteArray(), "the two forms of the byte loop differ");
    return runs.toByteArray();
  }

  /** Hands out at most the next of {@code sizes} bytes per read, as a pipe may. */
  static final class ChunkedInputStream extends InputStream {
    private final byte[] b;
    private final List<Integer> sizes;
    private int pos;
    private int call;

    ChunkedInputStream(byte[] b, List<Integer> sizes) {
      this.b = b;
      this.sizes = sizes;
    }

    @Override
    public int read() {
      return pos < b.length ? b[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= b.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, sizes.get(call++ % sizes.size())), b.length - pos);
      System.arraycopy(b, pos, dst, off, n);
      pos += n;
      return n;
    }
  }
}
