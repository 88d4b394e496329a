package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import java.util.concurrent.TimeUnit;
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

/**
 * The same ~1 MB news text with 0%, 10%, 50% and 100% of its characters needing a change. The 0% case,
 * already clean text, is what most calls see in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ChangeShareBenchmark {
  @Param({"0", "10", "50", "100"})
  public int percent;

  private String forLight;
  private String forSearch;

  @Setup
  public void setUp() {
    forLight = Inputs.withChangeShare(ArabicNormalizer.LIGHT, percent);
    forSearch = Inputs.withChangeShare(ArabicNormalizer.SEARCH, percent);
  }

  @Benchmark
  public String arnormLight() {
    return ArabicNormalizer.LIGHT.normalize(forLight);
  }

  @Benchmark
  public String regexChainLight() {
    return Alternatives.regexLight(forLight);
  }

  @Benchmark
  public String arnormSearch() {
    return ArabicNormalizer.SEARCH.normalize(forSearch);
  }

  @Benchmark
  public String luceneTokenByToken() {
    return Alternatives.luceneTokens(forSearch);
  }

  @Benchmark
  public String regexChainSearch() {
    return Alternatives.regexSearch(forSearch);
  }

  @Benchmark
  public String floorTableLoop() {
    return Alternatives.tableLoop(forSearch);
  }

  @Benchmark
  public String floorCopy() {
    return Alternatives.copy(forSearch);
  }
}
