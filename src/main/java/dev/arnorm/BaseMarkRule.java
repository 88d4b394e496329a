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
  private final boolean composedOnly;
  private final UnicodeSet touched;

  /**
   * @param dropAfter for each base letter (as emitted by this rule, after mapping), the marks removed when they
   *     follow it
   */
  BaseMarkRule(Step step, Map<Integer, String> letterMap, Map<Integer, UnicodeSet> dropAfter) {
    this(step, letterMap, dropAfter, false);
  }

  /**
   * @param composedOnly drop only the one mark NFC composes with the base (the first in canonical order)
   *     and keep any further ones: Lucene folds {@code أٓ} (U+0623 U+0653) to {@code آ}, not to {@code ا}
   */
  BaseMarkRule(Step step, Map<Integer, String> letterMap, Map<Integer, UnicodeSet> dropAfter,
      boolean composedOnly) {
    super(step);
    this.letters = MapRule.of(step, letterMap);
    this.dropAfter = Map.copyOf(dropAfter);
    this.composedOnly = composedOnly;
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
      /** With composedOnly: the candidate for dropping, held until the base's marks are all seen. */
      private int held = -1;
      private long changed;

      @Override
      void put(int cp) {
        if (UnicodeData.isMark(cp)) {
          UnicodeSet drop = dropAfter.get(base);
          if (drop != null && drop.contains(cp)) {
            if (!composedOnly) {
              changed++;
            } else if (held < 0) {
              held = cp;
            } else if (UnicodeData.ccc(cp) < UnicodeData.ccc(held)) {
              next.put(held);
              held = cp;
            } else {
              next.put(cp);
            }
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
          // Only a base that is emitted closes the previous one: a base this rule deletes (tatweel under
          // lucene) leaves its marks to the letter before.
          dropHeld();
          base = cp;
        }
        next.put(cp);
      }

      private void dropHeld() {
        if (held >= 0) {
          changed++;
          held = -1;
        }
      }

      @Override
      void end() {
        dropHeld();
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
