package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * Reduces a letter repeated three or more times for emphasis to the spelling that is a word, by the
 * dictionary ({@link WordList}):
 * <ol>
 *   <li>a word made of one letter only is an interjection or laughter, and becomes that letter three times
 *       ({@code ههههههه} to {@code ههه}, {@code خخخخ} to {@code خخخ});
 *   <li>a word the dictionary knows as written keeps its triple letter (Arabic has them: {@code تتتابع},
 *       {@code تشتتت});
 *   <li>otherwise each run becomes two letters where that makes a word ({@code مممكن} to {@code ممكن},
 *       {@code السورييين} to {@code السوريين}, {@code اللللله} to {@code الله}), else one
 *       ({@code جمييييل} to {@code جميل}); two known words written as one count as a word
 *       ({@code الحمدللله} to {@code الحمدلله});
 *   <li>when no reduction is a word (colloquial words, names, loanwords), every run becomes one letter
 *       ({@code كتيييير} to {@code كتير}).
 * </ol>
 * Only Arabic letters are touched: digits and Latin never ({@code 1000}, {@code sooo}), and a letter
 * written twice is not elongation ({@code الله}, {@code ممن}).
 *
 * <p>After steps that fold letters ({@code search} runs it after alef, ya, teh-marbuta, hamza and
 * persian-letters), the step sees folded words, and uses the dictionary folded the same way. There the folds
 * bring equal letters together in real words ({@code البيئية} is {@code البيييه}, {@code الفدائيين} is
 * {@code الفداييين}); a list of such words, taken from the wordfreq frequency list, keeps them whole.
 */
public final class ElongationRule extends Rule {
  public static final int HEH = 0x0647;
  private static final char LAM = '\u0644';
  /** Words in which letter folds make a run, as written (CC BY-SA 4.0, from wordfreq; see NOTICE). */
  public static final String FOLD_RUNS_RESOURCE = "elongation-fold-runs.txt";
  /**
   * Words with a letter twice in a row that are more frequent than with it once (CC BY-SA 4.0, from
   * wordfreq; see NOTICE): a stretched letter there stands for two.
   */
  public static final String DOUBLES_RESOURCE = "elongation-doubles.txt.gz";
  /** The steps that change letters inside words: the ones whose folds the dictionary must follow. */
  private static final Set<StepId> LETTER_FOLDS = EnumSet.of(
      StepId.ALEF, StepId.YA, StepId.TEH_MARBUTA, StepId.HAMZA, StepId.PERSIAN_LETTERS, StepId.LUCENE);
  private static final UnicodeSet TOUCHED = new UnicodeSet().freeze();
  private static final Map<List<StepId>, ElongationRule> BY_FOLDS = new ConcurrentHashMap<>();

  /** The letter folds that run before this step, in order; empty for the words as written. */
  private final List<StepId> folds;
  /** This rule's dictionary, once it needs one, held softly (see {@link Dictionary#shared}). */
  private volatile SoftReference<Dictionary> dictionary = new SoftReference<>(null);

  private ElongationRule(List<StepId> folds) {
    super(StepId.ELONGATION);
    this.folds = folds;
  }

