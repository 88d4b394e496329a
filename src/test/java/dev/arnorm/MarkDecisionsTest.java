package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of docs/steps/diacritics.md: every mark and format character of the Arabic blocks, with what
 * {@code diacritics} and {@code search} do to it. The table must list exactly the characters ICU4J puts in
 * those categories, and every row must hold.
 */
class MarkDecisionsTest {
  private static final Path PAGE = Path.of("docs", "steps", "diacritics.md");
  private static final Pattern ROW = Pattern.compile(
      "^\\| U\\+([0-9A-F]{4,5}) \\| [^|]+ \\| (Mn|Me|Lm|Cf) \\| ([^|]+) \\| ([^|]+) \\| [^|]+ \\|$");
  private static final UnicodeSet LISTED = new UnicodeSet("[[[\\u0600-\\u06FF][\\u0750-\\u077F][\\u0870-\\u08FF]"
      + "[\\uFB50-\\uFDFF][\\uFE70-\\uFEFF][\\U00010EC0-\\U00010EFF]]&[[:Mn:][:Me:][:Lm:][:Cf:]]]").freeze();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private static final class Row {
    final int cp;
    final boolean mark;
    final String diacritics;
    final String search;

    Row(Matcher m) {
      cp = Integer.parseInt(m.group(1), 16);
      mark = m.group(2).startsWith("M");
      diacritics = m.group(3).trim();
      search = m.group(4).trim();
    }

    String c() {
      return new String(Character.toChars(cp));
    }
  }

  private static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(PAGE)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new Row(m));
      }
    }
    return rows;
  }

  @Test
  void theTableListsExactlyTheMarksAndFormatCharactersOfTheArabicBlocks() throws IOException {
    UnicodeSet listed = new UnicodeSet();
    rows().forEach(r -> listed.add(r.cp));
    UnicodeSet missing = new UnicodeSet(LISTED).removeAll(listed);
    UnicodeSet extra = new UnicodeSet(listed).removeAll(LISTED);
    assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing + ", not marks " + extra);
  }

  /** What a normalizer makes of the character between two letters (after one, for a mark). */
  private static String around(ArabicNormalizer n, Row r) {
    return n.normalize(r.mark ? "ب" + r.c() : "ب" + r.c() + "ب");
  }

  private static void check(ArabicNormalizer n, Row r, String decision) {
    String kept = NFC.normalize(r.mark ? "ب" + r.c() : "ب" + r.c() + "ب");
    String removed = r.mark ? "ب" : "بب";
    switch (decision) {
      case "kept":
        assertEquals(kept, around(n, r));
        break;
      case "removed":
      case "removed inside words":
        assertEquals(removed, around(n, r));
        break;
      case "kept when it makes a letter":
        assertEquals("ب", around(n, r)); // on a letter it does not compose with
        assertEquals(n == ArabicNormalizer.SEARCH ? "\u0627" : NFC.normalize("\u0627" + r.c()),
            n.normalize("\u0627" + r.c())); // آ أ إ, which search folds to ا
        if (r.cp != 0x0653) {
          assertEquals("بء", n.normalize("ب\u0640" + r.c())); // on a tatweel: the hamza letter
        }
        break;
      default:
        throw new AssertionError("unknown decision '" + decision + "' for U+" + Integer.toHexString(r.cp));
    }
  }

  @TestFactory
  List<DynamicTest> everyRowHoldsUnderDiacriticsAndSearch() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row r : rows()) {
      tests.add(DynamicTest.dynamicTest(String.format("U+%04X diacritics %s", r.cp, r.diacritics),
          () -> check(Step.DIACRITICS.normalizer(), r, r.diacritics)));
      tests.add(DynamicTest.dynamicTest(String.format("U+%04X search %s", r.cp, r.search),
          () -> check(ArabicNormalizer.SEARCH, r, r.search)));
    }
    return tests;
  }
}
