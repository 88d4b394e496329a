package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;

/**
 * Removes tatweel (U+0640) where it stretches a word, and keeps it where it is not elongation:
 * <ul>
 *   <li>a run of tatweels joined to no letter, with no Arabic letter right before it or right after it
 *       (marks aside), is a dash: {@code 3 ـ تعيين}, {@code اللازمة ـ شفاه الله ـ،} keep theirs;
 *   <li>a tatweel that carries a hamza or madda mark (U+0653..U+0655), as in the Quranic spelling
 *       {@code يَسۡـَٔلُونَ}, is the seat of that hamza: removing it would move the hamza onto the letter before.
 * </ul>
 * Everywhere else (inside a word, at its edge, between a word and digits as in {@code الـ84}) it goes.
 *
 * <p>The stage holds a run that may be a dash until the character after it says (at most {@link #MAX_RUN}
 * code points of tatweels and their marks: a longer run standing after a non-letter is settled as a dash
 * part by part), and the marks after one tatweel until they say whether it is a seat.
 */
public final class TatweelRule extends Rule {
  public static final int TATWEEL = 0x0640;
  /** The longest run (tatweels and their marks) held back to learn whether a letter follows it. */
  public static final int MAX_RUN = 64;
  private static final UnicodeSet TOUCHED = new UnicodeSet(TATWEEL, TATWEEL).freeze();

  public TatweelRule() {
    super(StepId.TATWEEL);
  }

  public static boolean isSeatMark(int cp) {
    return Rules.HAMZA_MADDA.contains(cp);
  }

  /**
   * A character a tatweel joins to: a letter of the Arabic script, presentation forms included (tatweel
   * itself is none).
   */
  public static boolean joins(int cp) {
    return cp != TATWEEL && UnicodeData.isArabicScript(cp) && !UnicodeData.isMark(cp);
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  @Override
  public UnicodeSet contextual() {
    return TOUCHED;
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      /** The last base passed on (or held) is an Arabic letter. */
      private boolean afterLetter;
      /**
       * The run being held: tatweels and their marks, in order. Held only while it may be a dash (no letter
       * before it); after a letter each tatweel is settled as soon as its marks are seen.
       */
      private final int[] run = new int[MAX_RUN];
      private int runLength;
      /** Inside a run, after a letter: the marks of the current tatweel, held until they show a seat. */
      private boolean inRun;
      private long changed;

      @Override
      public void put(int cp) {
        if (cp == TATWEEL) {
          if (!inRun) {
            inRun = true;
          } else if (runLength == MAX_RUN) {
            settle(false); // too long to hold: what was held is a dash, the rest goes on as a new run
            inRun = true;
          }
          hold(cp);
          return;
        }
        if (inRun && UnicodeData.isMark(cp)) {
          if (runLength == MAX_RUN) {
            settle(false);
            next.put(cp);
            return;
          }
          hold(cp);
          return;
        }
        if (inRun) {
          settle(joins(cp));
        }
        if (!UnicodeData.isMark(cp)) {
          afterLetter = joins(cp);
        }
        next.put(cp);
      }

      private void hold(int cp) {
        run[runLength++] = cp;
      }

      /**
       * Passes the held run on: every tatweel that is a seat stays, and the others stay only when the run
       * is joined to no letter ({@code letterAfter} false and no letter before it).
       */
      private void settle(boolean letterAfter) {
        boolean dash = !afterLetter && !letterAfter;
        int n = runLength;
        runLength = 0;
        inRun = false;
        for (int i = 0; i < n; ) {
          int end = i + 1;
          boolean seat = false;
          while (end < n && run[end] != TATWEEL) {
            seat |= isSeatMark(run[end]);
            end++;
          }
          if (dash || seat) {
            next.put(TATWEEL);
          } else {
            changed++;
          }
          for (int k = i + 1; k < end; k++) {
            next.put(run[k]);
          }
          i = end;
        }
      }

      @Override
      public boolean idle() {
        return !inRun;
      }

      @Override
      public void reset() {
        afterLetter = false;
        inRun = false;
        runLength = 0;
      }

      @Override
      public void end() {
        if (inRun) {
          settle(false);
        }
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
