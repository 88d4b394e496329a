package dev.arnorm;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline's rules before its first word step on one code point alone: what the {@link DirectTable}
 * records for that code point. Made by {@link Engine} while it compiles a pipeline.
 */
final class Isolated {
  private final Rule[] rules;
  private final NfcSink sink = new NfcSink(new StringBuilder());
  private final List<Stage> stages = new ArrayList<>();
  private Stage head = sink;

  Isolated(Rule[] rules) {
    this.rules = rules;
    int end = 0;
    while (end < rules.length && !(rules[end] instanceof ElongationRule) && rules[end].wordTriggers() == null) {
      end++;
    }
    for (int r = end - 1; r >= 0; r--) {
      head = rules[r].newStage(head, StepCounter.NONE);
      stages.add(head);
    }
  }

  String apply(int cp) {
    stages.forEach(Stage::reset);
    sink.clear();
    Engine.put(cp, head);
    head.end();
    return sink.buffer().toString();
  }
}
