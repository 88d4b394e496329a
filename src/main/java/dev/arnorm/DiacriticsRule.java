package dev.arnorm;

import com.ibm.icu.text.UnicodeSet;

/**
 * Removes every Arabic combining mark, except one hamza or madda mark (U+0653, U+0654, U+0655) that composes
 * with its base letter into a letter of its own: {@code ا} + U+0654 is {@code أ}, a letter, not a diacritic.
 * A mark composes when NFC has a composition for the pair (ا و ي ە ہ ے), or for {@code ه} + U+0654 (heh with
 * hamza above, the Persian ezafe, which Unicode encodes only as that sequence). When several could compose,
 * the one canonical ordering puts first wins (hamza below, class 220, before madda and hamza above, 230), so
 * the result does not depend on the order of the marks in the input.
 */
final class DiacriticsRule extends Rule {
  private static final int HEH = 0x0647;
  private static final int HAMZA_ABOVE = 0x0654;

  DiacriticsRule() {
    super(Step.DIACRITICS);
  }

  static boolean composesWith(int base, int mark) {
    if (!Rules.HAMZA_MADDA.contains(mark) || base < 0) {
      return false;
    }
    return UnicodeData.NFC.composePair(base, mark) >= 0 || (base == HEH && mark == HAMZA_ABOVE);
  }

  @Override
  UnicodeSet touched() {
    return UnicodeData.ARABIC_MARKS;
  }

  @Override
  Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private int base = -1;
      private int kept = -1;
      private long changed;

      @Override
      void put(int cp) {
        if (UnicodeData.isArabicMark(cp)) {
          if (composesWith(base, cp)
              && (kept < 0 || UnicodeData.ccc(cp) < UnicodeData.ccc(kept))) {
            if (kept >= 0) {
              changed++;
            }
            kept = cp;
          } else {
            changed++;
          }
          return;
        }
        if (!UnicodeData.isMark(cp)) {
          flushKept();
          base = cp;
        }
        next.put(cp);
      }

      @Override
      boolean idle() {
        return kept < 0;
      }

      @Override
      void reset() {
        base = -1;
        kept = -1;
      }

      private void flushKept() {
        if (kept >= 0) {
          next.put(kept);
          kept = -1;
        }
      }

      @Override
      void end() {
        flushKept();
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
