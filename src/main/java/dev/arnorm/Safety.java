package dev.arnorm;

import dev.arnorm.engine.Changes;
import java.util.Locale;

/** How much a step may change the meaning of the text. */
public enum Safety {
  /** Repairs encoding: the text reads the same afterwards (entities, presentation forms, invisible marks). */
  LOSSLESS,
  /** Lossy: merges distinct letters or removes marks so that variants match (for search and indexing). */
  FOLDING,
  /** Changes spelling toward the standard (elongation, colloquial misspellings). */
  CORRECTION;

  /**
   * The lower-case name shown by the CLI and the docs, e.g. {@code "lossless"}.
   *
   * @return the id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
