package dev.arnorm.engine;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.MapRule;
import dev.arnorm.rules.Rule;
import dev.arnorm.rules.StepId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where a pipeline does not run its steps in the order given ({@link #runOrder}), and the
 * html-entities rule made for that order ({@link #htmlEntities}). {@link Engine} compiles a pipeline in
 * this order; the tests' reference implementation follows it too.
 */
public final class PipelineOrder {
  private PipelineOrder() {}

  /**
   * The html-entities step at {@code order[k]}, made for its pipeline: it reads a reference through what
   * the later steps delete among ASCII characters, and passes decoded text through the maps that
   * {@link #runOrder} moved before it (they would have seen it in the given order).
   */
  public static Rule htmlEntities(List<StepId> steps, List<StepId> order, int k) {
    UnicodeSet skip = new UnicodeSet();
    for (int j = k + 1; j < order.size(); j++) {
      StepId later = order.get(j);
      if (!later.decidesOnWords()) {
        skip.addAll(later.rule().deletedAmongAscii());
      }
    }
    MapRule fold = null;
    if (order.indexOf(StepId.HTML_ENTITIES) == k) {
      for (StepId moved : movedBeforeHtml(steps)) {
        MapRule m = (MapRule) moved.rule();
        fold = fold == null ? m : fold.then(m);
      }
    }
    if (skip.isEmpty() && fold == null) {
      return StepId.HTML_ENTITIES.rule();
    }
    return new HtmlEntitiesRule(skip.freeze(), fold);
  }

  /** The steps {@link #runOrder} moves before the first html-entities, in their order. */
  public static List<StepId> movedBeforeHtml(List<StepId> steps) {
    int html = steps.indexOf(StepId.HTML_ENTITIES);
    List<StepId> moved = new ArrayList<>();
    for (int i = html + 1; html >= 0 && i < steps.size(); i++) {
      if (steps.get(i) == StepId.DIGITS || steps.get(i) == StepId.PUNCTUATION) {
        moved.add(steps.get(i));
      }
    }
    return moved;
  }

  /**
   * The order the steps run in: as given, except that {@code digits} and {@code punctuation} listed after
   * {@code html-entities} run just before it. They turn Arabic digits and the Arabic semicolon into ASCII,
   * which entity syntax is made of: run after the decoder, they could complete a reference it had left
   * alone ({@code &#٣٢} would come out as {@code &#32}, and decode on the next pass). No other step treats
   * those characters, so this is the only effect of the move; what html-entities decodes goes through them
   * too ({@link #htmlEntities}), as it would have in the given order.
   */
  public static List<StepId> runOrder(List<StepId> steps) {
    List<StepId> early = movedBeforeHtml(steps);
    if (early.isEmpty()) {
      return steps;
    }
    int html = steps.indexOf(StepId.HTML_ENTITIES);
    List<StepId> order = new ArrayList<>(steps.subList(0, html));
    order.addAll(early);
    order.add(StepId.HTML_ENTITIES);
    for (int i = html + 1; i < steps.size(); i++) {
      StepId s = steps.get(i);
      if (s != StepId.DIGITS && s != StepId.PUNCTUATION) {
        order.add(s);
      }
    }
    return order;
  }
}
