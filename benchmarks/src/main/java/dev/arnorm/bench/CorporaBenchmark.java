package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.Step;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.StringEscapeUtils;
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

/** Every normalizer and alternative on the same ~1 MB texts, in one run. Time per 1 MB pass. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CorporaBenchmark {
  @Param({"elaph", "wikinews-plain", "wikinews-vocalized", "ud", "web-residue"})
  public String corpus;

  private String text;
  private final ArabicNormalizer diacritics = Step.DIACRITICS.normalizer();
  private final ArabicNormalizer alef = Step.ALEF.normalizer();
  private final ArabicNormalizer htmlEntities = Step.HTML_ENTITIES.normalizer();
  private final ArabicNormalizer spelling = Step.SPELLING.normalizer();

  @Setup
  public void setUp() {
    text = Inputs.corpus(corpus);
  }

  @Benchmark
  public String arnormLight() {
    return ArabicNormalizer.LIGHT.normalize(text);
  }

  @Benchmark
  public String arnormSearch() {
    return ArabicNormalizer.SEARCH.normalize(text);
  }

  @Benchmark
  public String arnormSocial() {
    return ArabicNormalizer.SOCIAL.normalize(text);
  }

  @Benchmark
  public String arnormLucene() {
    return ArabicNormalizer.LUCENE.normalize(text);
  }

  @Benchmark
  public String stepDiacritics() {
    return diacritics.normalize(text);
  }

  @Benchmark
  public String stepAlef() {
    return alef.normalize(text);
  }

  @Benchmark
  public String stepHtmlEntities() {
    return htmlEntities.normalize(text);
  }

  @Benchmark
  public String stepSpelling() {
    return spelling.normalize(text);
  }

  @Benchmark
  public String luceneTokenByToken() {
    return Alternatives.luceneTokens(text);
  }

  @Benchmark
  public String luceneWholeText() {
    return Alternatives.luceneWhole(text);
  }

  @Benchmark
  public String regexChainSearch() {
    return Alternatives.regexSearch(text);
  }

  @Benchmark
  public String regexChainLight() {
    return Alternatives.regexLight(text);
  }

  @Benchmark
  public String icuTransliteratorSearch() {
    return Alternatives.icuSearch(text);
  }

  @Benchmark
  public String commonsTextUnescapeHtml4() {
    return StringEscapeUtils.unescapeHtml4(text);
  }

  @Benchmark
  public String floorTableLoop() {
    return Alternatives.tableLoop(text);
  }

  @Benchmark
  public String floorCopy() {
    return Alternatives.copy(text);
  }
}
