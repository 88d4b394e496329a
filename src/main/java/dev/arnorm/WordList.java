package dev.arnorm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The dictionary of the correction steps: the 108k Arabic stems of the ayaspell Hunspell dictionary
 * (MPL 1.1), loaded on first use from a generated, gzip-compressed resource. {@link #isWord} also accepts a
 * stem with common proclitics and pronoun or inflection suffixes, which is enough to choose between the
 * spellings a correction step considers; it is not a spell checker.
 */
final class WordList {
  static final String RESOURCE = "ayaspell-stems.txt.gz";

  /** Proclitic combinations, longest first: conjunction, preposition, article. */
  static final List<String> PROCLITICS = List.of(
      "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "وب", "فب", "وك", "فك", "ول",
      "فل", "ال", "لل", "و", "ف", "ب", "ك", "ل");

  private static final List<String> SUFFIXES = List.of(
      "هما", "كما", "تما", "ونا", "هم", "هن", "كم", "كن", "نا", "ها", "ني", "ون", "ين", "ان", "ات", "وا", "تم",
      "تن", "ه", "ك", "ي", "ة", "ت", "ن", "ا");

  private WordList() {}

  private static final class Holder {
    static final Set<String> WORDS = load();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>(200_000);
    try (InputStream raw = WordList.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + RESOURCE);
      }
      BufferedReader r = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          words.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (words.size() < 100_000) {
      throw new IllegalStateException(RESOURCE + ": only " + words.size() + " words");
    }
    return words;
  }

  /** The number of stems (and the cost of loading them, on first call). */
  static int size() {
    return Holder.WORDS.size();
  }

  /** True for a stem of the dictionary, exactly as written (NFC). */
  static boolean isStem(String w) {
    return Holder.WORDS.contains(w);
  }

  /** True for a stem (NFC), or a stem with proclitics: the dictionary knows the word as written. */
  static boolean isKnown(String w) {
    Set<String> words = Holder.WORDS;
    if (words.contains(w)) {
      return true;
    }
    for (String p : PROCLITICS) {
      if (w.length() - p.length() >= 2 && w.startsWith(p) && words.contains(w.substring(p.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for a stem (NFC), or a stem with proclitics and a suffix: loose, for choosing between spellings
   * that differ in one letter, not for deciding that a word is correct.
   */
  static boolean isWord(String w) {
    Set<String> words = Holder.WORDS;
    if (words.contains(w) || withSuffix(words, w)) {
      return true;
    }
    for (String p : PROCLITICS) {
      if (w.length() - p.length() >= 2 && w.startsWith(p)) {
        String rest = w.substring(p.length());
        if (words.contains(rest) || withSuffix(words, rest)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean withSuffix(Set<String> words, String w) {
    for (String s : SUFFIXES) {
      if (w.length() - s.length() >= 2 && w.endsWith(s) && words.contains(w.substring(0, w.length() - s.length()))) {
        return true;
      }
    }
    return false;
  }
}
