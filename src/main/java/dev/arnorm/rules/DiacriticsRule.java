package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;

/**
 * Removes every Arabic combining mark, except one hamza or madda mark (U+0653, U+0654, U+0655) that composes
 * with its base letter into a letter of its own: {@code ا} + U+0654 is {@code أ}, a letter, not a diacritic.
 * A mark composes when NFC has a composition for the pair (ا و ي ە ہ ے), or for {@code ه} + U+0654 (heh with
 * hamza above, the Persian ezafe, which Unicode encodes only as that sequence). When several could compose,
 * the one canonical ordering puts first wins (hamza below, class 220, before madda and hamza above, 230), so
 * the result does not depend on the order of the marks in the input.
 *
 * <p>Two Uthmani spellings are handled as what they stand for. The small waw, small yeh and small Farsi yeh
 * (U+06E5, U+06E6, U+08C9: letters by category, lengthening signs by use, as in {@code لَهُۥ}) go, with any
 * Arabic mark on them. A hamza above or below on a tatweel ({@code يَسۡـَٔلُونَ}) is the hamza letter written
 * on a seat of its own: it becomes {@code ء}, so that {@code يسءلون} keeps it. docs/steps/diacritics.md has
 * the decision for every mark and format character of the Arabic blocks.
 */
public final class DiacriticsRule extends Rule {
  private static final int HEH = 0x0647;
  private static final int HAMZA_ABOVE = 0x0654;
  private static final int HAMZA_BELOW = 0x0655;
  private static final int HAMZA = 0x0621;
  private static final int MAX_HELD = 32;
  /** Small waw, small yeh, small Farsi yeh: general category Lm, used as vowel signs. */
  public static final UnicodeSet SMALL_LETTERS = new UnicodeSet().add(0x06E5, 0x06E6).add(0x08C9).freeze();

  /** {@link #SMALL_LETTERS}, told by comparisons: asked for every base the chain passes. */
  public static boolean isSmallLetter(int cp) {
    return cp == 0x06E5 || cp == 0x06E6 || cp == 0x08C9;
  }
  private static final UnicodeSet TOUCHED =
      new UnicodeSet(UnicodeData.ARABIC_MARKS).addAll(SMALL_LETTERS).freeze();

  public DiacriticsRule() {
    super(StepId.DIACRITICS);
  }

  public static boolean composesWith(int base, int mark) {
    if (!Rules.HAMZA_MADDA.contains(mark) || base < 0) {
      return false;
    }
    return UnicodeData.NFC.composePair(base, mark) >= 0 || (base == HEH && mark == HAMZA_ABOVE);
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  /** Every Arabic mark, and the small letters: after an ASCII character none composes. */
  @Override
  public UnicodeSet deletedAmongAscii() {
    return TOUCHED;
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private int base = -1;
      /** The hamza or madda mark kept with the base, and how many held marks came before it. */
      private int kept = -1;
      private int keptAt;
      /** A tatweel is held until its marks show whether it carries a hamza. */
      private boolean tatweel;
      private boolean tatweelHamza;
      /**
       * Marks other than Arabic ones, in order: after a held tatweel, or after a kept mark (one of the same
       * combining class must not pass it).
       */
      private final int[] held = new int[MAX_HELD];
      private int heldCount;
      private long changed;

      @Override
      public void put(int cp) {
        if (tatweel) {
          if (UnicodeData.isArabicMark(cp)) {
            tatweelHamza |= cp == HAMZA_ABOVE || cp == HAMZA_BELOW;
            changed++;
            return;
          }
          if (UnicodeData.isMark(cp) && heldCount < MAX_HELD) {
            held[heldCount++] = cp;
            return;
          }
          settleTatweel();
        }
        if (UnicodeData.isArabicMark(cp)) {
          if (composesWith(base, cp)
              && (kept < 0 || UnicodeData.ccc(cp) < UnicodeData.ccc(kept))) {
            if (kept >= 0) {
              changed++;
            }
            kept = cp;
            keptAt = heldCount;
          } else {
            changed++;
          }
          return;
        }
        if (UnicodeData.isMark(cp)) {
          if (kept < 0) {
            next.put(cp);
          } else if (heldCount < MAX_HELD) {
            held[heldCount++] = cp; // after the kept mark: a mark of its class must stay after it
          } else {
            flushKept();
            next.put(cp);
          }
          return;
        }
        flushKept();
        if (isSmallLetter(cp)) {
          changed++;
          base = -1; // the marks on it go with it
          return;
        }
        if (cp == TatweelRule.TATWEEL) {
          tatweel = true;
          base = cp;
          return;
        }
        base = cp;
        next.put(cp);
      }

      /** Passes the held tatweel on, as the hamza it carries or as itself, and the marks held after it. */
      private void settleTatweel() {
        next.put(tatweelHamza ? HAMZA : TatweelRule.TATWEEL);
        base = tatweelHamza ? HAMZA : TatweelRule.TATWEEL;
        for (int i = 0; i < heldCount; i++) {
          next.put(held[i]);
        }
        heldCount = 0;
        tatweel = false;
        tatweelHamza = false;
      }

      @Override
      public boolean idle() {
        return kept < 0 && !tatweel;
      }

      @Override
      public void reset() {
        base = -1;
        kept = -1;
        tatweel = false;
        tatweelHamza = false;
        heldCount = 0;
      }

      /** Passes the kept mark on, in its place among the other marks held since it came. */
      private void flushKept() {
        if (kept >= 0) {
          for (int i = 0; i < heldCount; i++) {
            if (i == keptAt) {
              next.put(kept);
            }
            next.put(held[i]);
          }
          if (keptAt >= heldCount) {
            next.put(kept);
          }
          kept = -1;
          heldCount = 0;
        }
      }

      @Override
      public void end() {
        if (tatweel) {
          settleTatweel();
        }
        flushKept();
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
