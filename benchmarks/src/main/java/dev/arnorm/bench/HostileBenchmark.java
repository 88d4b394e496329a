package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hostile shapes of about 200k chars on one line (issue 14): each must cost time linear in its length, and
 * at most ten times what news costs per char. {@code news} is the yardstick: the first 200k chars of
 * {@code -p news=...} (a bundled sample's name, by default the Elaph article repeated, or a file path such as
 * the real news of docs/performance.md), lines as they are. {@code clean} is one clean sentence repeated,
 * which is only scanned and returned. Every input is about the same length (ligature's output is).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xss8m"})
public class HostileBenchmark {
  static final int LENGTH = 200_000;

  @Param({"news", "clean", "marks-out-of-order", "marks-no-base", "ampersands", "amp-abc", "numeric-endless",
      "ligature", "elongated", "tatweel-run", "tatweel-alone", "lookups"})
  public String shape;

  @Param({"light", "search", "social"})
  public String preset;

  /** The text of the {@code news} shape: see the class comment. */
  @Param({"elaph"})
  public String news;

  private String text;
  private byte[] utf8;
  private ArabicNormalizer normalizer;

  @Setup
  public void setUp() {
    normalizer = ArabicNormalizer.parse(preset);
    text = shape.equals("news") ? prefix(Inputs.corpus(news), LENGTH) : shape(shape);
    utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String shape(String name) {
    switch (name) {
      case "clean":
        return repeat("هذا نص عربي نظيف تماما ", LENGTH);
      case "marks-out-of-order":
        return "ب" + repeat("\u0651\u064E", LENGTH - 1);
      case "marks-no-base":
        return repeat("\u064E", LENGTH);
      case "ampersands":
        return repeat("&", LENGTH);
      case "amp-abc":
        return repeat("&abc", LENGTH);
      case "numeric-endless":
        return "&#" + repeat("1", LENGTH - 2);
      case "ligature":
        return repeat("\uFDFA", LENGTH / 18); // each expands to 18 chars: about LENGTH chars of output
      case "elongated":
        return "ج" + repeat("ي", LENGTH - 2) + "ل";
      case "tatweel-run":
        return "ب" + repeat("\u0640", LENGTH - 2) + "ب";
      case "tatweel-alone":
        return " " + repeat("\u0640", LENGTH - 2) + " ";
      case "lookups":
        // One long line of words the spelling and orthography steps look up: every word stops the UTF-8
        // loop (its scan of the line's rest at each stop was quadratic).
        return repeat("التى اكثر الى ", LENGTH);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /** The first {@code length} chars of {@code s}, one fewer rather than half a pair. */
  private static String prefix(String s, int length) {
    return s.substring(0, Character.isHighSurrogate(s.charAt(length - 1)) ? length - 1 : length);
  }

  private static String repeat(String unit, int length) {
    StringBuilder sb = new StringBuilder(length + unit.length());
    while (sb.length() < length) {
      sb.append(unit);
    }
    sb.setLength(length);
    return sb.toString();
  }

  @Benchmark
  public String normalize() {
    return normalizer.normalize(text);
  }

  /** The same text as UTF-8 through {@code normalize(InputStream, OutputStream)}, what the CLI runs. */
  @Benchmark
  public int normalizeBytes() throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(utf8.length + 16);
    normalizer.normalize(new java.io.ByteArrayInputStream(utf8), out);
    return out.size();
  }

  /** The same text with its offset map: the offsets path, which takes the chain for every character. */
  @Benchmark
  public Object normalizeWithOffsets() {
    return normalizer.normalizeWithOffsets(text);
  }

  /** Through a {@code NormalizingReader}, as Lucene's char filter reads a field. */
  @Benchmark
  public long readNormalized() throws java.io.IOException {
    java.io.Reader r = normalizer.reader(new java.io.StringReader(text));
    char[] buf = new char[4096];
    long n = 0;
    for (int k; (k = r.read(buf)) >= 0; ) {
      n += k;
    }
    return n;
  }
}
