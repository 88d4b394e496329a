package dev.arnorm.rules;

/**
 * One link of a compiled pipeline: receives code points one at a time, in canonically decomposed form, and
 * passes its output to the next link. Stages hold per-call state (a pending blank run, the current base
 * letter), so a fresh chain is made for every call; the tables they read are shared and immutable.
 */
public abstract class Stage {
  public final Stage next;

  public Stage(Stage next) {
    this.next = next;
  }

  /** Accepts one code point. */
  public abstract void put(int cp);

  /**
   * True when the stage holds nothing back and its output so far does not depend on what comes next: the
   * engine may then stop the chain and copy clean text around it.
   */
  public boolean idle() {
    return true;
  }

  /** Forgets all state, as a new stage would have. */
  public void reset() {}

  /** Flushes any held state at the end of the text. */
  public void end() {
    next.end();
  }

  /** Passes every code point of {@code s} to the next stage. */
  public final void emit(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      next.put(cp);
      i += Character.charCount(cp);
    }
  }
}
