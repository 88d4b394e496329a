package dev.arnorm.engine;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.rules.CharRangeSet;
import dev.arnorm.rules.ElongationRule;
import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.TatweelRule;
import dev.arnorm.rules.WordStage;
import dev.arnorm.unicode.UnicodeData;

/**
 * Where a call's work starts: the clean scan, one table lookup per character up to the first one from
 * which the text may change (how a call that changes nothing returns its input at once), and the safe
 * start, where the chain can begin with empty state before a character that needs it. Made once per
 * {@link Engine} from its compiled table and flags; called by the engine's runs and the direct path.
 * Immutable and thread-safe.
 */
final class CleanScan {
  private final byte[] cls;
  private final UnicodeSet touched;
  private final boolean elongation;
  private final CharRangeSet wordTriggers;
  private final boolean lexical;
  private final boolean letterContext;
  private final boolean blankSensitive;
  private final boolean lineContext;

  CleanScan(byte[] cls, UnicodeSet touched, boolean elongation, CharRangeSet wordTriggers, boolean lexical,
      boolean letterContext, boolean blankSensitive, boolean lineContext) {
    this.cls = cls;
    this.touched = touched;
    this.elongation = elongation;
    this.wordTriggers = wordTriggers;
    this.lexical = lexical;
    this.letterContext = letterContext;
    this.blankSensitive = blankSensitive;
    this.lineContext = lineContext;
  }

  boolean astralInert(int cp) {
    return DirectTable.untouched(cp, touched) && !UnicodeData.isMark(cp) && UnicodeData.nfcYes(cp)
        && UnicodeData.hasBoundaryBefore(cp);
  }


  /** The clean scan from {@code from}, which must start a canonical segment. */
  int scanClean(CharSequence s, int from) {
    // Elongation alone needs nothing beyond the clean scan's stop at three equal characters in a row.
    return wordTriggers != null ? scanCleanWords(s, from) : scanCleanChars(s, from);
  }

  int scanCleanChars(CharSequence s, int from) {
    return scanCleanChars(s, from, 0, -1, 0);
  }

  /**
   * {@link #scanCleanChars(CharSequence, int)} after marks up to combining class {@code prevCcc}, and
   * after output that ends with {@code prevRun} copies of {@code prev} (-1 for none). With elongation it
   * also stops at the third of three equal characters in a row (a base after a mark starts a new run, as
   * in {@link ElongationRule#hasRun}), whatever they are: the direct path then looks at them one by one.
   */
  int scanCleanChars(CharSequence s, int from, int prevCcc, int prev, int prevRun) {
    final int n = s.length();
    final byte[] cls = this.cls; // a local: read from the field, it costs 2x inside the direct path
    final boolean runs = elongation;
    int prevBlank = 0;
    int p1 = prev; // the character before, for a run of equal ones (-1: none)
    int i = from;
    while (i < n) {
      // Letters, spaces and other characters copied as they are, with one branch per character that is
      // almost never taken: words and spaces alternate every few characters, and a branch on which of
      // them a character is would be mispredicted at every word boundary.
      int roundStart = i;
      int t = 0;
      char c = 0;
      for (; i < n; i++) {
        c = s.charAt(i);
        t = cls[c];
        int blank = t == DirectTable.COPY_BLANK ? 1 : 0;
        if (t < DirectTable.COPY || t > DirectTable.COPY_BLANK || (blank & prevBlank) != 0) {
          break;
        }
        if (runs) { // invariant: the JIT makes a copy of the loop without this for the other pipelines
          if (c == p1) {
            break;
          }
          p1 = c;
        }
        prevBlank = blank;
      }
      if (i > roundStart) {
        prevCcc = 0; // after a base
      }
      if (i == n) {
        break;
      }
      if (t >= DirectTable.COPY && t <= DirectTable.COPY_BLANK) {
        if (t == DirectTable.COPY_BLANK && prevBlank != 0) {
          return i - 1; // two blanks in a row: whitespace may merge them, from the first
        }
        // The second of two equal characters: a third before them makes a run for elongation.
        int before = i - 2 >= from ? s.charAt(i - 2) : (i - 1 >= from || prevRun >= 2) ? prev : -1;
        if (before == c) {
          return i;
        }
        prevBlank = t == DirectTable.COPY_BLANK ? 1 : 0;
        prevCcc = 0;
        i++;
        continue;
      }
      prevBlank = 0;
      if (t == DirectTable.MARK_KEEP) {
        int ccc = UnicodeData.ccc(c);
        if (ccc < prevCcc) {
          return i;
        }
        prevCcc = ccc;
        p1 = c;
        i++;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
          && astralInert(Character.toCodePoint(c, s.charAt(i + 1)))) {
        p1 = s.charAt(i + 1);
        i += 2;
        prevCcc = 0;
      } else {
        return i; // a character that may change (a blank that is not a space or tab among them)
      }
    }
    return n;
  }

