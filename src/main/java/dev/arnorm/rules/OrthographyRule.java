package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link StepId#ORTHOGRAPHY} step: standard spelling for the word forms that comments write without a
 * hamza on an alef ({@code اكثر} to {@code أكثر}), with a final {@code ى} for {@code ي} ({@code التى}), a final
 * {@code ه} for {@code ة} ({@code الحكومه}) or a bare hamza seat. One lookup per word in a table of whole
 * word forms, derived offline from word frequencies by {@code src/build/generate-orthography-data.py}, which
 * decides each letter and holds the guards (docs/steps/orthography.md). Words with harakat are left alone,
 * except the tanween fath of a final alef ({@code ايضاً}, {@code ايضًا}), which plain text writes.
 *
 * <p>The table is read once, on first use, and checked: a line that is not two Arabic words of the same
 * length, or a correction that is itself corrected, fails the load (the step would not be idempotent).
 */
public final class OrthographyRule extends Rule {
  public static final String RESOURCE = "orthography-words.tsv.gz";
  private static final UnicodeSet TOUCHED = new UnicodeSet().freeze();
  private static final char ALEF = '\u0627';
  private static final char FATHATAN = '\u064B';

  /** The kinds of fix, as {@code --stats} counts them. */
  public static final String HAMZA_ON_ALEF = "hamza on alef";
  public static final String HAMZA_SEAT = "hamza seat";
  public static final String FINAL_YA = "final ya";
  public static final String TEH_MARBUTA = "teh marbuta";

  /** Wrong form to right form, both NFC. */
  private final Map<String, String> table;
  /**
   * The wrong forms, NFC and canonically decomposed, for the engine's fast scan and the word stage; a form
   * ending in alef also with a tanween fath on or before that alef.
   */
  private final Map<String, Integer> triggers;
  private final CharRangeSet decomposedTriggers;

  private OrthographyRule(Map<String, String> table) {
    super(StepId.ORTHOGRAPHY);
    this.table = table;
    // This runs when a pipeline with the step starts, mostly in the interpreter: one map and one set, and
    // ICU's NFD only for the words it changes (most wrong forms have no hamza letter).
    Map<String, Integer> all = new HashMap<>(table.size() * 4);
    List<String> decomposed = new ArrayList<>(table.size() * 2);
    for (String key : table.keySet()) {
      addForms(key, all, decomposed);
      int n = key.length();
      if (key.charAt(n - 1) == ALEF) {
        addForms(key + FATHATAN, all, decomposed);
        addForms(key.substring(0, n - 1) + FATHATAN + ALEF, all, decomposed);
      }
    }
    this.triggers = Collections.unmodifiableMap(all);
    this.decomposedTriggers = CharRangeSet.of(decomposed);
  }

  /** Adds word {@code w} and its canonical decomposition to the triggers, and the decomposition to the set. */
  private static void addForms(String w, Map<String, Integer> all, List<String> decomposed) {
    String d = decomposes(w) ? UnicodeData.NFD.normalize(w) : w;
    all.put(w, 0);
    if (d != w) {
      all.put(d, 0);
    }
    decomposed.add(d);
  }

  /** True when a character of {@code w} has a canonical decomposition (a table word: BMP only). */
  private static boolean decomposes(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (UnicodeData.decomposition(w.charAt(i)) != null) {
        return true;
      }
    }
    return false;
  }

  /** The built-in rule, its table loaded from the jar. */
  public static OrthographyRule builtIn() {
    return new OrthographyRule(load());
  }

  /**
   * The correction of {@code word} (NFC), or null when the table has none. A tanween fath on or before a
   * final alef is set aside for the lookup and put back where it was.
   */
  public String correction(String word) {
    int at = fathatanAt(word);
    if (at < 0) {
      return table.get(word);
    }
    String right = table.get(word.substring(0, at) + word.substring(at + 1));
    return right == null ? null : right.substring(0, at) + FATHATAN + right.substring(at);
  }

  /** Where a word's one mark is a tanween fath on or before its final alef; else -1. */
  private static int fathatanAt(String w) {
    int n = w.length();
    int at = n >= 3 && w.charAt(n - 1) == FATHATAN && w.charAt(n - 2) == ALEF ? n - 1
        : n >= 3 && w.charAt(n - 2) == FATHATAN && w.charAt(n - 1) == ALEF ? n - 2
        : -1;
    return at >= 0 && w.indexOf(FATHATAN) == at ? at : -1;
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  @Override
  public Map<String, Integer> wordTriggers() {
    return triggers; // a decision looks at the word alone: span 0
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new WordStage(next) {
      private long changed;

      @Override
      public boolean mayChange(int[] word, int len) {
        // The word arrives decomposed (أ is ا + U+0654): its own hamza marks are part of it, harakat are not.
        return decomposedTriggers.contains(word, len);
      }

      @Override
      public void word(String w) {
        String right = correction(w);
        if (right == null) {
          emitText(w);
          return;
        }
        changed += countKinds(w, right, counter);
        emitText(right);
      }

      @Override
      public void finish() {
        counter.count(step, changed);
      }
    };
  }

  /** Counts each changed letter under its kind; returns how many code points changed. */
  private long countKinds(String wrong, String right, StepCounter counter) {
    long n = 0;
    for (int i = 0; i < wrong.length(); i++) {
      char r = right.charAt(i);
      if (wrong.charAt(i) == r) {
        continue;
      }
      n++;
      String kind = r == '\u0623' || r == '\u0625' || r == '\u0622' ? HAMZA_ON_ALEF
          : r == '\u0624' || r == '\u0626' ? HAMZA_SEAT
          : r == '\u0629' ? TEH_MARBUTA
          : FINAL_YA;
      counter.detail(step, kind, 1);
    }
    return n;
  }

  private static Map<String, String> load() {
    Map<String, String> table = new HashMap<>(16_384);
    for (String line : ElongationRule.readList(RESOURCE)) {
      int tab = line.indexOf('\t');
      String wrong = tab < 0 ? line : line.substring(0, tab);
      String right = tab < 0 ? "" : line.substring(tab + 1);
      if (!isEntry(wrong, right) || table.put(wrong, right) != null) {
        throw new IllegalStateException(RESOURCE + ": not a new entry of two different Arabic words of the "
            + "same length: " + line);
      }
    }
    for (Map.Entry<String, String> e : table.entrySet()) {
      if (table.containsKey(e.getValue())) {
        throw new IllegalStateException(RESOURCE + ": the correction of " + e.getKey() + ", "
            + e.getValue() + ", is itself corrected");
      }
    }
    if (table.size() < 1000) {
      throw new IllegalStateException(RESOURCE + ": only " + table.size() + " entries");
    }
    return Collections.unmodifiableMap(table);
  }

  /** Two different words of Arabic letters (no tatweel, no mark), of the same length, in NFC. */
  public static boolean isEntry(String wrong, String right) {
    if (wrong.isEmpty() || wrong.length() != right.length() || wrong.equals(right)) {
      return false;
    }
    for (int i = 0; i < wrong.length(); i++) {
      if (!isTableLetter(wrong.charAt(i)) || !isTableLetter(right.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTableLetter(char c) {
    return (c >= '\u0621' && c <= '\u063A') || (c >= '\u0641' && c <= '\u064A');
  }
}
