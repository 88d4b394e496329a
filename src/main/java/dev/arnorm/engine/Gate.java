package dev.arnorm.engine;

import dev.arnorm.rules.Stage;

/**
 * A stage that passes code points on while open and drops them while closed: placed after the html-entities
 * stage by {@link Chain}, so that the html stages can read a line's start without the later stages seeing it.
 */
public final class Gate extends Stage {
  public boolean open = true;

  public Gate(Stage next) {
    super(next);
  }

  @Override
  public void put(int cp) {
    if (open) {
      next.put(cp);
    }
  }
}