  /** {@link #scanCleanChars}, plus a look at every Arabic word: elongated, or able to start a fix. */
  private int scanCleanWords(CharSequence s, int from) {
    int wordStart = -1;
    int limit = scanCleanChars(s, from);
    for (int i = from; i <= limit; i++) {
      boolean wordChar = i < limit && WordStage.continuesWord(s.charAt(i), wordStart >= 0);
      if (wordChar) {
        if (wordStart < 0) {
          wordStart = i;
        }
      } else if (wordStart >= 0) {
        if ((elongation && ElongationRule.hasRun(s, wordStart, i))
            || (wordTriggers != null && wordTriggers.contains(s, wordStart, i))) {
          return wordStart;
        }
        wordStart = -1;
      }
    }
    // A word cut by the first character that needs work is handled from its start (see safeStart).
    return limit;
  }

  /**
   * Moves a slow-path start back to where the chain can begin with empty state: the start of the canonical
   * segment before the one that needs work (a step may delete the base of that segment, and its marks then
   * join the segment before), the word it is in (and, with spelling, the word before, whose conditions look
   * back), before any blanks that a following space could merge with, and the start of the line when the
   * line when an {@code &} follows on it, for the html residue rules to judge in context.
   */
  int safeStart(CharSequence s, int i, Lines lines) {
    return safeStart(s, i, lines, true);
  }

  /** {@link #safeStart(CharSequence, int, Lines)}, without the line rule when {@code line} is false. */
  int safeStart(CharSequence s, int i, Lines lines, boolean line) {
    i = i < s.length() ? segmentStart(s, i) : s.length();
    if (i > 0) {
      i = segmentStart(s, i - 1);
    }
    if (elongation || lexical) {
      // Word steps start at a word; spelling conditions look at the word before it.
      while (i > 0 && joinsWord(s.charAt(i - 1))) {
        i--;
      }
      if (lexical) {
        while (i > 0 && !WordStage.isWordChar(s.charAt(i - 1)) && !HtmlEntitiesRule.isLineBreak(s.charAt(i - 1))) {
          i--;
        }
        while (i > 0 && joinsWord(s.charAt(i - 1))) {
          i--;
        }
      }
      i = segmentStart(s, i);
    }
    if (letterContext) {
      // Back to a character every step leaves as it is and that is no letter: the rule then knows, from
      // empty state, that no letter stands before where it starts.
      while (i > 0 && !startsWithoutLetter(s.charAt(i - 1))) {
        i--;
      }
      if (i > 0) {
        i--;
      }
    }
    while (blankSensitive && i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
      i--;
    }
    if (line && lineContext && lines.ampersandAhead(s, i)) {
      // The residue rules judge an & by the line before it; with no & from here on, nothing they do
      // depends on that context.
      i = lines.start;
    }
    return i;
  }

  /** A base that reaches every stage as itself and is no Arabic letter, or a line break. */
  private boolean startsWithoutLetter(char c) {
    byte t = cls[c];
    return (t == DirectTable.COPY || t == DirectTable.COPY_BLANK || HtmlEntitiesRule.isLineBreak(c))
        && !TatweelRule.joins(c);
  }

  /**
   * True when {@code c} may be part of a word as the word steps see it: a word character or mark, or a
   * character the steps before them change or delete (a tatweel or a bidi mark inside a word joins its
   * halves; a lam-alef ligature becomes letters).
   */
  private boolean joinsWord(char c) {
    byte t = cls[c];
    return WordStage.continuesWord(c, true) || (t != DirectTable.COPY && t != DirectTable.COPY_BLANK
        && !HtmlEntitiesRule.isLineBreak(c) && c != ' ' && c != '\t');
  }


  /** The start of the canonical segment holding index {@code i}: its base character, or 0. */
  private static int segmentStart(CharSequence s, int i) {
    while (i > 0) {
      if (Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) {
        i--;
        continue;
      }
      if (UnicodeData.hasBoundaryBefore(Character.codePointAt(s, i))) {
        break;
      }
      i--;
    }
    return i;
  }
}
