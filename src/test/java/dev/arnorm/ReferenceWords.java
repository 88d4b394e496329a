package dev.arnorm;

import com.ibm.icu.text.Normalizer2;
import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.LexiconData;
import dev.arnorm.rules.OrthographyRule;
import dev.arnorm.rules.WordList;
import dev.arnorm.rules.WordStage;
import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-string versions of the word steps for the fused == reference law: the text is cut into words and
 * separators first, then decided word by word with the whole list in view (no streaming, no queue).
 */
final class ReferenceWords {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private ReferenceWords() {}

  /** Alternating separator, word, separator, ... (the first separator may be empty). */
  static List<String> tokens(String nfd) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    for (int cp : nfd.codePoints().toArray()) {
      boolean w = WordStage.isWordChar(cp) || (inWord && Reference.isMark(cp));
      if (w != inWord) {
        out.add(cur.toString());
        cur.setLength(0);
        inWord = w;
      }
      cur.appendCodePoint(cp);
    }
    out.add(cur.toString());
    if (!inWord) {
      out.add("");
    }
    return out; // even indexes: separators; odd: words
  }

  static String elongation(String nfd, ElongationRule rule) {
    StringBuilder sb = new StringBuilder();
    List<String> t = tokens(nfd);
    for (int i = 0; i < t.size(); i++) {
      String tok = t.get(i);
      if (i % 2 == 1 && tok.codePointCount(0, tok.length()) <= WordStage.MAX_WORD) {
        sb.append(NFD.normalize(rule.reduce(NFC.normalize(tok))));
      } else {
        sb.append(tok);
      }
    }
    return sb.toString();
  }

  /** Each word the table knows (NFC; harakat make it unknown, but for a final tanween fath) is corrected. */
  static String orthography(String nfd, OrthographyRule rule) {
    StringBuilder sb = new StringBuilder();
    List<String> t = tokens(nfd);
    for (int i = 0; i < t.size(); i++) {
      String right = i % 2 == 1 ? rule.correction(NFC.normalize(t.get(i))) : null;
      sb.append(right == null ? t.get(i) : NFD.normalize(right));
    }
    return sb.toString();
  }

  static String spelling(String nfd, Lexicon lexicon) {
    List<String> t = tokens(nfd);
    StringBuilder sb = new StringBuilder(t.get(0));
    String prev = null;
    int i = 1;
    while (i < t.size()) {
      String word = NFC.normalize(t.get(i));
      String sepBefore = t.get(i - 1);
      if (i > 1 && !sepBefore.equals(" ")) {
        prev = null;
      }
      if (i == 1) {
        prev = null;
      }
      // The words that follow across single spaces.
      List<String> chain = new ArrayList<>();
      chain.add(word);
      for (int j = i + 2; j < t.size() && t.get(j - 1).equals(" ") && chain.size() <= lexicon.data.maxWords(); j += 2) {
        chain.add(NFC.normalize(t.get(j)));
      }
      LexiconData.Entry hit = null;
      String hitPrefix = "";
      boolean harakat = word.codePoints().anyMatch(UnicodeData::isArabicMark);
      for (int split = 0; !harakat && split < word.length() - 1; split++) {
        String prefix = word.substring(0, split);
        if (split > 0 && !WordList.PROCLITICS.contains(prefix)) {
          continue;
        }
        for (LexiconData.Entry e : lexicon.data.startingWith(word.substring(split))) {
          boolean fits = (split == 0 || e.prefixes.contains(prefix)) && e.wrong.size() <= chain.size()
              && e.wrong.subList(1, e.wrong.size()).equals(chain.subList(1, e.wrong.size()))
              && e.allows(prev, chain.size() > e.wrong.size() ? chain.get(e.wrong.size()) : null);
          if (fits) {
            if (hit == null || e.wrong.size() > hit.wrong.size()) {
              hit = e;
              hitPrefix = prefix;
            }
            break;
          }
        }
      }
      String out = hit == null ? word : hitPrefix + hit.right;
      int used = hit == null ? 1 : hit.wrong.size();
      sb.append(NFD.normalize(out));
      int after = i + 2 * (used - 1) + 1;
      String sep = after < t.size() ? t.get(after) : "";
      sb.append(sep);
      String[] words = out.split(" ");
      prev = sep.equals(" ") ? words[words.length - 1] : null;
      i = after + 1;
    }
    return sb.toString();
  }
}
