package dev.arnorm;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.engine.PipelineOrder;
import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.OrthographyRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive implementation of every step, written independently of the engine: each step works on
 * a whole NFD string, cluster by cluster, with regexes and plain loops, and the pipeline normalizes to NFC
 * between steps. The engine must give exactly what this gives.
 */
final class Reference {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
  private static final UnicodeSet ARABIC_MN = new UnicodeSet(
      "[[:Mn:]&[[:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]"
          + "[:Block=Arabic_Extended_B:][:Block=Arabic_Extended_C:]]]").freeze();

  /** What a tatweel joins to: letters of the Arabic script or blocks, presentation forms included. */
  private static final UnicodeSet ARABIC_LETTER = new UnicodeSet(
      "[[[:sc=Arabic:][:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]]&[:L:]"
          + "-[\\u0640]]").freeze();

  private Reference() {}

  static String apply(List<Step> steps, String text) {
    if (steps.stream().allMatch(step -> step == Step.LUCENE)) {
      return luceneOnCodeUnits(text); // alone, lucene works on the text as written (Step.LUCENE)
    }
    String s = NFC.normalize(text);
    // The one ordering rule of the engine, documented on PipelineOrder.runOrder; everything else is independent.
    List<Step> order = Steps.of(PipelineOrder.runOrder(Steps.kinds(steps)));
    for (int k = 0; k < order.size(); k++) {
      Step step = order.get(k);
      String nfd = NFD.normalize(s);
      String out;
      if (step == Step.ELONGATION) {
        out = ReferenceWords.elongation(nfd, ElongationRule.after(Steps.kinds(order.subList(0, k))));
      } else if (step == Step.HTML_ENTITIES) {
        out = ReferenceHtml.apply(nfd, deletedAmongAscii(order.subList(k + 1, order.size())),
            order.indexOf(Step.HTML_ENTITIES) == k ? movedFold(steps) : t -> t);
      } else {
        out = apply(step, nfd);
      }
      s = NFC.normalize(out);
    }
    return s;
  }

