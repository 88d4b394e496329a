package dev.arnorm;

/** Receives, per step, the number of input code points a step changed or removed, and named details. */
interface StepCounter {
  StepCounter NONE = (step, n) -> {};

  void count(Step step, long n);

  /** A named sub-count of a step (for example entities decoded versus residue removed). */
  default void detail(Step step, String what, long n) {}
}
