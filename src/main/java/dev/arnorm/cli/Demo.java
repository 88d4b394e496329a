package dev.arnorm.cli;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.NormalizationStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code arnorm --demo}: the bundled sample news article, what the chosen steps change in it. */
final class Demo {
  static final String SAMPLE = "sample-news.txt";
  private static final int MAX_LINES_SHOWN = 25;

  private final ArabicNormalizer normalizer;
  private final OutputStream stdout;
  private final PrintWriter err;

  Demo(ArabicNormalizer normalizer, OutputStream stdout, PrintWriter err) {
    this.normalizer = normalizer;
    this.stdout = stdout;
    this.err = err;
  }

  static String sample() {
    try (InputStream in = Demo.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the demo sample is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int run() {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    String text = sample();
    String[] lines = text.split("(?<=\n)");
    out.println("arnorm demo: steps " + normalizer + " on a news article with reader comments, as scraped");
    out.println("from Elaph (2014), " + lines.length + " lines. Changed lines, changes marked:");
    out.println();
    DiffPrinter printer = new DiffPrinter(out, false);
    NormalizationStats stats = new NormalizationStats();
    int changed = 0;
    for (int i = 0; i < lines.length; i++) {
      String after = normalizer.normalize(lines[i], stats);
      if (!after.equals(lines[i])) {
        if (++changed <= MAX_LINES_SHOWN) {
          printer.print("sample", i + 1, lines[i], after);
        }
      }
    }
    if (changed > MAX_LINES_SHOWN) {
      out.println("... and " + (changed - MAX_LINES_SHOWN) + " more changed lines");
    }
    out.println();
    out.println(changed + " of " + lines.length + " lines changed. Characters changed, by step:");
    normalizer.steps().stream().distinct().forEach(s -> {
      out.printf("  %-20s %,d%n", s.id(), stats.changed(s));
      stats.details(s).forEach((what, count) -> out.printf("    %-18s %,d%n", what, count));
    });
    if (changed == 0 && !normalizer.equals(ArabicNormalizer.SEARCH)) {
      long wouldFold = text.lines().filter(l -> !ArabicNormalizer.SEARCH.isNormalized(l)).count();
      out.println();
      out.println("This text needs no repair under these steps; the search preset would fold " + wouldFold
          + " lines.");
    }
    out.println();
    out.println("Try: arnorm --demo --preset search    (fold for indexing)");
    out.println("     arnorm --help                    (all options)");
    out.flush();
    return ArnormCli.OK;
  }
}
