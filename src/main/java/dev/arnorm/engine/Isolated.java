package dev.arnorm.engine;

import dev.arnorm.rules.MapRule;
import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline's rules before its first word step on one code point alone: what the {@link DirectTable}
 * records for that code point. Made by {@link Engine} while it compiles a pipeline.
 */
public final class Isolated {
  private final Rule[] rules;
  /** The rules before the first word step: {@code rules[0, end)}. */
  private final int end;
  private final NfcSink sink = new NfcSink(new StringBuilder());
  private final List<Stage> stages = new ArrayList<>();
  private Stage head = sink;

  public Isolated(Rule[] rules) {
    this.rules = rules;
    int end = 0;
    while (end < rules.length && !DirectTable.isWordRule(rules[end])) {
      end++;
    }
    this.end = end;
    for (int r = end - 1; r >= 0; r--) {
      head = rules[r].newStage(head, StepCounter.NONE);
      stages.add(head);
    }
  }

  /** What the rules make of {@code cp} alone, in NFC. */
  public String apply(int cp) {
    String byMaps = byMaps(cp);
    return byMaps != null ? byMaps : byStages(cp);
  }

  /** {@link #apply} by running the rules' stages into an NFC sink, as the engine's chain does. */
  public String byStages(int cp) {
    stages.forEach(Stage::reset);
    sink.clear();
    Engine.put(cp, head);
    head.end();
    return sink.buffer().toString();
  }

  /**
   * {@link #apply} when only map rules change {@code cp}: each map applied in turn to its decomposition, and
   * the other rules, which touch none of the text they would see, passing it on (what a rule's touched set
   * promises); then NFC, as the sink composes. Null when some other rule touches that text: the stages decide.
   * The table is built when a normalizer is first used, in a JVM that has just started: running the stages
   * for the 773 characters {@code light} changes (the presentation forms, mostly) took about 7 ms there.
   */
  public String byMaps(int cp) {
    String d = UnicodeData.decomposition(cp);
    String text = d != null ? d : new String(Character.toChars(cp));
    for (int r = 0; r < end; r++) {
      if (rules[r] instanceof MapRule) {
        text = ((MapRule) rules[r]).apply(text);
      } else if (rules[r].touched().containsSome(text) || rules[r].contextual().containsSome(text)) {
        return null;
      }
    }
    return UnicodeData.allPlain(text) ? text : UnicodeData.NFC.normalize(text);
  }
}
