package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws every normalizer obeys, over generated Arabic-heavy text. */
class NormalizerProperties {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  @Provide
  Arbitrary<String> text() {
    return ArabicText.strings();
  }

  @Provide
  Arbitrary<ArabicNormalizer> normalizer() {
    return ArabicText.normalizers();
  }

  @Provide
  Arbitrary<ArabicNormalizer> canonical() {
    return ArabicText.canonicalNormalizers();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return ArabicText.stepLists();
  }

  @Property(tries = 3000)
  void presetsAndSingleStepsAreIdempotent(@ForAll("normalizer") ArabicNormalizer n,
      @ForAll("text") String s) {
    String once = n.normalize(s);
    assertEquals(once, n.normalize(once), () -> n + " on " + codePoints(s));
  }

  @Provide
  Arbitrary<String> debris() {
    return ArabicText.entityDebris();
  }

  /** Presets and pipelines that decode entities; the idempotent ones (lucene in a pipeline is not). */
  @Provide
  Arbitrary<ArabicNormalizer> entityPipelines() {
    return net.jqwik.api.Arbitraries.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH, ArabicNormalizer.SOCIAL,
        Step.HTML_ENTITIES.normalizer(), ArabicNormalizer.parse("html-entities,diacritics,digits"));
  }

  @Provide
  Arbitrary<ArabicNormalizer> anyEntityPipelines() {
    return net.jqwik.api.Arbitraries.oneOf(entityPipelines(),
        net.jqwik.api.Arbitraries.just(ArabicNormalizer.parse("html-entities,lucene,punctuation,invisible")));
  }

  /** Entity debris: a removal never assembles a reference the same pass leaves, nor a fold one it decoded. */
  @Property(tries = 5000)
  void idempotentOnEntityDebris(@ForAll("entityPipelines") ArabicNormalizer n, @ForAll("debris") String s) {
    String once = n.normalize(s);
    assertEquals(once, n.normalize(once), () -> n + " on " + codePoints(s) + " gave " + codePoints(once));
    assertTrue(NFC.isNormalized(once), () -> n + " on " + codePoints(s) + " gave " + codePoints(once));
  }

  @Property(tries = 3000)
  void entityDebrisGivesWhatTheReferenceGives(@ForAll("anyEntityPipelines") ArabicNormalizer n,
      @ForAll("debris") String s) {
    assertEquals(Reference.apply(n.steps(), s), n.normalize(s), () -> n + " on " + codePoints(s));
  }

  @Property(tries = 3000)
  void canonicallyEquivalentInputsGiveTheSameOutput(@ForAll("canonical") ArabicNormalizer n,
      @ForAll("text") String s) {
    assertEquals(n.normalize(NFC.normalize(s)), n.normalize(NFD.normalize(s)),
        () -> n + " on " + codePoints(s));
  }

  @Property(tries = 3000)
  void outputIsNfc(@ForAll("canonical") ArabicNormalizer n, @ForAll("text") String s) {
    String out = n.normalize(s);
    assertTrue(NFC.isNormalized(out), () -> n + " on " + codePoints(s) + " gave " + codePoints(out));
  }

  @Property(tries = 3000)
  void fusedPipelineEqualsStepByStepReference(@ForAll("steps") List<Step> steps,
      @ForAll("text") String s) {
    ArabicNormalizer n = ArabicNormalizer.builder().add(steps.toArray(new Step[0])).build();
    assertEquals(Reference.apply(steps, s), n.normalize(s), () -> n + " on " + codePoints(s));
  }

  @Property(tries = 1000)
  void presetsEqualStepByStepReference(@ForAll Preset preset, @ForAll("text") String s) {
    assertEquals(Reference.apply(preset.steps(), s), preset.normalizer().normalize(s),
        () -> preset + " on " + codePoints(s));
  }

  @Property(tries = 2000)
  void normalizedTextComesBackAsTheSameInstance(@ForAll("normalizer") ArabicNormalizer n,
      @ForAll("text") String s) {
    String once = n.normalize(s);
    assertSame(once, n.normalize(once));
    assertTrue(n.isNormalized(once));
  }

  @Property(tries = 2000)
  void isNormalizedAgreesWithNormalize(@ForAll("normalizer") ArabicNormalizer n,
      @ForAll("text") String s) {
    assertEquals(n.normalize(s).equals(s), n.isNormalized(s));
  }

  @Property(tries = 2000)
  void noLoneSurrogatesAreMade(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    String out = n.normalize(s);
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertTrue(i + 1 < out.length() && Character.isLowSurrogate(out.charAt(++i)), out);
      } else {
        assertTrue(!Character.isLowSurrogate(c), out);
      }
    }
  }

  @Property(tries = 1000)
  void loneSurrogatesPassThrough(@ForAll("normalizer") ArabicNormalizer n) {
    assertEquals("\uD800", n.normalize("\uD800"));
    assertEquals("a\uDC00b", n.normalize("a\uDC00b"));
  }

  @Property(tries = 2000)
  void streamingEqualsNormalizeForAnyChunking(@ForAll("normalizer") ArabicNormalizer n,
      @ForAll("text") String s, @ForAll("chunks") List<Integer> chunks) throws IOException {
    StringWriter out = new StringWriter();
    n.normalize(new ChunkedReader(s, chunks), out);
    assertEquals(n.normalize(s), out.toString(), () -> n + " on " + codePoints(s) + " in " + chunks);
  }

  @Property(tries = 1000)
  void appendableEqualsNormalize(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s)
      throws IOException {
    StringBuilder sb = new StringBuilder("prefix:");
    n.normalize(s, sb);
    assertEquals("prefix:" + n.normalize(s), sb.toString());
  }

  @Property(tries = 1000)
  void countingDoesNotChangeTheResult(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    NormalizationStats stats = new NormalizationStats();
    assertEquals(n.normalize(s), n.normalize(s, stats));
  }

  /** Generated pieces with clean text between them, so that the engine stops and restarts its chain. */
  @Provide
  Arbitrary<String> longText() {
    Arbitrary<String> filler = Arbitraries.of(" ", "\n", " كلمة نظيفة ", "\nسطر نظيف تماما\n", "\r\n", "  ");
    return Arbitraries.oneOf(ArabicText.strings(), filler).list().ofMinSize(2).ofMaxSize(12)
        .map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void restartingEngineEqualsThePlainChainAndTheReference(@ForAll("normalizer") ArabicNormalizer n,
      @ForAll("longText") String s) {
    String fast = n.normalize(s);
    assertEquals(n.normalize(s, new NormalizationStats()), fast, () -> n + " on " + codePoints(s));
    assertEquals(Reference.apply(n.steps(), s), fast, () -> n + " on " + codePoints(s));
  }

  @Provide
  Arbitrary<List<Integer>> chunks() {
    return Arbitraries.integers().between(1, 7).list().ofMinSize(1).ofMaxSize(10);
  }

  static String codePoints(String s) {
    StringBuilder sb = new StringBuilder("[");
    s.codePoints().forEach(cp -> sb.append(String.format(" U+%04X", cp)));
    return sb.append(" ]").toString();
  }

  /** A reader that returns the text in the given chunk sizes, cycling, to split pairs and clusters. */
  static final class ChunkedReader extends Reader {
    private final String s;
    private final List<Integer> sizes;
    private int pos;
    private int call;

    ChunkedReader(String s, List<Integer> sizes) {
      this.s = s;
      this.sizes = sizes;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (pos >= s.length()) {
        return -1;
      }
      int n = Math.min(Math.min(len, sizes.get(call++ % sizes.size())), s.length() - pos);
      s.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
