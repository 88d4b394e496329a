package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import java.util.Map;

/**
 * The compiled form of one step (or of several fused context-free steps): a factory for its {@link Stage}
 * and the set of code points it may change. Immutable and shared between calls and threads.
 */
public abstract class Rule {
  /** The step this rule implements, or null for a fusion of several steps. */
  public final StepId step;

  public Rule(StepId step) {
    this.step = step;
  }

  /**
   * A fresh stage with empty state that feeds {@code next}. A rule that builds several chained stages
   * returns the first, whose {@link Stage#idle} and {@link Stage#reset} must cover the others.
   */
  public abstract Stage newStage(Stage next, StepCounter counter);

  /**
   * Code points this rule may change or remove, or whose presence as a mark triggers one of its context
   * rules. Anything outside this set, after canonical decomposition, passes through the rule unchanged.
   */
  public abstract UnicodeSet touched();

  /**
   * Code points whose treatment depends on their neighbours in a way the engine's table cannot record (the
   * tatweel step asks whether a letter stands on either side): the direct path always hands them to the
   * chain, which starts before the word they are in.
   */
  public UnicodeSet contextual() {
    return UnicodeSet.EMPTY;
  }

  /**
   * Code points this rule deletes when they stand among ASCII characters, as inside an HTML reference
   * ({@code &l\u00ADt;}): an earlier html-entities step reads a reference through them, so that deleting
   * them never makes a reference the same pass leaves undecoded.
   */
  public UnicodeSet deletedAmongAscii() {
    return UnicodeSet.EMPTY;
  }

  /**
   * The words that may start a change, for word-lookup steps (spelling, orthography), NFC and decomposed,
   * each with its span: how many words after it a decision there may look at (the rest of a phrase, and
   * the word after it that a condition names); null for other steps. The engine checks every word against
   * them and leaves the others on its fast path.
   */
  public Map<String, Integer> wordTriggers() {
    return null;
  }

  /** For word-lookup steps: true when a decision may depend on the word before (a lexicon condition). */
  public boolean looksBack() {
    return false;
  }

  /** True when spaces and tabs take part in the rule (the whitespace step). */
  public boolean blankSensitive() {
    return false;
  }

  /** True when the rule looks back over the current line (the html-entities residue rules). */
  public boolean needsLineContext() {
    return false;
  }
}
