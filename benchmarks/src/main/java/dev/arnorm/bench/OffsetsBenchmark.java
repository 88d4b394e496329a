package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What offsets cost: each line of a text (a document) normalized without and with its offset map, and
 * analyzed by Lucene with and without the char filter (which needs the map), next to Lucene's own Arabic
 * chain. Time per pass over the whole text. {@code -p corpus=/path/to/file} for a real corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OffsetsBenchmark {
  @Param({"elaph"})
  public String corpus;

  private List<String> docs;
  private Analyzer tokenFilterOnly;
  private Analyzer charFilterAndTokenFilter;
  private Analyzer luceneArabic;

  @Setup
  public void setUp() throws IOException {
    docs = Inputs.corpus(corpus).lines().toList();
    tokenFilterOnly = CustomAnalyzer.builder().withTokenizer("standard")
        .addTokenFilter("arnorm", "preset", "search").build();
    charFilterAndTokenFilter = CustomAnalyzer.builder().addCharFilter("arnorm", "preset", "light")
        .withTokenizer("standard").addTokenFilter("arnorm", "preset", "search").build();
    luceneArabic = CustomAnalyzer.builder().withTokenizer("standard")
        .addTokenFilter("arabicNormalization").build();
  }

  @Benchmark
  public void lightWithoutOffsets(Blackhole bh) {
    for (String d : docs) {
      bh.consume(ArabicNormalizer.LIGHT.normalize(d));
    }
  }

  @Benchmark
  public void lightWithOffsets(Blackhole bh) {
    for (String d : docs) {
      bh.consume(ArabicNormalizer.LIGHT.normalizeWithOffsets(d));
    }
  }

  @Benchmark
  public void searchWithoutOffsets(Blackhole bh) {
    for (String d : docs) {
      bh.consume(ArabicNormalizer.SEARCH.normalize(d));
    }
  }

  @Benchmark
  public void searchWithOffsets(Blackhole bh) {
    for (String d : docs) {
      bh.consume(ArabicNormalizer.SEARCH.normalizeWithOffsets(d));
    }
  }

  @Benchmark
  public void analyzerTokenFilterOnly(Blackhole bh) {
    analyze(tokenFilterOnly, bh);
  }

  @Benchmark
  public void analyzerCharFilterAndTokenFilter(Blackhole bh) {
    analyze(charFilterAndTokenFilter, bh);
  }

  @Benchmark
  public void analyzerLuceneArabic(Blackhole bh) {
    analyze(luceneArabic, bh);
  }

  private void analyze(Analyzer a, Blackhole bh) {
    try {
      for (String d : docs) {
        try (TokenStream ts = a.tokenStream("body", d)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            bh.consume(term.length() + offset.startOffset() + offset.endOffset());
          }
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
