package dev.arnorm.engine;

import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.MapRule;

/**
 * Priming the html stages of a {@link Chain} with the line before where the chain starts, so that the
 * residue rules judge an {@code &} in its context without the stages after them seeing that text again
 * (they are behind a closed {@link Gate}). Called by {@link Engine} when it hands text to the chain.
 */
final class HtmlPriming {
  private HtmlPriming() {}

  /**
   * Restarts a suspended chain at {@code to}: the html stages keep their state and read {@code [from, to)}
   * (the text the direct path wrote since the suspension point {@code from}, which holds no {@code &}),
   * their output dropped; the stages after them start fresh at {@code to}. False (and nothing changed)
   * when there is no gate or the stretch holds an {@code &}.
   */
  static boolean primeOn(Chain ch, int from, int to) {
    if (ch.gate == null) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (ch.in.charAt(k) == '&') {
        return false;
      }
    }
    for (int k = ch.html + 1; k < ch.stages.length; k++) {
      ch.stages[k].reset();
    }
    ch.sink.clear();
    skimOrFeed(ch, from, to);
    if (!ch.stages[ch.html].idle()) {
      throw new IllegalStateException("html stages hold a lookahead without an '&'");
    }
    return true;
  }

  /**
   * The html stages read {@code [from, to)} (no {@code &} in it) with their output dropped: skimmed when
   * they are the first stages (only their state matters), else fed through the closed gate.
   */
  private static void skimOrFeed(Chain ch, int from, int to) {
    if (ch.skimmable && HtmlEntitiesRule.skim(ch.stages[ch.html], ch.html == 0 ? null : (MapRule) ch.engine.rules[0], ch.in, from, to)) {
      return;
    }
    ch.gate.open = false;
    Engine.feed(ch.in, from, to, ch.head);
    ch.gate.open = true;
  }

  /**
   * Starts the chain at {@code from} with the html stages primed by the line before it, when they end up
   * holding nothing back; false, with the chain reset, when they cannot be.
   */
  static boolean primeFrom(Chain ch, int lineStart, int from) {
    if (ch.gate == null) {
      return false;
    }
    ch.reset();
    // Through the last & before from (and the word after it, which the residue rules wait for) in full;
    // the rest of the way only the residue rules' state matters.
    int k = from;
    while (k > lineStart && ch.in.charAt(k - 1) != '&') {
      k--;
    }
    ch.gate.open = false;
    if (k > lineStart) {
      k = Engine.feed(ch.in, lineStart, k, ch.head);
      while (k < from && !ch.stages[ch.html].idle()) {
        k = Engine.feed(ch.in, k, k + 1, ch.head);
      }
    }
    ch.gate.open = true;
    if (k < from && ch.stages[ch.html].idle()) {
      skimOrFeed(ch, k, from);
    }
    if (!ch.stages[ch.html].idle()) {
      ch.reset();
      return false;
    }
    return true;
  }
}
