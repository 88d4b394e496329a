package dev.arnorm;

import com.ibm.icu.text.UnicodeSet;
import java.util.Map;

/**
 * A letter map plus marks dropped after given base letters. Needed because the engine works on canonically
 * decomposed text, where {@code أ} arrives as {@code ا} + U+0654: folding alef means mapping the letter
 * variants that have no decomposition (ٱ ٲ ٳ ٵ) and dropping the hamza and madda marks that ride on an alef.
 * The base is the last non-mark this stage emitted, so a mark left behind by a removed letter attaches to the
 * letter before it, exactly as it would in the text after the removal.
 */
final class BaseMarkRule extends Rule {
  private final MapRule letters;
  private final Map<Integer, UnicodeSet> dropAfter;
  private final UnicodeSet touched;

  /**
   * @param dropAfter for each base letter (as emitted by this rule, after mapping), the marks removed when they
   *     follow it
   */
  BaseMarkRule(Step step, Map<Integer, String> letterMap, Map<Integer, UnicodeSet> dropAfter) {
    super(step);
    this.letters = MapRule.of(step, letterMap);
    this.dropAfter = Map.copyOf(dropAfter);
    UnicodeSet t = new UnicodeSet(letters.touched());
    dropAfter.values().forEach(t::addAll);
    this.touched = t.freeze();
  }

  @Override
  UnicodeSet touched() {
    return touched;
  }

  @Override
  Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private int base = -1;
      private long changed;

      @Override
      void put(int cp) {
        if (UnicodeData.isMark(cp)) {
          UnicodeSet drop = dropAfter.get(base);
          if (drop != null && drop.contains(cp)) {
            changed++;
            return;
          }
        }
        String to = letters.map(cp);
        if (to == null) {
          pass(cp);
        } else {
          changed++;
          for (int i = 0; i < to.length(); ) {
            int c = to.codePointAt(i);
            pass(c);
            i += Character.charCount(c);
          }
        }
      }

      private void pass(int cp) {
        if (!UnicodeData.isMark(cp)) {
          base = cp;
        }
        next.put(cp);
      }

      @Override
      void end() {
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