  /** One step on NFD text; the result may be unnormalized. */
  static String apply(Step step, String s) {
    switch (step) {
      case HTML_ENTITIES:
        return ReferenceHtml.apply(s);
      case ELONGATION:
        return ReferenceWords.elongation(s, ElongationRule.after(List.of()));
      case SPELLING:
        return ReferenceWords.spelling(s, Lexicon.builtIn());
      case ORTHOGRAPHY:
        return ReferenceWords.orthography(s, OrthographyRule.builtIn());
      case PRESENTATION_FORMS: {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
          boolean block = (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
          String d = block && UCharacter.getType(cp) != UCharacter.CURRENCY_SYMBOL
              ? NFKD.getDecomposition(cp) : null;
          if (d != null) {
            sb.append(d);
          } else {
            sb.appendCodePoint(cp);
          }
        });
        return sb.toString();
      }
      case INVISIBLE:
        return s.replaceAll(
            "[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]", "");
      case WHITESPACE:
        return s.replaceAll("[\\t\\p{Zs}]{2,}", " ").replaceAll("\\p{Zs}", " ");
      case TATWEEL: {
        // A tatweel stays when it carries a hamza or madda, or when its run (tatweels and their marks) has
        // no Arabic letter right before or right after it. Java's regex \p{M} knows only Unicode 13, so
        // marks are told by ICU.
        int[] cps = s.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
          if (cps[i] != 0x0640) {
            sb.appendCodePoint(cps[i]);
            continue;
          }
          boolean seat = false;
          for (int j = i + 1; j < cps.length && isMark(cps[j]); j++) {
            seat |= cps[j] >= 0x0653 && cps[j] <= 0x0655;
          }
          int before = i - 1;
          while (before >= 0 && (cps[before] == 0x0640 || isMark(cps[before]))) {
            before--;
          }
          int after = i + 1;
          while (after < cps.length && (cps[after] == 0x0640 || isMark(cps[after]))) {
            after++;
          }
          boolean joined = (before >= 0 && ARABIC_LETTER.contains(cps[before]))
              || (after < cps.length && ARABIC_LETTER.contains(cps[after]));
          if (seat || !joined) {
            sb.appendCodePoint(0x0640);
          }
        }
        return sb.toString();
      }
      case DIACRITICS:
        return clusters(s, Reference::diacritics);
      case ALEF:
        return clusters(replace(s, "\u0671\u0672\u0673\u0675", "\u0627"),
            c -> c.base == 0x0627 ? c.without("\u0653\u0654\u0655") : c.text());
      case YA:
        return replace(s, "\u0649\u06CC\u06D2", "\u064A");
      case TEH_MARBUTA:
        return replace(s, "\u0629\u06C3", "\u0647");
      case HAMZA:
        return clusters(s, c -> c.base == 0x0648 || c.base == 0x064A ? c.without("\u0654") : c.text());
      case PERSIAN_LETTERS:
        return clusters(replace(replace(s, "\u06A9\u06AA", "\u0643"), "\u06BE\u06C1\u06D5", "\u0647"),
            c -> c.base == 0x0647 ? c.without("\u0654") : c.text());
      case DIGITS: {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.appendCodePoint(
            cp >= 0x0660 && cp <= 0x0669 ? '0' + cp - 0x0660
                : cp >= 0x06F0 && cp <= 0x06F9 ? '0' + cp - 0x06F0 : cp));
        return sb.toString();
      }
      case PUNCTUATION:
        return s.replace('\u060C', ',').replace('\u061B', ';').replace('\u061F', '?')
            .replace('\u066A', '%').replace('\u066B', '.').replace('\u066C', ',');
      case LUCENE: {
        // Lucene folds the alef forms as written: the mark that made the letter is found per cluster of the
        // input, before tatweel and harakat are deleted (a mark after a deleted tatweel was never on the alef).
        String t = clusters(s, c -> c.base == 0x0627 ? c.withoutComposed() : c.text());
        return replace(replace(t.replaceAll("[\u0640\u064B-\u0652]", ""), "\u0649", "\u064A"),
            "\u0629", "\u0647");
      }
      default:
        throw new AssertionError(step);
    }
  }

  /** What the steps delete among ASCII characters (inside a reference), told independently of the engine. */
  static UnicodeSet deletedAmongAscii(List<Step> later) {
    UnicodeSet d = new UnicodeSet();
    for (Step s : later) {
      if (s == Step.INVISIBLE) {
        d.addAll(new UnicodeSet("[\\u00AD\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064"
            + "\\u2066-\\u206F\\uFEFF]"));
      } else if (s == Step.DIACRITICS) {
        d.addAll(ARABIC_MN).add(0x06E5).add(0x06E6).add(0x08C9);
      } else if (s == Step.LUCENE) {
        d.add(0x0640).add(0x064B, 0x0652);
      }
    }
    return d.freeze();
  }

  /** Digits and punctuation listed after html-entities, applied to what it decodes. */
  static java.util.function.UnaryOperator<String> movedFold(List<Step> steps) {
    int html = steps.indexOf(Step.HTML_ENTITIES);
    List<Step> moved = new ArrayList<>();
    for (int i = html + 1; i < steps.size(); i++) {
      if (steps.get(i) == Step.DIGITS || steps.get(i) == Step.PUNCTUATION) {
        moved.add(steps.get(i));
      }
    }
    return t -> {
      for (Step m : moved) {
        t = apply(m, t);
      }
      return t;
    };
  }

  /** Lucene's switch, char by char, as its ArabicNormalizer runs it: no normalization before or after. */
  static String luceneOnCodeUnits(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\u0622' || c == '\u0623' || c == '\u0625') {
        sb.append('\u0627');
      } else if (c == '\u0649') {
        sb.append('\u064A');
      } else if (c == '\u0629') {
        sb.append('\u0647');
      } else if (c != '\u0640' && (c < '\u064B' || c > '\u0652')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String diacritics(Cluster c) {
    StringBuilder sb = new StringBuilder();
    if (c.base == 0x06E5 || c.base == 0x06E6 || c.base == 0x08C9) {
      // small waw, yeh, Farsi yeh go, with their Arabic marks
      c.marks.stream().filter(m -> !ARABIC_MN.contains(m)).forEach(sb::appendCodePoint);
      return sb.toString();
    }
    if (c.base == 0x0640 && (c.marks.contains(0x0654) || c.marks.contains(0x0655))) {
      sb.append('\u0621'); // a hamza on a tatweel is the letter hamza
      c.marks.stream().filter(m -> !ARABIC_MN.contains(m)).forEach(sb::appendCodePoint);
      return sb.toString();
    }
    sb.append(c.baseText());
    int keep = -1;
    for (int i = 0; i < c.marks.size(); i++) {
      int m = c.marks.get(i);
      if (ARABIC_MN.contains(m) && m >= 0x0653 && m <= 0x0655 && c.base >= 0
          && (NFC.composePair(c.base, m) >= 0 || (c.base == 0x0647 && m == 0x0654))
          && (keep < 0 || UCharacter.getCombiningClass(m) < UCharacter.getCombiningClass(c.marks.get(keep)))) {
        keep = i;
      }
    }
    // The kept mark stays in its place: a mark of its combining class after it must stay after it.
    for (int i = 0; i < c.marks.size(); i++) {
      int m = c.marks.get(i);
      if (!ARABIC_MN.contains(m) || i == keep) {
        sb.appendCodePoint(m);
      }
    }
    return sb.toString();
  }

  private static String replace(String s, String from, String to) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (from.indexOf(cp) >= 0) {
        sb.append(to);
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  static boolean isMark(int cp) {
    return UCharacter.getCombiningClass(cp) != 0 || ARABIC_MN.contains(cp);
  }

  /** A base character (or none, at the start) and the marks that follow it. */
  static final class Cluster {
    final int base;
    final List<Integer> marks = new ArrayList<>();

    Cluster(int base) {
      this.base = base;
    }

    String baseText() {
      return base < 0 ? "" : new String(Character.toChars(base));
    }

    String text() {
      StringBuilder sb = new StringBuilder(baseText());
      marks.forEach(sb::appendCodePoint);
      return sb.toString();
    }

    /**
     * Without the one hamza or madda mark that NFC would compose with the base: found by asking NFC which
     * mark disappears when the cluster is composed.
     */
    String withoutComposed() {
      String composed = NFC.normalize(text());
      for (int i = 0; i < marks.size(); i++) {
        int m = marks.get(i);
        int letter = m >= 0x0653 && m <= 0x0655 ? NFC.composePair(base, m) : -1;
        if (letter >= 0 && composed.codePointAt(0) == letter) {
          StringBuilder sb = new StringBuilder(baseText());
          for (int k = 0; k < marks.size(); k++) {
            if (k != i) {
              sb.appendCodePoint(marks.get(k));
            }
          }
          return sb.toString();
        }
      }
      return text();
    }

    String without(String drop) {
      StringBuilder sb = new StringBuilder(baseText());
      marks.stream().filter(m -> drop.indexOf(m) < 0).forEach(sb::appendCodePoint);
      return sb.toString();
    }
  }

  private static String clusters(String s, java.util.function.Function<Cluster, String> f) {
    List<Cluster> cs = new ArrayList<>();
    Cluster cur = new Cluster(-1);
    cs.add(cur);
    for (int cp : s.codePoints().toArray()) {
      if (isMark(cp)) {
        cur.marks.add(cp);
      } else {
        cur = new Cluster(cp);
        cs.add(cur);
      }
    }
    StringBuilder sb = new StringBuilder();
    cs.forEach(c -> sb.append(f.apply(c)));
    return sb.toString();
  }
}
