package dev.arnorm;

/** Receives, per step, the number of input code points a step changed or removed. */
interface StepCounter {
  StepCounter NONE = (step, n) -> {};

  void count(Step step, long n);
}
