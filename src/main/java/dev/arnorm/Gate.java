package dev.arnorm;

/**
 * A stage that passes code points on while open and drops them while closed: placed after the html-entities
 * stage by {@link Chain}, so that the html stages can read a line's start without the later stages seeing it.
 */
final class Gate extends Stage {
  boolean open = true;

  Gate(Stage next) {
    super(next);
  }

  @Override
  void put(int cp) {
    if (open) {
      next.put(cp);
    }
  }
}
