package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.rules.StepId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the source tree depend one way (docs/architecture.md): the API on the engine and streaming,
 * streaming on the engine, the engine on the rules, the rules on the Unicode data; the CLI and the Lucene
 * adapter on the API alone. Read from the sources: every reference to another package of arnorm, imported
 * or written out, must be to a layer below.
 */
class LayersTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/arnorm");
  private static final Map<String, Set<String>> MAY_USE = Map.of(
      "dev.arnorm.unicode", Set.of(),
      "dev.arnorm.rules", Set.of("dev.arnorm.unicode"),
      "dev.arnorm.engine", Set.of("dev.arnorm.rules", "dev.arnorm.unicode"),
      "dev.arnorm.stream", Set.of("dev.arnorm.engine", "dev.arnorm.rules", "dev.arnorm.unicode"),
      "dev.arnorm", Set.of("dev.arnorm.stream", "dev.arnorm.engine", "dev.arnorm.rules", "dev.arnorm.unicode"),
      "dev.arnorm.cli", Set.of("dev.arnorm"),
      "dev.arnorm.lucene", Set.of("dev.arnorm"));
  /** A reference to a class of arnorm: its package and name, in an import or written out in code. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.arnorm(?:\\.[a-z]+)*)\\.([A-Z]\\w*)");

  @Test
  void everyPackageUsesOnlyTheLayersBelowIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(SOURCES)) {
      files = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(files.size() > 40, "sources found: " + files.size());
    for (Path f : files) {
      String text = Files.readString(f);
      Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
      if (!pkg.find()) {
        continue; // module-info
      }
      String own = pkg.group(1);
      Set<String> allowed = MAY_USE.get(own);
      assertTrue(allowed != null, "a package the layers do not name: " + own);
      // Comments may mention anything; code and imports may not.
      String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(own) && !allowed.contains(used)) {
          wrong.add(SOURCES.relativize(f) + " uses " + used + "." + m.group(2));
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** The rules name steps by their own enum: it must match the public one, constant by constant. */
  @Test
  void theInternalStepIdsAreThePublicSteps() {
    assertEquals(Step.values().length, StepId.values().length);
    for (Step s : Step.values()) {
      assertEquals(s.name(), s.kind.name());
      assertEquals(s.id(), s.kind.id());
      assertEquals(s, Step.of(s.kind));
    }
  }
}
