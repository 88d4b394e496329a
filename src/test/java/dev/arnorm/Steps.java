package dev.arnorm;

import dev.arnorm.rules.StepId;
import java.util.ArrayList;
import java.util.List;

/** The public steps and the internal ids the engine takes, for tests that build engines and rules directly. */
final class Steps {
  private Steps() {}

  static List<StepId> kinds(List<Step> steps) {
    List<StepId> out = new ArrayList<>();
    for (Step s : steps) {
      out.add(s.kind);
    }
    return out;
  }

  static List<Step> of(List<StepId> kinds) {
    List<Step> out = new ArrayList<>();
    for (StepId k : kinds) {
      out.add(Step.of(k));
    }
    return out;
  }
}
