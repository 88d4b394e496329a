package dev.arnorm.engine;

import dev.arnorm.rules.HtmlEntitiesRule;

/**
 * For {@link Chain} and {@link Engine}: whether an {@code &} follows an index on its line, and where that line starts: the html residue rules
 * judge an {@code &} by the rest of its line, and a line without one needs no context. Remembers the next
 * {@code &} (found with {@code String.indexOf}) and its line start, so that a pass over the text costs one
 * search for each {@code &}, and no scan of lines that hold none.
 */
public final class Lines {
  private CharSequence text;
  /** The next {@code &} at or after {@link #from} (-1: none), valid for questions about [from, amp]. */
  private int from;
  private int amp = -1;
  /** The start of the line holding {@link #amp}. */
  private int ampLine;
  /** After {@link #ampersandAhead} returned true: the start of the line of the index asked about. */
  public int start;

  public void forget() {
    text = null;
    amp = -1;
  }

  /** True when an {@code &} comes at or after {@code i} in its line; {@link #start} is then the line start. */
  public boolean ampersandAhead(CharSequence s, int i) {
    if (s != text || i < from || (amp >= 0 && i > amp)) {
      int prev = s == text ? amp : -1;
      int prevLine = ampLine;
      text = s;
      from = i;
      amp = i < s.length() && s.charAt(i) == '&' ? i : indexOf(s, '&', i); // asked at an &, mostly
      if (amp >= 0 && amp == prev) {
        ampLine = prevLine; // asked again from further back: the same &, its line start known
      } else if (amp >= 0) {
        int a = amp;
        while (a > 0 && !HtmlEntitiesRule.isLineBreak(s.charAt(a - 1)) && a - 1 != prev) {
          a--;
        }
        // Reaching the & before (with no line break between) means the same line: its start is known.
        ampLine = a > 0 && a - 1 == prev ? prevLine : a;
      }
    }
    if (amp < 0 || ampLine > i) {
      return false; // no & from i on, or the next one is on a later line
    }
    start = ampLine;
    return true;
  }

  private static int indexOf(CharSequence s, char c, int from) {
    if (s instanceof String) {
      return ((String) s).indexOf(c, from);
    }
    for (int k = Math.max(from, 0); k < s.length(); k++) {
      if (s.charAt(k) == c) {
        return k;
      }
    }
    return -1;
  }
}
