package dev.arnorm;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts, per step, how many characters (code points of the step's input) each step changed or removed.
 * Opt-in: pass one to {@link ArabicNormalizer#normalize(java.io.Reader, java.io.Writer, NormalizationStats)}
 * when you want the figures; counting runs the steps unfused and is slower. Accumulates over calls. Not
 * thread-safe: use one per thread.
 */
public final class NormalizationStats {
  private final EnumMap<Step, Long> counts = new EnumMap<>(Step.class);

  /** An empty tally. */
  public NormalizationStats() {}

  /** Characters changed or removed by {@code step} so far; 0 for a step that did not run. */
  public long changed(Step step) {
    return counts.getOrDefault(step, 0L);
  }

  /** Every step that ran, with its count, in step order. */
  public Map<Step, Long> asMap() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  StepCounter counter() {
    return (step, n) -> counts.merge(step, n, Long::sum);
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
