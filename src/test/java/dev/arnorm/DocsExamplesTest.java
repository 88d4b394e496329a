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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example table in docs/steps/*.md is run through its step, so the docs cannot drift from the code. */
class DocsExamplesTest {
  private static final Path STEPS = Path.of("docs", "steps");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]*)` \\| `([^`]*)` \\|$");

  @Test
  void everyStepHasAReferencePage() {
    for (Step s : Step.values()) {
      assertTrue(Files.exists(STEPS.resolve(s.id() + ".md")), "docs/steps/" + s.id() + ".md");
    }
  }

  @TestFactory
  List<DynamicTest> examplesInTheStepPagesHold() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Step s : Step.values()) {
      List<String> lines = Files.readAllLines(STEPS.resolve(s.id() + ".md"));
      int examples = 0;
      for (String line : lines) {
        Matcher m = ROW.matcher(line);
        if (m.matches()) {
          String in = unescape(m.group(1));
          String out = unescape(m.group(2));
          examples++;
          tests.add(DynamicTest.dynamicTest(s.id() + ": " + m.group(1),
              () -> assertEquals(out, s.normalizer().normalize(in))));
        }
      }
      int found = examples;
      tests.add(DynamicTest.dynamicTest(s.id() + " has examples", () -> assertTrue(found >= 2)));
    }
    return tests;
  }

  /** Docs spell invisible characters as \\uXXXX, tabs and line breaks as \\t, \\r, \\n. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char k = s.charAt(i + 1);
        if (k == 'u') {
          sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 5;
          continue;
        }
        if (k == 't' || k == 'r' || k == 'n') {
          sb.append(k == 't' ? '\t' : k == 'r' ? '\r' : '\n');
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
