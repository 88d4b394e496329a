package dev.arnorm.rules;

/**
 * The steps as the rules and the engine name them: one constant for each public {@code dev.arnorm.Step}, in
 * the same order and with the same id (a test checks both). The public enum carries the documentation and
 * the safety classes; this one lets the layers below the API name a step without depending on it.
 */
public enum StepId {
  HTML_ENTITIES("html-entities"),
  PRESENTATION_FORMS("presentation-forms"),
  INVISIBLE("invisible"),
  WHITESPACE("whitespace"),
  TATWEEL("tatweel"),
  DIACRITICS("diacritics"),
  ALEF("alef"),
  YA("ya"),
  TEH_MARBUTA("teh-marbuta"),
  HAMZA("hamza"),
  PERSIAN_LETTERS("persian-letters"),
  DIGITS("digits"),
  PUNCTUATION("punctuation"),
  ELONGATION("elongation"),
  SPELLING("spelling"),
  ORTHOGRAPHY("orthography"),
  LUCENE("lucene");

  private final String id;

  StepId(String id) {
    this.id = id;
  }

  /** The step's id, as in specs and the CLI. */
  public String id() {
    return id;
  }

  /**
   * True for the steps that decide on whole words (elongation, and the word lookups spelling and
   * orthography): they delete no character wherever it stands, so an html-entities step before them reads
   * references through none of theirs (and need not build them to know it).
   */
  public boolean decidesOnWords() {
    return this == ELONGATION || this == SPELLING || this == ORTHOGRAPHY;
  }

  /** This step's compiled rule; built once per step and shared. */
  public Rule rule() {
    return Rules.of(this);
  }

  @Override
  public String toString() {
    return id;
  }
}
