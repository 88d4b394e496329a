package dev.arnorm.rules;

import dev.arnorm.unicode.UnicodeData;

/**
 * A stage that works on whole Arabic words: it gathers the code points of a word (Arabic letters and
 * marks, canonically decomposed as they arrive) and hands the word to {@link #word}, passing everything
 * else through. A word longer than {@link #MAX_WORD} code points is passed through untouched.
 */
public abstract class WordStage extends Stage {
  public static final int MAX_WORD = 128;

  private final int[] buf = new int[MAX_WORD];
  private int len;
  private boolean overflow;

  public WordStage(Stage next) {
    super(next);
  }

  /** Arabic letters (general category L in the Arabic blocks, except tatweel) and Arabic marks. */
  public static boolean isWordChar(int cp) {
    return UnicodeData.isArabicLetter(cp) || UnicodeData.isArabicMark(cp);
  }

  /**
   * True when {@code cp} belongs to the word: a word character, or any combining mark once a word has
   * started (so that where a word ends does not depend on the order of its marks).
   */
  public static boolean continuesWord(int cp, boolean inWord) {
    return isWordChar(cp) || (inWord && UnicodeData.isMark(cp));
  }

  @Override
  public final void put(int cp) {
    if (continuesWord(cp, len > 0 || overflow)) {
      if (overflow) {
        next.put(cp);
      } else if (len == MAX_WORD) {
        beforeLongWord();
        for (int i = 0; i < len; i++) {
          next.put(buf[i]);
        }
        len = 0;
        overflow = true;
        next.put(cp);
      } else {
        buf[len++] = cp;
      }
      return;
    }
    finishWord();
    overflow = false;
    other(cp);
  }

  @Override
  public boolean idle() {
    return len == 0;
  }

  @Override
  public void reset() {
    len = 0;
    overflow = false;
  }

  /**
   * The next code point is a blank or a line break: finishes the open word now, exactly as that code point
   * will when it arrives. Lets the engine find the chain idle before a space rather than only after it.
   */
  public final void boundary() {
    finishWord();
    overflow = false;
  }

  private void finishWord() {
    if (len > 0) {
      int n = len;
      len = 0;
      if (!mayChange(buf, n)) {
        for (int i = 0; i < n; i++) {
          next.put(buf[i]);
        }
        return;
      }
      // A word of plain characters (most words: no mark, nothing that composes) is its own NFC; ICU only for
      // the others (a trigger word on every word of a line spent a fifth of its time in ICU's normal forms).
      String w = new String(buf, 0, n);
      word(UnicodeData.allPlain(buf, 0, n) ? w : UnicodeData.NFC.normalize(w));
    }
  }

  /**
   * A cheap first look at a word, before it is turned into a String: false when the stage certainly passes
   * it through unchanged. Most words of a text need nothing.
   */
  public boolean mayChange(int[] word, int len) {
    return true;
  }

  /** True when the word holds no mark, so that its NFD code points are also its NFC form. */
  public static boolean plain(int[] word, int len) {
    for (int i = 0; i < len; i++) {
      if (UnicodeData.isMark(word[i])) {
        return false;
      }
    }
    return true;
  }

  /** A complete word, in NFC. Implementations emit it, changed or not, with {@link #emit(String)}. */
  public abstract void word(String w);

  /**
   * A word longer than {@link #MAX_WORD} has begun, and its code points are about to go straight on:
   * whatever the stage holds back must go out first, decided as if no word followed it (a long word
   * matches no entry and names no condition). Nothing to do by default.
   */
  public void beforeLongWord() {}

  /** A code point between words; passed on by default. */
  public void other(int cp) {
    next.put(cp);
  }

  /** Called at the end, after the last word was handed over. */
  public void finish() {}

  @Override
  public final void end() {
    finishWord();
    finish();
    next.end();
  }

  /** Emits {@code s} (NFC or not) decomposed, the form the chain works in. */
  public final void emitText(String s) {
    if (UnicodeData.allPlain(s)) {
      emit(s); // its own NFD
      return;
    }
    // The few words a text has with a hamza letter or a mark come back again and again (أن, إلى, and each
    // correction): their decompositions are kept in a small table by hash rather than asked of ICU each time.
    int slot = s.hashCode() & (DECOMPOSED - 1);
    String d = decomposedOf[slot];
    if (d == null || !s.equals(composedOf[slot])) {
      d = UnicodeData.NFD.normalize(s);
      composedOf[slot] = s;
      decomposedOf[slot] = d;
    }
    emit(d);
  }

  /** The size of the table of recent decompositions ({@link #emitText}): a power of two. */
  private static final int DECOMPOSED = 64;
  private final String[] composedOf = new String[DECOMPOSED];
  private final String[] decomposedOf = new String[DECOMPOSED];
}
