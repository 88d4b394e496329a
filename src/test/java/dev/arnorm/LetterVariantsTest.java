package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The letter-variant table of docs/steps/persian-letters.md: every row holds, in a word and alone. */
class LetterVariantsTest {
  private static final Path PAGE = Path.of("docs", "steps", "persian-letters.md");
  private static final Pattern ROW = Pattern.compile(
      "^\\| U\\+([0-9A-F]{4}) \\| (\\S+) \\| [^|]+ \\| [^|]+ \\| (\\S+) \\| (\\S+) \\| [^|]+ \\|$");

  @TestFactory
  List<DynamicTest> everyRowHolds() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(PAGE)) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String letter = new String(Character.toChars(Integer.parseInt(m.group(1), 16)));
      assertEquals(letter, m.group(2), line);
      String target = m.group(3);
      String by = m.group(4);
      tests.add(DynamicTest.dynamicTest("U+" + m.group(1) + " under search", () -> {
        assertEquals(target, ArabicNormalizer.SEARCH.normalize(letter));
        assertEquals("ب" + target + "ر", ArabicNormalizer.SEARCH.normalize("ب" + letter + "ر"));
      }));
      if (by.equals("(kept)")) {
        assertEquals(letter, target, line);
        tests.add(DynamicTest.dynamicTest("U+" + m.group(1) + " kept by every step", () -> {
          for (Step s : Step.values()) {
            assertEquals(letter, s.normalizer().normalize(letter), s.id());
          }
        }));
      } else {
        tests.add(DynamicTest.dynamicTest("U+" + m.group(1) + " by " + by,
            () -> assertEquals(target, Step.forId(by).normalizer().normalize(letter))));
      }
    }
    assertTrue(tests.size() > 40, "rows read: " + tests.size() / 2);
    return tests;
  }
}
