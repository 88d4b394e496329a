package dev.arnorm;

import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reduces a letter repeated three or more times for emphasis: to one letter, or to two when the dictionary
 * knows the word only with two. A word the dictionary knows as it is keeps its triple letter (Arabic has
 * them: {@code تتتابع}, {@code تشتتت}) ({@code مممتاز} to {@code ممتاز}, {@code جمييييل} to {@code جميل}). A word made
 * only of heh, the written laugh ({@code ههههههه}), becomes {@code ههه}. Only Arabic letters are touched:
 * digits and Latin never ({@code 1000}, {@code sooo}), and a letter written twice is not elongation
 * ({@code الله}, {@code ممن}).
 */
final class ElongationRule extends Rule {
  static final int HEH = 0x0647;
  static final String LAUGH = "ههه";
  /** When both one and two letters make a word, one wins, except for these. */
  static final Set<String> DOUBLE_WINS = Set.of("الله", "اللهم", "والله", "بالله", "لله", "فالله", "تالله");
  private static final UnicodeSet TOUCHED = new UnicodeSet().freeze();

  ElongationRule() {
    super(Step.ELONGATION);
  }

  @Override
  UnicodeSet touched() {
    return TOUCHED;
  }

  /** True when {@code s[from, to)}, an NFC word, has a letter three times in a row. */
  static boolean hasRun(CharSequence s, int from, int to) {
    int run = 1;
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      run = c == s.charAt(i - 1) && !UnicodeData.isMark(c) ? run + 1 : 1;
      if (run == 3) {
        return true;
      }
    }
    return false;
  }

  /** The word with elongation reduced, or the word itself. */
  static String reduce(String w) {
    if (!hasRun(w, 0, w.length())) {
      return w;
    }
    if (w.chars().allMatch(c -> c == HEH)) {
      return LAUGH;
    }
    if (WordList.isKnown(w)) {
      return w; // Arabic has real triples: تتتابع (ت + تتابع), تشتتت (تشتت + ت)
    }
    // Every run to one letter first; then, run by run from the end, two letters where only that makes a word.
    StringBuilder single = new StringBuilder();
    List<Integer> runs = new ArrayList<>();
    for (int i = 0; i < w.length(); ) {
      char c = w.charAt(i);
      int j = i;
      while (j < w.length() && w.charAt(j) == c) {
        j++;
      }
      if (j - i >= 3 && !UnicodeData.isMark(c)) {
        runs.add(single.length());
        single.append(c);
      } else {
        single.append(w, i, j);
      }
      i = j;
    }
    String one = single.toString();
    boolean oneIsWord = WordList.isWord(one);
    for (int k = runs.size() - 1; k >= 0; k--) {
      String two = doubled(one, runs.get(k));
      if ((!oneIsWord || DOUBLE_WINS.contains(two)) && WordList.isWord(two)) {
        return two;
      }
    }
    return one;
  }

  private static String doubled(String s, int at) {
    return s.substring(0, at + 1) + s.substring(at);
  }

  @Override
  Stage newStage(Stage next, StepCounter counter) {
    return new WordStage(next) {
      private long changed;

      @Override
      boolean mayChange(int[] word, int len) {
        if (!plain(word, len)) {
          return true; // decomposed: ئئئ arrives as (ي U+0654) three times; let the full check decide
        }
        int run = 1;
        for (int i = 1; i < len; i++) {
          run = word[i] == word[i - 1] && !UnicodeData.isMark(word[i]) ? run + 1 : 1;
          if (run == 3) {
            return true;
          }
        }
        return false;
      }

      @Override
      void word(String w) {
        String r = reduce(w);
        if (!r.equals(w)) {
          changed += w.length() - r.length();
          counter.detail(step, w.chars().allMatch(c -> c == HEH) ? "laughter" : "elongated words", 1);
        }
        emitText(r);
      }

      @Override
      void finish() {
        counter.count(step, changed);
      }
    };
  }
}
