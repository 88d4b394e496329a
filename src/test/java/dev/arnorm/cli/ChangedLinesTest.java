package dev.arnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arnorm.ArabicNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** --check's streaming count of changed lines equals counting line by line. */
class ChangedLinesTest {
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of("مرحبا", "مـرحبا", "ﻷ", "ﷺ", " ", "  ", "\u00A0", "\n", "\r\n", "\n", "x", "&amp;",
        "أحمد", "\u064E", "\u200F", "ـ", "جمييييل", "١٢")
        .list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<ArabicNormalizer> normalizer() {
    return Arbitraries.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH, ArabicNormalizer.SOCIAL);
  }

  private static long lineByLine(ArabicNormalizer n, String s) {
    long changed = 0;
    int from = 0;
    while (from < s.length()) {
      int nl = s.indexOf('\n', from);
      int to = nl < 0 ? s.length() : nl + 1;
      String line = s.substring(from, to);
      if (!n.normalize(line).equals(line)) {
        changed++;
      }
      from = to;
    }
    return changed;
  }

  @Property(tries = 2000)
  void streamingCountEqualsLineByLine(@ForAll("normalizer") ArabicNormalizer n, @ForAll("text") String s)
      throws IOException {
    ChangedLines lines = new ChangedLines();
    n.normalize(lines.input(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))), lines.output());
    assertEquals(lineByLine(n, s), lines.finish());
  }
}