  /** The rule for a step that runs after {@code before} (the pipeline's steps before it, in run order). */
  public static ElongationRule after(List<StepId> before) {
    List<StepId> folds = new ArrayList<>();
    for (StepId s : before) {
      if (LETTER_FOLDS.contains(s)) {
        folds.add(s);
      }
    }
    return BY_FOLDS.computeIfAbsent(List.copyOf(folds), ElongationRule::new);
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  /** The dictionary and the fold-made runs, folded as the words this rule sees; built on first use. */
  static final class Dictionary {
    /** The hamza folds: a word written without its hamza is still found. */
    private static final List<StepId> HAMZA_FOLDS = List.of(StepId.ALEF, StepId.HAMZA);

    final WordList words;
    /** Folded words with a run the folds made (empty without folds). */
    final Set<String> foldRuns;
    /** Words whose doubled letter is more frequent than the single one, folded as the words are. */
    final WordSet doubles;
    /**
     * For words as written: the hamza folds, and the dictionary folded by them (built when first asked),
     * for a word unknown as written ({@code انا} is {@code أنا}, {@code اكيد} is {@code أكيد}); null when the
     * words are folded already.
     */
    private final LetterFold looseFold;
    private volatile WordList loose;

    /**
     * The dictionaries made so far, one for each fold table (the 1,957 orders of the six letter folds make
     * 80 tables), held softly here and by the rules: the JVM keeps a soft reference in recent use while it
     * has memory to spare, so a pipeline at work keeps its dictionary, and one left idle is dropped when
     * memory runs short and made again when next asked. Held strongly, one for every order a process had
     * built (5.5 MB each), they had no bound: a helper's 1,500 random pipelines ran out of heap.
     */
    private static final Map<List<String>, Slot> SHARED = new ConcurrentHashMap<>();

    /**
     * The dictionary for words folded by {@code folds}: the one made for the same fold table if it is still
     * held. Two orders with one table make the same dictionary: every word of its resources is of letters
     * of the Arabic block alone, which the table folds (ElongationTest checks both).
     */
    static Dictionary shared(List<StepId> folds) {
      LetterFold fold = folds.isEmpty() ? null : letterFold(folds);
      List<String> key = fold == null ? List.of() : fold.tableKey();
      return SHARED.computeIfAbsent(key, k -> new Slot()).get(folds, fold);
    }

    /** One fold table's dictionary, made under this slot's lock (other tables' are made meanwhile). */
    private static final class Slot {
      private SoftReference<Dictionary> held = new SoftReference<>(null);

      synchronized Dictionary get(List<StepId> folds, LetterFold fold) {
        Dictionary d = held.get();
        if (d == null) {
          d = new Dictionary(folds, fold);
          held = new SoftReference<>(d);
        }
        return d;
      }
    }

    private Dictionary(List<StepId> folds, LetterFold fold) {
      if (folds.isEmpty()) {
        words = WordList.plain();
        foldRuns = Set.of();
        doubles = WordSet.ofGzipResource(DOUBLES_RESOURCE);
        looseFold = letterFold(HAMZA_FOLDS);
        return;
      }
      words = WordList.plain().folded(fold);
      Set<String> runs = new HashSet<>();
      for (String w : readList(FOLD_RUNS_RESOURCE)) {
        addFoldRun(runs, fold.apply(w));
      }
      foldRuns = Set.copyOf(runs);
      doubles = WordSet.ofGzipResource(DOUBLES_RESOURCE).folded(fold, (text, from, to) -> true);
      looseFold = null;
    }

    private WordList loose() {
      WordList l = loose;
      if (l == null) {
        synchronized (this) {
          l = loose;
          if (l == null) {
            l = words.folded(looseFold);
            loose = l;
          }
        }
      }
      return l;
    }

    /** Adds a folded word with a run, and the same without its proclitics (للتيئيس is لل + تيئيس). */
    private void addFoldRun(Set<String> runs, String folded) {
      if (!hasRun(folded, 0, folded.length())) {
        return;
      }
      runs.add(folded);
      for (String p : words.proclitics()) {
        if (folded.startsWith(p) && hasRun(folded, p.length(), folded.length())) {
          runs.add(folded.substring(p.length()));
        }
      }
    }

    /** {@link WordList#score} as written, or with the hamza folded ({@code loose}). */
    int score(String w, int pairEnd, boolean loose) {
      if (!loose) {
        return words.score(w, pairEnd);
      }
      String f = looseFold.apply(w);
      return f.length() == w.length() ? loose().score(f, pairEnd) : WordList.UNKNOWN;
    }
  }

  Dictionary dictionary() {
    Dictionary d = dictionary.get();
    if (d == null) {
      d = Dictionary.shared(folds); // two threads may both ask: they get the same one
      dictionary = new SoftReference<>(d);
    }
    return d;
  }

  /**
   * What {@code steps} make of a word, as a table over the Arabic block for words of letters without marks
   * (the dictionary's): folding 108k stems through the engine took 150 ms, through the table a few. A word
   * holding a mark or a character outside the block goes through the steps' stages ({@link #fold}). The letter folds map each such letter
   * alone, so the table gives what the engine gives (ElongationTest checks it on every stem).
   */
  public static LetterFold letterFold(List<StepId> steps) {
    String[] table = new String[0x100];
    for (int c = 0x0600; c < 0x0700; c++) {
      if (!UnicodeData.isMark(c)) {
        String one = String.valueOf((char) c);
        String f = foldAlone(steps, c);
        table[c - 0x0600] = f.equals(one) ? null : f;
      }
    }
    return new LetterFold(steps, table);
  }

  /** {@link #letterFold}: a word through a table over the Arabic block, or through the steps' stages. */
  public static final class LetterFold implements UnaryOperator<String> {
    private final List<StepId> steps;
    /** What a char of the Arabic block folds to, null for itself. */
    private final String[] table;

    /** {@link #charForChar}, or null. */
    private final char[] charForChar;

    private LetterFold(List<StepId> steps, String[] table) {
      this.steps = steps;
      this.table = table;
      char[] one = new char[0x100];
      for (int i = 0; one != null && i < one.length; i++) {
        char c = (char) (0x0600 + i);
        if (UnicodeData.isMark(c)) {
          one[i] = WordSet.UNDECIDED; // a mark that may compose: the rules decide
        } else if (table[i] == null) {
          one[i] = c;
        } else if (table[i].length() == 1 && table[i].charAt(0) != WordSet.UNDECIDED) {
          one[i] = table[i].charAt(0);
        } else {
          one = null;
        }
      }
      this.charForChar = one;
    }

    /** The table as a list, for keys: two folds with equal tables fold every word of the block alike. */
    List<String> tableKey() {
      return Collections.unmodifiableList(Arrays.asList(table));
    }

    /**
     * The table as one char for each char of the Arabic block ({@link WordSet#UNDECIDED} for a mark), or null
     * when a char of the block folds to more or fewer than one: what {@link WordSet#mapped} folds by.
     */
    char[] charForChar() {
      return charForChar;
    }

    @Override
    public String apply(String w) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (byRules(c)) {
          return fold(steps, w); // outside the table, or a mark that may compose: the rules decide
        }
        if (c >= 0x0600 && table[c - 0x0600] != null) { // the first char the table changes
          StringBuilder out = new StringBuilder(w.length()).append(w, 0, i);
          return foldInto(w.toCharArray(), i, w.length(), out) ? out.toString() : fold(steps, w);
        }
      }
      return w; // nothing to fold, nothing made
    }

