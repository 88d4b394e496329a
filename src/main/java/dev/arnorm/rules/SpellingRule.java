package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixes colloquial and common misspellings from a {@link LexiconData}: whole words and phrases, with the
 * proclitics an entry allows ({@code بشيئ} to {@code بشيء}) and its conditions on the neighbouring words.
 * Words carrying harakat are left alone (a vocalized text is deliberate). Phrases match only across single
 * spaces. When several entries match, the longest phrase wins, then the first in the file.
 */
public final class SpellingRule extends Rule {
  private static final UnicodeSet TOUCHED = new UnicodeSet().freeze();
  private static final int MAX_SEPARATOR = 256;
  /** {@link WordList#PROCLITICS} as a set: every split of a trigger word asks it. */
  private static final java.util.Set<String> PROCLITICS = java.util.Set.copyOf(WordList.PROCLITICS);

  public final LexiconData lexicon;
  /**
   * Every word that can start a match (an entry's first word, bare or with an allowed prefix), with how many
   * words after it an entry starting there looks at (see Rule#wordTriggers).
   */
  private final Map<String, Integer> spans;
  private final CharRangeSet triggerSet;
  /** Whether an entry looks at the word before it; if none does, words that start nothing pass straight on. */
  private final boolean looksBack;

  public SpellingRule(LexiconData lexicon) {
    super(StepId.SPELLING);
    this.lexicon = lexicon;
    Map<String, Integer> s = new HashMap<>();
    for (LexiconData.Entry e : lexicon.entries()) {
      String first = e.wrong.get(0);
      boolean next = e.conditions.containsKey("before") || e.conditions.containsKey("not-before");
      int span = e.wrong.size() - 1 + (next ? 1 : 0);
      s.merge(first, span, Math::max);
      for (String p : e.prefixes) {
        s.merge(p + first, span, Math::max);
      }
    }
    this.spans = Map.copyOf(s);
    this.triggerSet = CharRangeSet.of(spans.keySet());
    this.looksBack = lexicon.entries().stream()
        .anyMatch(e -> e.conditions.containsKey("after") || e.conditions.containsKey("not-after"));
  }

  @Override
  public Map<String, Integer> wordTriggers() {
    return spans;
  }

  @Override
  public boolean looksBack() {
    return looksBack;
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  private static boolean hasHarakat(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (UnicodeData.isArabicMark(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new WordStage(next) {
      /** Pending: word, separator, word, ...; always starts and ends with a word when not empty. */
      private final List<String> tokens = new ArrayList<>();
      /** The separator after the last pending word, still growing. */
      private final StringBuilder open = new StringBuilder();
      /** The last word emitted, while nothing but one space has followed it; else null. */
      private String prevWord;
      private int sinceWord;
      private long changed;

      @Override
      public boolean mayChange(int[] word, int len) {
        // With nothing pending, a plain word that starts no entry goes straight out (no String is made).
        return !tokens.isEmpty() || looksBack || !plain(word, len) || triggerSet.contains(word, len);
      }

      @Override
      public void word(String w) {
        if (!tokens.isEmpty()) {
          tokens.add(open.toString());
          open.setLength(0);
        }
        tokens.add(w);
        drain(false);
      }

      @Override
      public void other(int cp) {
        if (tokens.isEmpty()) {
          separatorOut(cp);
          return;
        }
        open.appendCodePoint(cp);
        if (open.length() > 1 || cp != ' ') {
          drain(false);
        }
      }

      /** The head's following words, as far as they are known; null when more input could extend them. */
      private List<String> chain(boolean atEnd) {
        List<String> words = new ArrayList<>();
        words.add(tokens.get(0));
        int i = 0;
        while (words.size() <= lexicon.maxWords()) {
          if (i + 1 < tokens.size()) {
            if (!tokens.get(i + 1).equals(" ")) {
              return words;
            }
            words.add(tokens.get(i + 2));
            i += 2;
          } else if (atEnd || open.length() > 1 || (open.length() == 1 && open.charAt(0) != ' ')
              || open.length() > MAX_SEPARATOR) {
            return words;
          } else {
            return null;
          }
        }
        return words;
      }

      private void drain(boolean atEnd) {
        while (!tokens.isEmpty()) {
          // A head that starts no entry is decided now, whatever follows: without this a run of such
          // words (vocalized text) kept the stage busy to the end of the line.
          String head = tokens.get(0);
          List<String> chain = startsNoEntry(head) ? List.of(head) : chain(atEnd);
          if (chain == null) {
            return;
          }
          decideHead(chain);
        }
        // Nothing pending: what is left of the open separator goes out now, in order.
        for (int i = 0; i < open.length(); ) {
          int cp = open.codePointAt(i); // a separator may hold astral marks: never split a pair
          separatorOut(cp);
          i += Character.charCount(cp);
        }
        open.setLength(0);
      }

      private void decideHead(List<String> chain) {
        Match m = match(chain);
        int consumed = m == null ? 1 : m.entry.wrong.size();
        String out = m == null ? chain.get(0) : m.prefix + m.entry.right;
        if (m != null) {
          // The words matched, and the single spaces between them: the entry's wrong words after the prefix.
          changed += m.prefix.length() + m.entry.wrongLength;
          counter.detail(step, m.entry.label(), 1);
        }
        emitText(out);
        prevWord = out.substring(out.lastIndexOf(' ') + 1);
        sinceWord = 0;
        for (int k = 0; k < consumed * 2 - 1; k++) {
          tokens.remove(0);
        }
        if (!tokens.isEmpty()) {
          String sep = tokens.remove(0);
          for (int i = 0; i < sep.length(); ) {
            int cp = sep.codePointAt(i);
            separatorOut(cp);
            i += Character.charCount(cp);
          }
        }
      }

      @Override
      public void beforeLongWord() {
        drain(true);
      }

      @Override
      public boolean idle() {
        return super.idle() && tokens.isEmpty() && open.length() == 0;
      }

      @Override
      public void reset() {
        super.reset();
        tokens.clear();
        open.setLength(0);
        prevWord = null;
        sinceWord = 0;
      }

      private void separatorOut(int cp) {
        if (cp != ' ' || sinceWord++ > 0) {
          prevWord = null;
        }
        next.put(cp);
      }

      private boolean startsNoEntry(String head) {
        return hasHarakat(head) || !spans.containsKey(head);
      }

      private Match match(List<String> chain) {
        String head = chain.get(0);
        if (startsNoEntry(head)) {
          return null;
        }
        Match best = null;
        for (int split = 0; split < head.length() - 1; split++) {
          String prefix = head.substring(0, split);
          if (split > 0 && !PROCLITICS.contains(prefix)) {
            continue;
          }
          for (LexiconData.Entry e : lexicon.startingWith(head.substring(split))) {
            if ((split > 0 && !e.prefixes.contains(prefix)) || e.wrong.size() > chain.size()
                || !e.wrong.subList(1, e.wrong.size()).equals(chain.subList(1, e.wrong.size()))) {
              continue;
            }
            String nextWord = chain.size() > e.wrong.size() ? chain.get(e.wrong.size()) : null;
            if (!e.allows(prevWord, nextWord)) {
              continue;
            }
            if (best == null || e.wrong.size() > best.entry.wrong.size()) {
              best = new Match(prefix, e);
            }
            break;
          }
        }
        return best;
      }

      @Override
      public void finish() {
        drain(true);
        counter.count(step, changed);
      }
    };
  }

  private static final class Match {
    final String prefix;
    final LexiconData.Entry entry;

    Match(String prefix, LexiconData.Entry entry) {
      this.prefix = prefix;
      this.entry = entry;
    }
  }
}
