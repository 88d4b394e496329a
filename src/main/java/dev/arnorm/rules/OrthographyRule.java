package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

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
    String d = decomposed(w);
    all.put(w, 0);
    if (d != w) {
      all.put(d, 0);
    }
    decomposed.add(d);
  }

  /**
   * The canonical decomposition (NFD) of {@code w}, a table word or one with a tanween fath added (BMP
   * only): each character's decomposition in turn, which is the NFD when no two marks in a row are out of
   * canonical order (a hamza on a letter and then a tanween fath are, and go to ICU). {@code w} itself when
   * nothing in it decomposes. Not ICU for every word: this runs when the step is first used, in the
   * interpreter.
   */
  static String decomposed(String w) {
    StringBuilder d = null;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      String parts = UnicodeData.decomposition(c);
      if (parts != null && d == null) {
        d = new StringBuilder(w.length() + 4).append(w, 0, i);
      }
      if (d != null) {
        if (parts != null) {
          d.append(parts);
        } else {
          d.append(c);
        }
      }
    }
    if (d == null) {
      return w;
    }
    for (int i = 1; i < d.length(); i++) {
      int before = UnicodeData.ccc(d.charAt(i - 1));
      int ccc = UnicodeData.ccc(d.charAt(i));
      if (ccc != 0 && before > ccc) {
        return UnicodeData.NFD.normalize(w);
      }
    }
    return d.toString();
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
    byte[] text;
    try (InputStream raw = OrthographyRule.class.getResourceAsStream("/dev/arnorm/" + RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + RESOURCE);
      }
      text = new GZIPInputStream(raw, 1 << 16).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Parsed by hand from the bytes, not by a Reader, readLine and substring: this runs when a pipeline with
    // the step starts, in the interpreter, and read that way the table took about three times as long. Every
    // letter of the table is two bytes of UTF-8 (U+0621..U+064A), which isEntry checks once decoded.
    Map<String, String> table = new HashMap<>(16_384);
    char[] word = new char[64];
    for (int at = 0; at < text.length; ) {
      int end = at;
      while (end < text.length && text[end] != '\n') {
        end++;
      }
      if (end > at && text[at] != '#') {
        int tab = at;
        while (tab < end && text[tab] != '\t') {
          tab++;
        }
        String wrong = twoByteWord(text, at, tab, word);
        String right = tab < end ? twoByteWord(text, tab + 1, end, word) : null;
        if (wrong == null || right == null || !isEntry(wrong, right) || table.put(wrong, right) != null) {
          throw new IllegalStateException(RESOURCE + ": not a new entry of two different Arabic words of the "
              + "same length: " + new String(text, at, end - at, StandardCharsets.UTF_8));
        }
      }
      at = end + 1;
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

  /**
   * The word {@code b[from, to)} when it is two-byte UTF-8 sequences only, decoded in {@code buf} (which it
   * fits), or null: the table's letters are all two bytes long, and {@link #isEntry} checks which they are.
   */
  private static String twoByteWord(byte[] b, int from, int to, char[] buf) {
    int n = (to - from) / 2;
    if (n == 0 || n > buf.length || (to - from) % 2 != 0) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      int b0 = b[from + 2 * i] & 0xFF;
      int b1 = b[from + 2 * i + 1] & 0xFF;
      if ((b0 & 0xE0) != 0xC0 || (b1 & 0xC0) != 0x80) {
        return null;
      }
      buf[i] = (char) ((b0 & 0x1F) << 6 | (b1 & 0x3F));
    }
    return new String(buf, 0, n);
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
