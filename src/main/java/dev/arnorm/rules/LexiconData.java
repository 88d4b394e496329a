package dev.arnorm.rules;

import dev.arnorm.unicode.UnicodeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parsed lexicon behind the public {@code dev.arnorm.Lexicon}: the spelling step's data: entries that map a wrong spelling (one or more words) to the right one, with the
 * clitics they accept and the neighbouring words that must or must not be there; and counter-examples, text
 * that the {@code social} preset must leave alone. Immutable.
 *
 * <p>File format (UTF-8; see docs/lexicon.md): {@code #} starts a comment; {@code # version: V} names the
 * version; an entry is {@code WRONG<TAB>RIGHT<TAB>KIND[<TAB>CONDITIONS]}; a counter-example is
 * {@code !<TAB>TEXT}. WRONG and RIGHT are Arabic words separated by single spaces. KIND is one of
 * {@link #KINDS}. CONDITIONS are {@code key=value} pairs separated by {@code ;}: {@code prefixes=و,ف,ب,ل,ك,ال}
 * (the proclitics the first word may carry), {@code before=W|W}, {@code not-before=W|W}, {@code after=W|W},
 * {@code not-after=W|W} (the word right after or before, separated by one space).
 *
 * <p>Loading fails fast: a bad line throws {@link IllegalArgumentException} naming the source, the line
 * number and what is wrong.
 */
public final class LexiconData {
  /** The kinds of error an entry may fix. */
  public static final Set<String> KINDS = Set.of("colloquial", "hamza", "spacing", "misspelling");
  /** The proclitics an entry may allow, in the order they combine: conjunction, preposition, article. */
  public static final List<String> CLITICS = List.of("و", "ف", "ب", "ل", "ك", "ال");
  private static final Set<String> CONDITION_KEYS = Set.of("prefixes", "before", "not-before", "after", "not-after");
  /** The most words in an entry's WRONG or RIGHT: phrases are short, and a match is tried at every word. */
  public static final int MAX_WORDS = 8;
  /** The most letters in one word of an entry. */
  public static final int MAX_WORD_LENGTH = 40;
  private static final String BUILT_IN = "spelling-lexicon.txt";

  private final String version;
  private final List<Entry> entries;
  private final List<String> counterExamples;
  private final Map<String, List<Entry>> byFirstWord;
  private final int maxWords;

  private LexiconData(String version, List<Entry> entries, List<String> counterExamples) {
    this.version = version;
    this.entries = List.copyOf(entries);
    this.counterExamples = List.copyOf(counterExamples);
    Map<String, List<Entry>> index = new HashMap<>();
    int max = 1;
    for (Entry e : this.entries) {
      index.computeIfAbsent(e.wrong.get(0), k -> new ArrayList<>()).add(e);
      max = Math.max(max, e.wrong.size());
    }
    // Longer phrases first, then file order.
    index.values().forEach(l -> l.sort((a, b) -> b.wrong.size() - a.wrong.size()));
    index.replaceAll((k, v) -> List.copyOf(v));
    this.byFirstWord = Map.copyOf(index);
    this.maxWords = max;
    rejectChains();
  }

  /**
   * Rejects an entry whose RIGHT holds, as a word or a phrase, the WRONG of an entry: a second pass of the
   * spelling step would change the text again, and {@code social} would not be idempotent. Linear: each
   * RIGHT has at most {@link #MAX_WORDS} words, so at most 36 phrases to look up.
   */
  private void rejectChains() {
    Map<String, Entry> wrongs = new HashMap<>();
    for (Entry e : entries) {
      wrongs.putIfAbsent(String.join(" ", e.wrong), e);
    }
    for (Entry e : entries) {
      String[] words = e.right.split(" ");
      for (int from = 0; from < words.length; from++) {
        StringBuilder phrase = new StringBuilder();
        for (int to = from; to < words.length; to++) {
          if (to > from) {
            phrase.append(' ');
          }
          phrase.append(words[to]);
          Entry next = wrongs.get(phrase.toString());
          if (next != null) {
            throw new IllegalArgumentException("lexicon: the entry '" + String.join(" ", e.wrong) + "' (line "
                + e.line + ") gives '" + e.right + "', which the entry '" + phrase + "' (line " + next.line
                + ") would change again; entries may not chain, or the spelling step is not idempotent");
          }
        }
      }
    }
  }

  private static final class BuiltIn {
    static final LexiconData LEXICON = loadBuiltIn();
  }

  /**
   * The curated lexicon shipped with arnorm.
   *
   * @return the built-in lexicon
   */
  public static LexiconData builtIn() {
    return BuiltIn.LEXICON;
  }

  private static LexiconData loadBuiltIn() {
    try (InputStream in = LexiconData.class.getResourceAsStream("/dev/arnorm/" + BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + BUILT_IN);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in " + BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a lexicon; {@code source} names it in error messages.
   *
   * @param in the lexicon's text
   * @param source what to call the text in error messages (a file name)
   * @return the lexicon the text holds
   * @throws IllegalArgumentException for a bad line
   * @throws IOException if reading fails
   */
  public static LexiconData parse(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    BufferedReader r = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    String version = "unversioned";
    List<Entry> entries = new ArrayList<>();
    List<String> counter = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("# version:")) {
        version = line.substring("# version:".length()).trim();
        continue;
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f[0].equals("!")) {
        if (f.length != 2 || f[1].isBlank()) {
          throw bad(source, n, "a counter-example is '!', a tab, and the text");
        }
        counter.add(UnicodeData.NFC.normalize(f[1]));
        continue;
      }
      if (f.length < 3 || f.length > 4) {
        throw bad(source, n, "expected WRONG<TAB>RIGHT<TAB>KIND[<TAB>CONDITIONS], found " + f.length + " field"
            + (f.length == 1 ? "" : "s"));
      }
      String wrong = UnicodeData.NFC.normalize(f[0].trim());
      String right = UnicodeData.NFC.normalize(f[1].trim());
      checkPhrase(wrong, "WRONG", f[0], source, n);
      checkPhrase(right, "RIGHT", f[1], source, n);
      if (wrong.equals(right)) {
        throw bad(source, n, "WRONG and RIGHT are the same");
      }
      String kind = f[2].trim();
      if (!KINDS.contains(kind)) {
        throw bad(source, n, "unknown kind '" + kind + "'; valid kinds: " + String.join(", ", sorted(KINDS)));
      }
      Entry e = new Entry(List.of(wrong.split(" ")), right, kind, n);
      if (f.length == 4 && !f[3].isBlank()) {
        parseConditions(e, f[3], source, n);
      }
      String key = wrong + "\u0000" + e.conditionKey();
      Integer first = seen.putIfAbsent(key, n);
      if (first != null) {
        throw bad(source, n, "duplicate entry '" + wrong + "' (first at line " + first + ")");
      }
      entries.add(e);
    }
    return new LexiconData(version, entries, counter);
  }

  private static void parseConditions(Entry e, String field, String source, int n) {
    for (String part : field.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
      if (eq < 0 || !CONDITION_KEYS.contains(key)) {
        throw bad(source, n, "unknown condition '" + part.trim() + "'; valid: " + String.join(", ", sorted(CONDITION_KEYS))
            + " (as key=value)");
      }
      String value = part.substring(eq + 1).trim();
      if (key.equals("prefixes")) {
        for (String p : value.split(",")) {
          String c = p.trim();
          if (!CLITICS.contains(c)) {
            throw bad(source, n, "unknown prefix '" + c + "'; valid prefixes: " + String.join(",", CLITICS));
          }
          e.clitics.add(c);
        }
        continue;
      }
      Set<String> words = new java.util.HashSet<>();
      for (String w : value.split("\\|")) {
        String nw = UnicodeData.NFC.normalize(w.trim());
        if (wordsIn(nw) != 1) {
          throw bad(source, n, "condition " + key + ": '" + w + "' is not one Arabic word");
        }
        words.add(nw);
      }
      e.conditions.put(key, Set.copyOf(words));
    }
    e.prefixes = prefixCombinations(e.clitics);
  }

  /** The proclitic strings allowed by a set of clitics: conjunction, then preposition, then article. */
  public static Set<String> prefixCombinations(Set<String> clitics) {
    Set<String> out = new java.util.HashSet<>();
    for (String c : new String[] {"", "و", "ف"}) {
      for (String p : new String[] {"", "ب", "ل", "ك"}) {
        for (String a : new String[] {"", "ال"}) {
          if ((!c.isEmpty() && !clitics.contains(c)) || (!p.isEmpty() && !clitics.contains(p))
              || (!a.isEmpty() && !clitics.contains(a)) || (p.equals("ل") && a.equals("ال"))) {
            continue;
          }
          if (!(c + p + a).isEmpty()) {
            out.add(c + p + a);
          }
        }
      }
    }
    return Set.copyOf(out);
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    Collections.sort(l);
    return l;
  }

  /** An entry's phrase: Arabic words of letters only, single spaces between, within the limits. */
  private static void checkPhrase(String phrase, String field, String raw, String source, int line) {
    int words = wordsIn(phrase);
    if (words < 0) {
      throw bad(source, line, field + " '" + shorten(raw) + "' must be Arabic words (letters only) separated by"
          + " single spaces, of at most " + MAX_WORD_LENGTH + " letters each");
    }
    if (words > MAX_WORDS) {
      throw bad(source, line, field + " has " + words + " words; at most " + MAX_WORDS);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }

  /**
   * The number of words of {@code s} when it is Arabic letters (U+0621..U+063A, U+0641..U+064A,
   * U+0671..U+06D3) in words of at most {@link #MAX_WORD_LENGTH}, separated by single spaces; else -1. A
   * loop, not a regular expression: a pattern with a repeated group recursed once per word, and a phrase of
   * thousands of words overflowed the stack.
   */
  public static int wordsIn(String s) {
    int words = 0;
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (length == 0) {
          return -1; // leading or double space
        }
        length = 0;
        continue;
      }
      boolean letter = (c >= '\u0621' && c <= '\u063A') || (c >= '\u0641' && c <= '\u064A')
          || (c >= '\u0671' && c <= '\u06D3');
      if (!letter || ++length > MAX_WORD_LENGTH) {
        return -1;
      }
      if (length == 1) {
        words++;
      }
    }
    return length == 0 ? -1 : words;
  }

  public static IllegalArgumentException bad(String source, int line, String what) {
    return new IllegalArgumentException("lexicon " + source + " line " + line + ": " + what);
  }

  /**
   * This lexicon with the entries and counter-examples of {@code other} added; an entry of {@code other}
   * replaces one of this lexicon with the same wrong form.
   *
   * @param other the lexicon whose entries win
   * @return a lexicon with the entries of both
   */
  public LexiconData plus(LexiconData other) {
    Objects.requireNonNull(other, "other");
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (Entry e : entries) {
      merged.put(String.join(" ", e.wrong), e);
    }
    for (Entry e : other.entries) {
      merged.put(String.join(" ", e.wrong), e);
    }
    List<String> counter = new ArrayList<>(counterExamples);
    counter.addAll(other.counterExamples);
    return new LexiconData(version + "+" + other.version, new ArrayList<>(merged.values()), counter);
  }

  /**
   * The version named in the file's {@code # version:} line.
   *
   * @return the version its header gives
   */
  public String version() {
    return version;
  }

  /**
   * The number of entries.
   *
   * @return the number of entries
   */
  public int size() {
    return entries.size();
  }

  /**
   * Text that the {@code social} preset must leave unchanged.
   *
   * @return the counter-examples, in file order
   */
  public List<String> counterExamples() {
    return counterExamples;
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Entry> startingWith(String word) {
    return byFirstWord.getOrDefault(word, List.of());
  }

  public int maxWords() {
    return maxWords;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LexiconData && ((LexiconData) o).entries.equals(entries)
        && ((LexiconData) o).counterExamples.equals(counterExamples);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** The version and the number of entries. */
  @Override
  public String toString() {
    return "Lexicon[" + version + ", " + entries.size() + " entries]";
  }

  /** One line of the lexicon. */
  public static final class Entry {
    public final List<String> wrong;
    public final String right;
    public final String kind;
    public final int line;
    public final Set<String> clitics = new java.util.HashSet<>();
    public Set<String> prefixes = Set.of();
    public final Map<String, Set<String>> conditions = new HashMap<>();

    /** {@link #label}, made once: statistics ask for it at every correction. */
    private final String label;
    /** How many code points the wrong words take, with one space between them. */
    public final int wrongLength;

    Entry(List<String> wrong, String right, String kind, int line) {
      this.wrong = wrong;
      this.right = right;
      this.kind = kind;
      this.line = line;
      String w = String.join(" ", wrong);
      this.label = w + " → " + right;
      this.wrongLength = w.codePointCount(0, w.length());
    }

    /** The label used by statistics: {@code "wrong → right"}. */
    public String label() {
      return label;
    }

    public String conditionKey() {
      return new java.util.TreeMap<>(conditions).toString();
    }

    public boolean allows(String prevWord, String nextWord) {
      return test("after", prevWord, true) && test("not-after", prevWord, false)
          && test("before", nextWord, true) && test("not-before", nextWord, false);
    }

    private boolean test(String key, String word, boolean required) {
      Set<String> words = conditions.get(key);
      if (words == null) {
        return true;
      }
      boolean present = word != null && words.contains(word);
      return required == present;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Entry)) {
        return false;
      }
      Entry e = (Entry) o;
      return wrong.equals(e.wrong) && right.equals(e.right) && kind.equals(e.kind)
          && clitics.equals(e.clitics) && conditions.equals(e.conditions);
    }

    @Override
    public int hashCode() {
      return Objects.hash(wrong, right);
    }
  }
}
