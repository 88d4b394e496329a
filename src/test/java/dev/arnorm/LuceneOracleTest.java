package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code lucene} preset against Lucene's own {@code ArabicNormalizer}, used as Lucene uses it: token by
 * token, in place, on every line of the news corpora.
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

  @Test
  void lucenePresetEqualsLuceneOnEveryNewsLine() {
    int lines = 0;
    for (String file : Corpora.NEWS) {
      for (String line : Corpora.lines(file)) {
        assertEquals(luceneTokenByToken(line), ArabicNormalizer.LUCENE.normalize(line), file + ": " + line);
        lines++;
      }
    }
    assertTrue(lines > 1870, "read " + lines + " lines");
  }

  /** Alef forms next to deleted tatweel and harakat: the corners where marks change clusters. */
  @Test
  void lucenePresetEqualsLuceneAroundDeletedCharacters() {
    com.ibm.icu.text.Normalizer2 nfc = com.ibm.icu.text.Normalizer2.getNFCInstance();
    for (String s : new String[] {"\u0622\u0640\u0655", "\u0623\u0640\u0653", "\u0625\u064E\u0653",
        "\u0627\u0640\u0654", "\u0623\u0653", "\u0622\u0655", "\u0627\u064E\u0654\u0640\u0655x"}) {
      String input = nfc.normalize(s);
      assertEquals(nfc.normalize(luceneTokenByToken(input)), ArabicNormalizer.LUCENE.normalize(input),
          NormalizerProperties.codePoints(input));
    }
  }

  @Test
  void lucenePresetEqualsLuceneOnTheUthmaniText() {
    for (String line : Corpora.lines("quran-uthmani.txt")) {
      String nfc = com.ibm.icu.text.Normalizer2.getNFCInstance().normalize(line);
      // Lucene works on code units, so it is compared on the NFC form, the form arnorm outputs.
      String expected = com.ibm.icu.text.Normalizer2.getNFCInstance().normalize(luceneTokenByToken(nfc));
      assertEquals(expected, ArabicNormalizer.LUCENE.normalize(line), line);
    }
  }
}