    /** A char the table does not decide: outside the Arabic block, or a mark. */
    private static boolean byRules(char c) {
      return c >= 0x0700 || UnicodeData.isMark(c);
    }

    /**
     * Appends the fold of {@code w[from, to)} to {@code out} by the table; false when a char of it is
     * outside the table or a mark (the steps' stages decide the word), with {@code out} then holding part
     * of it. The dictionary folds its 108k stems through this without a String each.
     */
    boolean foldInto(char[] w, int from, int to, StringBuilder out) {
      for (int i = from; i < to; i++) {
        char c = w[i];
        if (byRules(c)) {
          return false;
        }
        String f = c < 0x0600 ? null : table[c - 0x0600]; // no letter fold touches what comes before the block
        if (f != null) {
          out.append(f);
        } else {
          out.append(c);
        }
      }
      return true;
    }
  }

  /**
   * What {@code steps} make of {@code cp} alone: their stages, fed its decomposition, into an NFC sink (as
   * the engine's chain does), without compiling an engine.
   */
  public static String foldAlone(List<StepId> steps, int cp) {
    return fold(steps, new String(Character.toChars(cp)));
  }

  /**
   * What {@code steps} make of the word {@code w}: their stages one after another, as the engine's chain
   * runs them unfused (what the engine gives too: fused equals step by step).
   */
  static String fold(List<StepId> steps, String w) {
    StringBuilder out = new StringBuilder();
    Stage head = new NfcSink(out);
    for (int i = steps.size() - 1; i >= 0; i--) {
      head = steps.get(i).rule().newStage(head, StepCounter.NONE);
    }
    String d = UnicodeData.NFD.normalize(w);
    for (int i = 0; i < d.length(); ) {
      int c = d.codePointAt(i);
      head.put(c);
      i += Character.charCount(c);
    }
    head.end();
    return out.toString();
  }

  /** The words of a resource file of this package, one a line, {@code #} lines skipped; gzip by name. */
  public static List<String> readList(String resource) {
    List<String> forms = new ArrayList<>();
    try (InputStream raw = ElongationRule.class.getResourceAsStream("/dev/arnorm/" + resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + resource);
      }
      InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          forms.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  /** True when {@code s[from, to)}, an NFC word, has a letter three times in a row. */
  public static boolean hasRun(CharSequence s, int from, int to) {
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

  /** True when {@code w} is one character repeated. */
  private static boolean oneLetter(String w) {
    for (int i = 1; i < w.length(); i++) {
      if (w.charAt(i) != w.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  /** The word with elongation reduced, or the word itself. */
  public String reduce(String w) {
    if (!hasRun(w, 0, w.length())) {
      return w;
    }
    if (oneLetter(w)) {
      return w.substring(0, 3);
    }
    Dictionary d = dictionary();
    if (d.words.isKnown(w) || madeByFolds(d, w)) {
      return w; // Arabic has real triples: تتتابع (ت + تتابع), تشتتت (تشتت + ت)
    }
    // Every run to one letter first; then, run by run from the end, two letters where that makes a word.
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
    String best = choose(d, one, runs, false);
    if (best == null && d.looseFold != null) {
      best = choose(d, one, runs, true); // unknown as written: written without its hamza?
    }
    if (best != null) {
      return best;
    }
    // No reduction is a word: colloquial words, names and loanwords the dictionary lacks (كتيييير, ايششش,
    // برافووووو). One letter was the right reading for 94% of such words in real tweets; leaving them
    // would lose those to avoid a few wrong ones (docs/steps/elongation.md has the counts).
    return one;
  }

  /**
   * From {@code one} (every run one letter), run by run from the end, two letters where that is the
   * better word; null when no choice is a word. {@code loose}: ask the dictionary with the hamza folded.
   */
  private static String choose(Dictionary d, String one, List<Integer> runs, boolean loose) {
    String best = one;
    int score = d.score(best, -1, loose);
    for (int k = runs.size() - 1; k >= 0; k--) {
      int at = runs.get(k);
      String two = doubled(best, at);
      if (d.doubles.contains(two)) {
        best = two; // more frequent with the letter twice (ممكن, اللجنة, السوريين)
        score = Math.max(score, WordList.WITH_SUFFIX);
        continue;
      }
      int twoScore = d.score(two, at + 2, loose);
      // Lam doubles most (the article before a lam, ل + ال, الله), and two words written as one hold a
      // doubled lam far more often than any other letter (الحمدلله): for lam, such a pair counts too.
      if (twoScore == WordList.UNKNOWN && two.charAt(at) == LAM && d.words.isTwoWords(two)) {
        twoScore = WordList.WITH_SUFFIX;
      }
      if (twoScore > score
          || (twoScore > WordList.UNKNOWN && articleLam(two, at) && !d.words.hasStem(best))) {
        best = two;
        score = twoScore;
      }
    }
    return score > WordList.UNKNOWN ? best : null;
  }

  /**
   * True when {@code w[at]} is a lam where the article meets a word that starts with lam, or ل meets the
   * article (ل + ال is written لل): at the start of the word, after its alef, or after the conjunction و or
   * ف. A stretched lam there stands for two whenever two make a word and one does not make a stem of the
   * dictionary as written ({@code الللي} is {@code اللي}, {@code الللورد} is {@code اللورد}, but
   * {@code الللذي} is {@code الذي}); elsewhere a single lam is stretched as often ({@code كللل} is {@code كل}).
   */
  private static boolean articleLam(String w, int at) {
    if (w.charAt(at) != LAM) {
      return false;
    }
    int i = at;
    if (i > 0 && w.charAt(i - 1) == '\u0627') {
      i--;
    }
    if (i > 0 && (w.charAt(i - 1) == '\u0648' || w.charAt(i - 1) == '\u0641')) {
      i--;
    }
    return i == 0;
  }

  /** A run the letter folds made in a real word: the word, or the word after a proclitic, is listed. */
  private static boolean madeByFolds(Dictionary d, String w) {
    if (d.foldRuns.isEmpty()) {
      return false;
    }
    if (d.foldRuns.contains(w)) {
      return true;
    }
    for (String p : d.words.proclitics()) {
      if (w.length() - p.length() >= 3 && w.startsWith(p) && d.foldRuns.contains(w.substring(p.length()))) {
        return true;
      }
    }
    return false;
  }

  private static String doubled(String s, int at) {
    return s.substring(0, at + 1) + s.substring(at);
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new WordStage(next) {
      private long changed;

      @Override
      public boolean mayChange(int[] word, int len) {
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
      public void word(String w) {
        String r = reduce(w);
        if (!r.equals(w)) {
          changed += w.length() - r.length();
          counter.detail(step, oneLetter(w) && w.charAt(0) == HEH ? "laughter" : "elongated words", 1);
        }
        emitText(r);
      }

      @Override
      public void finish() {
        counter.count(step, changed);
      }
    };
  }
}
