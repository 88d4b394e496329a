package dev.arnorm.rules;

/** Receives, per step, the number of input code points a step changed or removed, and named details. */
public interface StepCounter {
  public StepCounter NONE = (step, n) -> {};

  public void count(StepId step, long n);

  /** A named sub-count of a step (for example entities decoded versus residue removed). */
  public default void detail(StepId step, String what, long n) {}
}
