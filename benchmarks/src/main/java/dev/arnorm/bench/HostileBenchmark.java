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
 * Hostile shapes on one line (issue 14): each must cost time linear in its length, and at most ten times
 * what news costs per byte of UTF-8. Every input is about {@code size} bytes (by default 360 KB; {@code -p
 * size=2000000} for lines that no longer fit a block, or to see that the cost is linear), so the times
 * compare as they are. {@code news} is the yardstick: the start of {@code -p news=...} (a bundled sample's name, by default
 * the Elaph article repeated, or a file path such as the real news of docs/performance.md), lines as they
 * are. {@code clean} is one clean sentence repeated, which is only scanned and returned. {@code ligature}'s
 * output is about {@code size}: its input, each ﷺ of 3 bytes becoming 33, is an eleventh of that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xss8m"})
public class HostileBenchmark {
  @Param({"news", "clean", "marks-out-of-order", "marks-no-base", "ampersands", "amp-abc", "numeric-endless",
      "ligature", "elongated", "tatweel-run", "tatweel-alone", "lookups"})
  public String shape;

  @Param({"light", "search", "social"})
  public String preset;

  /** The UTF-8 length of every input: the first 200k chars of the real news are 361 KB. */
  @Param({"360000"})
  public int size;

  /** The text of the {@code news} shape: see the class comment. */
  @Param({"elaph"})
  public String news;

  private String text;
  private byte[] utf8;
  private ArabicNormalizer normalizer;

  @Setup
  public void setUp() {
    normalizer = ArabicNormalizer.parse(preset);
    text = shape.equals("news") ? prefix(Inputs.corpus(news), size) : shape(shape, size);
    utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String shape(String name, int size) {
    switch (name) {
      case "clean":
        return repeat("", "هذا نص عربي نظيف تماما ", "", size);
      case "marks-out-of-order":
        return repeat("ب", "\u0651\u064E", "", size);
      case "marks-no-base":
        return repeat("", "\u064E", "", size);
      case "ampersands":
        return repeat("", "&", "", size);
      case "amp-abc":
        return repeat("", "&abc", "", size);
      case "numeric-endless":
        return repeat("&#", "1", "", size);
      case "ligature":
        return prefix(repeat("", "\uFDFA", "", size), size / 11); // each ﷺ (3 bytes) becomes 33 bytes
      case "elongated":
        return repeat("ج", "ي", "ل", size);
      case "tatweel-run":
        return repeat("ب", "\u0640", "ب", size);
      case "tatweel-alone":
        return repeat(" ", "\u0640", " ", size);
      case "lookups":
        // One long line of words the spelling and orthography steps look up: every word stops the UTF-8
        // loop (its scan of the line's rest at each stop was quadratic).
        return repeat("", "التى اكثر الى ", "", size);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /** The longest start of {@code s} whose UTF-8 is at most {@code bytes} long, whole code points only. */
  static String prefix(String s, int bytes) {
    int n = 0;
    int k = 0;
    while (k < s.length()) {
      int cp = s.codePointAt(k);
      int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (n + width > bytes) {
        break;
      }
      n += width;
      k += Character.charCount(cp);
    }
    return s.substring(0, k);
  }

  /** {@code head}, {@code unit} repeated, {@code tail}: about {@code size} bytes of UTF-8 in all. */
  private static String repeat(String head, String unit, String tail, int size) {
    int room = size - utf8Length(head) - utf8Length(tail);
    StringBuilder sb = new StringBuilder(head);
    for (int n = utf8Length(unit); room >= n; room -= n) {
      sb.append(unit);
    }
    return sb.append(tail).toString();
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
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
