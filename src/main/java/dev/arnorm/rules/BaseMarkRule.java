package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.Map;

/**
 * A letter map plus marks dropped after given base letters. Needed because the engine works on canonically
 * decomposed text, where {@code أ} arrives as {@code ا} + U+0654: folding alef means mapping the letter
 * variants that have no decomposition (ٱ ٲ ٳ ٵ) and dropping the hamza and madda marks that ride on an alef.
 * The base is the last non-mark this stage emitted, so a mark left behind by a removed letter attaches to the
 * letter before it, exactly as it would in the text after the removal.
 */
public final class BaseMarkRule extends Rule {
  private static final int MAX_HELD = 32;
  private final MapRule letters;
  private final Map<Integer, UnicodeSet> dropAfter;
  /** {@link #dropAfter} as arrays: looked up for every mark, without boxing. */
  private final int[] dropBases;
  private final UnicodeSet[] dropMarks;
  private final boolean composedOnly;
  private final UnicodeSet touched;

  /**
   * @param dropAfter for each base letter (as emitted by this rule, after mapping), the marks removed when they
   *     follow it
   */
  public BaseMarkRule(StepId step, Map<Integer, String> letterMap, Map<Integer, UnicodeSet> dropAfter) {
    this(step, letterMap, dropAfter, false);
  }

  /**
   * @param composedOnly drop only the one mark NFC composes with the base (the first in canonical order)
   *     and keep any further ones: Lucene folds {@code أٓ} (U+0623 U+0653) to {@code آ}, not to {@code ا}
   */
  public BaseMarkRule(StepId step, Map<Integer, String> letterMap, Map<Integer, UnicodeSet> dropAfter,
      boolean composedOnly) {
    super(step);
    this.letters = MapRule.of(step, letterMap);
    this.dropAfter = Map.copyOf(dropAfter);
    this.composedOnly = composedOnly;
    this.dropBases = dropAfter.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.dropMarks = new UnicodeSet[dropBases.length];
    for (int i = 0; i < dropBases.length; i++) {
      dropMarks[i] = dropAfter.get(dropBases[i]);
    }
    UnicodeSet t = new UnicodeSet(letters.touched());
    dropAfter.values().forEach(t::addAll);
    this.touched = t.freeze();
  }

  @Override
  public UnicodeSet touched() {
    return touched;
  }

  /** What the letter map deletes (lucene: tatweel and the harakat); the dropped marks follow letters only. */
  @Override
  public UnicodeSet deletedAmongAscii() {
    return letters.deletedAmongAscii();
  }

  private UnicodeSet dropsAfter(int base) {
    for (int i = 0; i < dropBases.length; i++) {
      if (dropBases[i] == base) {
        return dropMarks[i];
      }
    }
    return null;
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private int base = -1;
      /** With composedOnly: the marks after a base with droppable marks, held until the base is closed. */
      private final int[] held = new int[MAX_HELD];
      private int heldCount;
      /**
       * With composedOnly: a starter this rule deleted came after the base (lucene's tatweel); marks after it
       * were never on the base in the input, so they are not candidates for dropping.
       */
      private boolean closed;
      private long changed;

      @Override
      public void put(int cp) {
        if (UnicodeData.isMark(cp)) {
          UnicodeSet drop = dropsAfter(base);
          if (drop != null && !(composedOnly && closed)) {
            if (!composedOnly) {
              if (drop.contains(cp)) {
                changed++;
                return;
              }
            } else {
              if (heldCount == MAX_HELD) {
                releaseHeld(drop);
              }
              held[heldCount++] = cp;
              return;
            }
          }
        }
        String to = letters.map(cp);
        if (to == null) {
          pass(cp);
        } else {
          if (composedOnly && to.isEmpty() && !UnicodeData.isMark(cp)) {
            if (heldCount > 0) {
              releaseHeld(dropsAfter(base));
            }
            closed = true;
          }
          changed++;
          for (int i = 0; i < to.length(); ) {
            int c = to.codePointAt(i);
            pass(c);
            i += Character.charCount(c);
          }
        }
      }

      @Override
      public boolean idle() {
        return heldCount == 0;
      }

      @Override
      public void reset() {
        base = -1;
        heldCount = 0;
        closed = false;
      }

      private void pass(int cp) {
        if (!UnicodeData.isMark(cp)) {
          // Only a base that is emitted closes the previous one: a base this rule deletes (tatweel under
          // lucene) leaves its marks to the letter before.
          if (heldCount > 0) {
            releaseHeld(dropsAfter(base));
          }
          closed = false;
          base = cp;
        }
        next.put(cp);
      }

      /**
       * Drops the one held mark that NFC composes with the base, and passes the others on, in order, through
       * the letter map. NFC composes the first droppable mark, in canonical order, that no earlier mark of
       * the same combining class blocks.
       */
      private void releaseHeld(UnicodeSet drop) {
        int composed = -1;
        for (int i = 0; i < heldCount; i++) {
          int ccc = UnicodeData.ccc(held[i]);
          if (!drop.contains(held[i]) || (composed >= 0 && ccc >= UnicodeData.ccc(held[composed]))) {
            continue;
          }
          boolean blocked = false;
          for (int j = 0; j < i && !blocked; j++) {
            blocked = UnicodeData.ccc(held[j]) == ccc;
          }
          if (!blocked) {
            composed = i;
          }
        }
        int n = heldCount;
        heldCount = 0;
        for (int i = 0; i < n; i++) {
          if (i == composed) {
            changed++;
            continue;
          }
          String to = letters.map(held[i]);
          if (to == null) {
            next.put(held[i]);
          } else {
            changed++;
            emit(to);
          }
        }
      }

      @Override
      public void end() {
        if (heldCount > 0) {
          releaseHeld(dropsAfter(base));
        }
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
