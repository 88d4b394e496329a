package dev.arnorm.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The dictionary of the correction steps: the 108k Arabic stems of the ayaspell Hunspell dictionary
 * (MPL 1.1), loaded on first use from a generated, gzip-compressed resource. {@link #score} also knows a
 * stem with common proclitics and pronoun or inflection suffixes, which is enough to choose between the
 * spellings a correction step considers; it is not a spell checker.
 *
 * <p>A step that runs after letter folds (elongation inside {@code search}) sees folded words, and asks a
 * {@linkplain #folded folded copy} of the dictionary: every stem and affix folded by the same steps.
 */
public final class WordList {
  public static final String RESOURCE = "ayaspell-stems.txt.gz";

  /** Proclitic combinations, longest first: conjunction, preposition, article. */
  public static final List<String> PROCLITICS = List.of(
      "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "وب", "فب", "وك", "فك", "ول",
      "فل", "ال", "لل", "و", "ف", "ب", "ك", "ل");

  /** Pronoun and inflection suffixes, and the nisba endings (عراقيين is عراق + يين), longest first. */
  private static final List<String> SUFFIXES = List.of(
      "هما", "كما", "تما", "ونا", "يين", "يون", "يات", "هم", "هن", "كم", "كن", "نا", "ها", "ني", "ون", "ين",
      "ان", "ات", "وا", "تم", "تن", "ية", "ه", "ك", "ي", "ة", "ت", "ن", "ا");

  /**
   * The proclitics of the correction steps' dictionary: {@link #PROCLITICS} and the vocative يا, which
   * comments write joined to the word it calls ({@code يارب}).
   */
  private static final List<String> WORD_PROCLITICS = withVocative();

  private static List<String> withVocative() {
    List<String> all = new ArrayList<>(PROCLITICS);
    all.add("يا");
    all.sort((a, b) -> b.length() - a.length()); // stable: longest first, as given within a length
    return List.copyOf(all);
  }

  private final WordSet words;
  private final List<String> proclitics;
  private final List<String> suffixes;

  private WordList(WordSet words, List<String> proclitics, List<String> suffixes) {
    this.words = words;
    this.proclitics = proclitics;
    this.suffixes = suffixes;
  }

  private static final class Holder {
    static final WordList PLAIN = new WordList(load(), WORD_PROCLITICS, SUFFIXES);
  }

  /** The dictionary as written. */
  public static WordList plain() {
    return Holder.PLAIN;
  }

  /**
   * The dictionary with every stem, proclitic and suffix passed through {@code fold}: what the words look
   * like after the steps that fold letters. Affixes keep their order, longest first.
   */
  public WordList folded(ElongationRule.LetterFold fold) {
    // A stem the folds make one letter repeated (أإ) is no word to elongate towards.
    WordSet folded = words.folded(fold, (text, from, to) -> !oneLetter(text, from, to));
    return new WordList(folded, foldAll(proclitics, fold), foldAll(suffixes, fold));
  }

  private static boolean oneLetter(char[] w, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (w[i] != w[from]) {
        return false;
      }
    }
    return true;
  }

  private static List<String> foldAll(List<String> affixes, UnaryOperator<String> fold) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : affixes) {
      out.add(fold.apply(a));
    }
    List<String> sorted = new ArrayList<>(out);
    sorted.sort((a, b) -> b.length() - a.length()); // stable: the given order within a length
    return List.copyOf(sorted);
  }

  private static WordSet load() {
    WordSet words = WordSet.ofGzipResource(RESOURCE);
    if (words.size() < 100_000) {
      throw new IllegalStateException(RESOURCE + ": only " + words.size() + " words");
    }
    return words;
  }

  /** The number of stems (and the cost of loading them, on first call). */
  public static int size() {
    return Holder.PLAIN.words.size();
  }

  /** True for a stem of the dictionary as written, exactly (NFC). */
  public static boolean isStem(String w) {
    return Holder.PLAIN.words.contains(w);
  }

  /** True for a stem of this list as it stands (folded, for a folded list). */
  public boolean hasStem(String w) {
    return words.contains(w);
  }

  /** The proclitics of this list (folded, for a folded list), longest first. */
  public List<String> proclitics() {
    return proclitics;
  }

  /**
   * True for a stem (NFC), or a stem with proclitics: the dictionary knows the word as written. A split
   * inside a run of three equal letters is no split: {@code اللله} is not {@code ال} + {@code له}, since
   * Arabic never writes three lams in a row (ل + ال + لـ is written لل).
   */
  public boolean isKnown(String w) {
    if (words.contains(w)) {
      return true;
    }
    for (String p : proclitics) {
      int k = p.length();
      if (w.length() - k >= 2 && w.startsWith(p) && !insideRun(w, k) && words.contains(w.substring(k))) {
        return true;
      }
    }
    return false;
  }

  /** True when the boundary before index {@code k} falls inside a run of three equal characters. */
  public static boolean insideRun(String w, int k) {
    if (k <= 0 || k >= w.length() || w.charAt(k - 1) != w.charAt(k)) {
      return false;
    }
    return (k >= 2 && w.charAt(k - 2) == w.charAt(k)) || (k + 1 < w.length() && w.charAt(k + 1) == w.charAt(k));
  }

  /** {@link #score}: not a word. */
  public static final int UNKNOWN = 0;
  /** {@link #score}: a stem with a one-letter suffix (and maybe proclitics). */
  public static final int WITH_SHORT_SUFFIX = 1;
  /** {@link #score}: a stem with a suffix of two letters or more (and maybe proclitics). */
  public static final int WITH_SUFFIX = 2;
  /** {@link #score}: a stem after proclitics. */
  public static final int WITH_PROCLITIC = 3;
  /** {@link #score}: a stem. */
  public static final int STEM = 4;

  /**
   * How directly the dictionary knows {@code w}: {@link #STEM}, {@link #WITH_PROCLITIC}, {@link #WITH_SUFFIX},
   * {@link #WITH_SHORT_SUFFIX} or {@link #UNKNOWN}. For choosing between two spellings of a stretched word:
   * the one known more directly wins. When {@code w} holds a doubled letter ending at {@code pairEnd} (or -1),
   * the second letter of the pair is never a whole one-letter suffix ({@code جداا} is not {@code جدا} +
   * {@code ا}), while a longer suffix may begin with it ({@code السوريين} is {@code السوري} + {@code ين}), and
   * the pair is never split between the vocative and the stem ({@code يااه} is not {@code يا} + {@code اه}).
   */
  public int score(String w, int pairEnd) {
    if (words.contains(w)) {
      return STEM;
    }
    int best = suffixScore(w, pairEnd);
    for (String p : proclitics) {
      int k = p.length();
      // A pair is not split between the vocative and the stem: يااه is no يا + اه (a conjunction may: و + ولي).
      if (w.length() - k >= 2 && w.startsWith(p) && !insideRun(w, k) && !(k == pairEnd - 1 && p.equals("يا"))) {
        String rest = w.substring(k);
        if (words.contains(rest)) {
          return WITH_PROCLITIC;
        }
        best = Math.max(best, suffixScore(rest, pairEnd < 0 ? -1 : pairEnd - k));
      }
    }
    return best;
  }

  private int suffixScore(String w, int pairEnd) {
    int best = UNKNOWN;
    for (String s : suffixes) {
      int stem = w.length() - s.length();
      if (stem >= 2 && w.endsWith(s) && !(s.length() == 1 && stem == pairEnd - 1)
          && words.contains(w.substring(0, stem))) {
        if (s.length() > 1) {
          return WITH_SUFFIX;
        }
        best = WITH_SHORT_SUFFIX;
      }
    }
    return best;
  }

  /**
   * True for two words written together, each a stem of three letters or more, or such a stem after
   * proclitics: {@code الحمدلله} ({@code الحمد} + {@code لله}). For choosing a spelling, never on its own.
   */
  public boolean isTwoWords(String w) {
    for (int k = 3; k <= w.length() - 3; k++) {
      if (isLongKnown(w.substring(0, k)) && isLongKnown(w.substring(k))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #isKnown}, with a stem of three letters or more. */
  private boolean isLongKnown(String w) {
    if (w.length() >= 3 && words.contains(w)) {
      return true;
    }
    for (String p : proclitics) {
      int k = p.length();
      if (w.length() - k >= 3 && w.startsWith(p) && !insideRun(w, k) && words.contains(w.substring(k))) {
        return true;
      }
    }
    return false;
  }
}
