package dev.arnorm;

import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.StepId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts, per step, how many characters (code points of the step's input) each step changed or removed.
 * Opt-in: pass one to {@link ArabicNormalizer#normalize(java.io.Reader, java.io.Writer, NormalizationStats)}
 * when you want the figures; counting runs the steps unfused and is slower. Accumulates over calls. Not
 * thread-safe: use one per thread.
 */
public final class NormalizationStats {
  private final EnumMap<Step, Long> counts = new EnumMap<>(Step.class);
  private final EnumMap<Step, Map<String, Long>> details = new EnumMap<>(Step.class);

  /** An empty tally. */
  public NormalizationStats() {}

  /**
   * Characters changed or removed by {@code step} so far; 0 for a step that did not run.
   *
   * @param step a step
   * @return the number of input code points it changed or removed
   * @throws NullPointerException if {@code step} is null
   */
  public long changed(Step step) {
    java.util.Objects.requireNonNull(step, "step");
    return counts.getOrDefault(step, 0L);
  }

  /**
   * Every step that ran, with its count, in step order.
   *
   * @return the counts by step, in step order
   */
  public Map<Step, Long> asMap() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  /**
   * Named sub-counts of a step, in the order they were first reported; empty for steps that report none.
   * The {@code html-entities} step reports {@code "entities decoded"} and {@code "residue removed"}.
   *
   * @param step a step
   * @return the named details, in the order first counted
   */
  public Map<String, Long> details(Step step) {
    java.util.Objects.requireNonNull(step, "step");
    Map<String, Long> d = details.get(step);
    return d == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(d));
  }

  StepCounter counter() {
    return new StepCounter() {
      @Override
      public void count(StepId step, long n) {
        counts.merge(Step.of(step), n, Long::sum);
      }

      @Override
      public void detail(StepId step, String what, long n) {
        details.computeIfAbsent(Step.of(step), s -> new LinkedHashMap<>()).merge(what, n, Long::sum);
      }
    };
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
