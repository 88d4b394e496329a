package dev.arnorm;

import com.ibm.icu.text.UnicodeSet;

/**
 * Removes tatweel (U+0640), except where it is the seat of a hamza or madda mark (U+0653..U+0655), as in the
 * Quranic spelling {@code يَسۡـَٔلُونَ}: there it is not elongation, and removing it would move the hamza onto
 * the letter before. The marks between a tatweel and its possible hamza are held back until the question is
 * settled (at most {@link #MAX_HELD} of them; a longer run of marks drops the tatweel).
 */
final class TatweelRule extends Rule {
  static final int TATWEEL = 0x0640;
  private static final int MAX_HELD = 32;
  private static final UnicodeSet TOUCHED = new UnicodeSet(TATWEEL, TATWEEL).freeze();

  TatweelRule() {
    super(Step.TATWEEL);
  }

  static boolean isSeatMark(int cp) {
    return Rules.HAMZA_MADDA.contains(cp);
  }

  @Override
  UnicodeSet touched() {
    return TOUCHED;
  }

  @Override
  Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private boolean pending;
      private final int[] held = new int[MAX_HELD];
      private int heldCount;
      private long changed;

      @Override
      void put(int cp) {
        if (pending) {
          if (isSeatMark(cp)) {
            next.put(TATWEEL);
            release();
            next.put(cp);
            return;
          }
          if (UnicodeData.isMark(cp) && heldCount < MAX_HELD) {
            held[heldCount++] = cp;
            return;
          }
          drop();
        }
        if (cp == TATWEEL) {
          pending = true;
        } else {
          next.put(cp);
        }
      }

      @Override
      boolean idle() {
        return !pending;
      }

      @Override
      void reset() {
        pending = false;
        heldCount = 0;
      }

      private void drop() {
        changed++;
        release();
      }

      private void release() {
        for (int i = 0; i < heldCount; i++) {
          next.put(held[i]);
        }
        heldCount = 0;
        pending = false;
      }

      @Override
      void end() {
        if (pending) {
          drop();
        }
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
