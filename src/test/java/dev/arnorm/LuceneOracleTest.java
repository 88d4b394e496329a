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
