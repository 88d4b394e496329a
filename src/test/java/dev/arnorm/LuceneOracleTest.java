package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The {@code lucene} preset against Lucene's own {@code ArabicNormalizer}, used as Lucene uses it: token by
 * token, in place, on the text exactly as it comes (not normalized first), through every entry point.
 */
class LuceneOracleTest {
  private static final Pattern TOKEN = Pattern.compile("\\S+");
  private final org.apache.lucene.analysis.ar.ArabicNormalizer lucene =
      new org.apache.lucene.analysis.ar.ArabicNormalizer();

  private String luceneTokenByToken(String line) {
    StringBuilder out = new StringBuilder();
    Matcher m = TOKEN.matcher(line);
    int last = 0;
    while (m.find()) {
      out.append(line, last, m.start());
      char[] token = m.group().toCharArray();
      int len = lucene.normalize(token, token.length);
      out.append(token, 0, len);
      last = m.end();
    }
    return out.append(line.substring(last)).toString();
  }

  private static String throughEveryEntryPoint(String text) throws IOException {
    ArabicNormalizer n = ArabicNormalizer.LUCENE;
    String s = n.normalize(text);
    StringBuilder appended = new StringBuilder();
    n.normalize(text, appended);
    assertEquals(s, appended.toString(), "Appendable");
    StringWriter streamed = new StringWriter();
    NormalizationStats stats = new NormalizationStats();
    n.normalize(new StringReader(text), streamed, stats);
    assertEquals(s, streamed.toString(), "Reader");
    assertEquals(s, n.normalize(text, new NormalizationStats()), "with stats");
    if (!text.chars().anyMatch(c -> Character.isSurrogate((char) c))) { // UTF-8 has no lone surrogates
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      n.normalize(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), bytes);
      assertEquals(s, bytes.toString(StandardCharsets.UTF_8), "UTF-8 stream");
    }
    assertEquals(s.equals(text), n.isNormalized(text), "isNormalized");
    return s;
  }

  @Test
  void lucenePresetEqualsLuceneOnEveryNewsLine() throws IOException {
    int lines = 0;
    for (String file : Corpora.NEWS) {
      for (String line : Corpora.lines(file)) {
        assertEquals(luceneTokenByToken(line), throughEveryEntryPoint(line), file + ": " + line);
        lines++;
      }
    }
    assertTrue(lines > 1870, "read " + lines + " lines");
  }

  @Test
  void lucenePresetEqualsLuceneOnTheUthmaniTextAsItComes() throws IOException {
    int decomposed = 0;
    for (String line : Corpora.lines("quran-uthmani.txt")) {
      assertEquals(luceneTokenByToken(line), throughEveryEntryPoint(line), line);
      if (!com.ibm.icu.text.Normalizer2.getNFCInstance().isNormalized(line)) {
        decomposed++;
      }
    }
    assertTrue(decomposed > 2000, decomposed + " verses are not NFC: the raw text was not tested");
  }

  /** Alef forms next to deleted tatweel and harakat, decomposed and composed: where marks change clusters. */
  @Test
  void lucenePresetEqualsLuceneAroundDeletedCharacters() throws IOException {
    for (String s : new String[] {"\u0622\u0640\u0655", "\u0623\u0640\u0653", "\u0625\u064E\u0653",
        "\u0627\u0640\u0654", "\u0623\u0653", "\u0622\u0655", "\u0627\u064E\u0654\u0640\u0655x",
        "\u0627\u0653", "\u0627\u0654", "\u0627\u0655", "\u064A\u0654", "\u0649\u0654"}) {
      assertEquals(luceneTokenByToken(s), throughEveryEntryPoint(s), NormalizerProperties.codePoints(s));
    }
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(ArabicText.withLoneSurrogates(), Arbitraries.strings().ofMaxLength(30));
  }

  @Property(tries = 3000)
  void lucenePresetEqualsLuceneOnAnyText(@ForAll("anyText") String s) throws IOException {
    assertEquals(luceneTokenByToken(s), throughEveryEntryPoint(s), () -> NormalizerProperties.codePoints(s));
  }

  @Property(tries = 1000)
  void lucenePresetIsIdempotentAsLuceneIs(@ForAll("anyText") String s) {
    String once = ArabicNormalizer.LUCENE.normalize(s);
    assertEquals(once, ArabicNormalizer.LUCENE.normalize(once));
  }
}
