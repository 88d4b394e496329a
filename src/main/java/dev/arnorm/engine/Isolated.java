package dev.arnorm.engine;

import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline's rules before its first word step on one code point alone: what the {@link DirectTable}
 * records for that code point. Made by {@link Engine} while it compiles a pipeline.
 */
public final class Isolated {
  private final Rule[] rules;
  private final NfcSink sink = new NfcSink(new StringBuilder());
  private final List<Stage> stages = new ArrayList<>();
  private Stage head = sink;

  public Isolated(Rule[] rules) {
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

  public String apply(int cp) {
    stages.forEach(Stage::reset);
    sink.clear();
    Engine.put(cp, head);
    head.end();
    return sink.buffer().toString();
  }
}
