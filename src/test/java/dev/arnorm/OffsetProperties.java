package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.engine.Changes;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The laws of the offset map, over generated text, every preset and single step, and random pipelines. */
class OffsetProperties {
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(ArabicText.withLoneSurrogates(), ArabicText.entityDebris());
  }

  @Provide
  Arbitrary<ArabicNormalizer> normalizer() {
    return Arbitraries.oneOf(ArabicText.normalizers(),
        ArabicText.pipelines().map(steps -> ArabicNormalizer.of(steps.toArray(new Step[0]))));
  }

  @Property(tries = 3000)
  void textIsWhatNormalizeGives(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    NormalizedText t = n.normalizeWithOffsets(s);
    assertEquals(n.normalize(s), t.text(), () -> n + " on " + NormalizerProperties.codePoints(s));
    assertEquals(s.length(), t.offsets().sourceLength());
    assertEquals(t.text().length(), t.offsets().outputLength());
  }

  /** Between regions the text is the source's, char for char; regions are in order and cut no pair. */
  @Property(tries = 3000)
  void regionsAreOrderedAndTheRestIsUnchanged(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    NormalizedText t = n.normalizeWithOffsets(s);
    Changes c = t.offsets().changes();
    String out = t.text();
    int si = 0;
    int oi = 0;
    for (int r = 0; r <= c.count(); r++) {
      int s0 = r < c.count() ? c.sourceStart(r) : s.length();
      int o0 = r < c.count() ? c.outputStart(r) : out.length();
      assertEquals(s0 - si, o0 - oi, () -> "unchanged stretch lengths " + c);
      assertEquals(s.substring(si, s0), out.substring(oi, o0), () -> n + " " + c);
      if (r == c.count()) {
        break;
      }
      si = c.sourceEnd(r);
      oi = c.outputEnd(r);
      assertTrue(si >= s0 && oi >= o0 && (si > s0 || oi > o0), () -> "region " + c);
      for (int k : new int[] {s0, si}) {
        assertFalse(k > 0 && k < s.length() && Character.isHighSurrogate(s.charAt(k - 1))
            && Character.isLowSurrogate(s.charAt(k)), () -> "splits a source pair: " + c);
      }
      for (int k : new int[] {o0, oi}) {
        assertFalse(k > 0 && k < out.length() && Character.isHighSurrogate(out.charAt(k - 1))
            && Character.isLowSurrogate(out.charAt(k)), () -> "splits an output pair: " + c);
      }
    }
  }

  @Property(tries = 2000)
  void mapIsMonotoneBothWays(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    OffsetMap m = n.normalizeWithOffsets(s).offsets();
    for (int o = 0; o <= m.outputLength(); o++) {
      int start = m.sourceStart(o);
      int end = m.sourceEnd(o);
      assertTrue(start >= 0 && end <= m.sourceLength());
      if (o > 0) {
        assertTrue(start >= m.sourceStart(o - 1) && end >= m.sourceEnd(o - 1), () -> m.toString());
      }
    }
    for (int x = 0; x <= m.sourceLength(); x++) {
      if (x > 0) {
        assertTrue(m.outputStart(x) >= m.outputStart(x - 1) && m.outputEnd(x) >= m.outputEnd(x - 1));
      }
    }
    // The ends map to the ends: the first partner of each start, the last of each end.
    assertEquals(0, m.sourceEnd(0), m::toString);
    assertEquals(0, m.outputEnd(0), m::toString);
    assertEquals(m.sourceLength(), m.sourceStart(m.outputLength()), m::toString);
    assertEquals(m.outputLength(), m.outputStart(m.sourceLength()), m::toString);
  }

  /**
   * A token of the output (as a whitespace tokenizer cuts it) maps to a source span, and that span maps
   * back to a span covering the token.
   */
  @Property(tries = 3000)
  void tokensRoundTrip(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    NormalizedText t = n.normalizeWithOffsets(s);
    OffsetMap m = t.offsets();
    for (int[] tok : tokens(t.text())) {
      int from = m.sourceStart(tok[0]);
      int to = m.sourceEnd(tok[1]);
      assertTrue(from <= to, () -> m + " token " + tok[0] + "," + tok[1]);
      assertTrue(m.outputStart(from) <= tok[0] && m.outputEnd(to) >= tok[1],
          () -> m + " token " + tok[0] + "," + tok[1]);
    }
  }

  /** Pipelines without steps that read beyond a word: no html-entities (a stray &), spelling or orthography. */
  @Provide
  Arbitrary<ArabicNormalizer> local() {
    return normalizer().filter(n -> n.steps().stream().noneMatch(
        st -> st == Step.HTML_ENTITIES || st == Step.SPELLING || st == Step.ORTHOGRAPHY));
  }

  /**
   * The source span a token came from normalizes to the token, up to blanks at its ends (a presentation
   * form of a mark is a space and the mark): what an analyzer's highlight shows is the text that made the
   * term. Where the token starts or ends inside a region (a ligature that became four words), the span is
   * the whole region, and what it becomes holds the token.
   */
  @Property(tries = 3000)
  void tokenSourceNormalizesToTheToken(@ForAll("local") ArabicNormalizer n, @ForAll("text") String s) {
    NormalizedText t = n.normalizeWithOffsets(s);
    OffsetMap m = t.offsets();
    for (int[] tok : tokens(t.text())) {
      String token = t.text().substring(tok[0], tok[1]);
      String alone = n.normalize(t.sourceOf(s, tok[0], tok[1]));
      boolean cut = m.sourceStart(tok[0]) < m.sourceEnd(tok[0]) || m.sourceStart(tok[1]) < m.sourceEnd(tok[1]);
      // A token that starts with a mark has no base of its own: the mark came with the text before it (a
      // presentation form of a mark is a space and the mark), so only the law in context holds for it.
      boolean dangling = UnicodeData.isMark(token.codePointAt(0));
      assertTrue(dangling ? madeBy(n, s, t, tok[0], tok[1])
          : cut ? alone.contains(token) : alone.strip().equals(token), () -> n + " on "
          + NormalizerProperties.codePoints(s) + ": token " + token + " <- " + t.sourceOf(s, tok[0], tok[1]) + " " + m);
    }
  }

  /**
   * With steps that read around a word (a phrase, a stray &), a token is still made by its span in its
   * context: what the span becomes, or the source from the span on, or up to its end, holds the token.
   */
  @Property(tries = 3000)
  void tokenSourceMakesTheTokenInContext(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s) {
    NormalizedText t = n.normalizeWithOffsets(s);
    OffsetMap m = t.offsets();
    for (int[] tok : tokens(t.text())) {
      String token = t.text().substring(tok[0], tok[1]);
      assertTrue(madeBy(n, s, t, tok[0], tok[1]), () -> n + " on " + NormalizerProperties.codePoints(s)
          + ": token " + token + " <- " + t.sourceOf(s, tok[0], tok[1]) + " " + m);
    }
  }

  /**
   * True when output token {@code [a, b)} is made by its source span in its context: what the span
   * becomes holds it, or what the source from the span on becomes (a phrase of the lexicon decided with the
   * words after it), or what the source up to the span's end becomes (a stray & judged by what precedes).
   */
  static boolean madeBy(ArabicNormalizer n, String s, NormalizedText t, int a, int b) {
    String token = t.text().substring(a, b);
    int from = t.offsets().sourceStart(a);
    int to = Math.max(from, t.offsets().sourceEnd(b));
    return n.normalize(s.substring(from, to)).contains(token) || n.normalize(s.substring(from)).contains(token)
        || n.normalize(s.substring(0, to)).contains(token);
  }

  /** Read through a reader in reads of any size, the text and the map are the same as in one call. */
  @Property(tries = 1500)
  void readerMatchesOneCall(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s,
      @ForAll @IntRange(min = 1, max = 7) int sourceRead, @ForAll @IntRange(min = 1, max = 5) int ownRead)
      throws IOException {
    NormalizedText whole = n.normalizeWithOffsets(s);
    NormalizingReader r = n.reader(new Trickle(s, sourceRead));
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[ownRead];
    int k;
    while ((k = r.read(buf, 0, buf.length)) >= 0) {
      sb.append(buf, 0, k);
      for (int o = Math.max(0, sb.length() - k); o <= sb.length(); o++) {
        if (o < sb.length()) {
          assertEquals(whole.offsets().sourceEnd(o), r.sourceEnd(o), () -> "end " + whole.offsets());
          assertEquals(whole.offsets().sourceStart(o), r.sourceStart(o), () -> "start " + whole.offsets());
        }
      }
    }
    assertEquals(whole.text(), sb.toString());
    assertEquals(whole.offsets(), r.offsets());
  }

  /** The tokens of a whitespace tokenizer: maximal runs of chars that are not whitespace. */
  static List<int[]> tokens(String s) {
    List<int[]> out = new java.util.ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int j = i;
      while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
        j++;
      }
      if (j > i) {
        out.add(new int[] {i, j});
      }
      i = j;
    }
    return out;
  }

  /** A reader that gives at most {@code step} chars per read, to cut the source anywhere. */
  static final class Trickle extends Reader {
    private final StringReader in;
    private final int step;

    Trickle(String s, int step) {
      this.in = new StringReader(s);
      this.step = step;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      return in.read(cbuf, off, Math.min(len, step));
    }

    @Override
    public void close() {}
  }
}
