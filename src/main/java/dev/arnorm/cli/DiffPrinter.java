package dev.arnorm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a changed line as a {@code -}/{@code +} pair with the changed words marked, readable in a terminal:
 * in colour at a terminal, between {@code [[ ]]} otherwise. Invisible characters are shown by code point
 * ({@code <U+200F>}), since a diff of invisible changes would otherwise show two identical lines.
 */
final class DiffPrinter {
  /** Above this many words per line, the diff marks one span from the first to the last difference. */
  private static final int MAX_WORDS = 2000;
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String RESET = "\u001B[0m";

  private final PrintWriter out;
  private final boolean colour;

  DiffPrinter(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  void print(String file, long line, String before, String after) {
    before = stripTerminator(before);
    after = stripTerminator(after);
    List<String> a = words(before);
    List<String> b = words(after);
    StringBuilder minus = new StringBuilder("- ");
    StringBuilder plus = new StringBuilder("+ ");
    spell = false;
    mark(before, after, a, b, minus, plus);
    if (looksTheSame(minus, plus)) {
      // The change cannot be seen (ا + U+0654 composed to أ): show the changed parts code point by code point.
      spell = true;
      minus.setLength(2);
      plus.setLength(2);
      mark(before, after, a, b, minus, plus);
    }
    out.println(file + ":" + line);
    out.println(minus);
    out.println(plus);
  }

  /** The changed parts are shown as code points ({@code <U+0627><U+0654>}). */
  private boolean spell;

  private void mark(String before, String after, List<String> a, List<String> b, StringBuilder minus,
      StringBuilder plus) {
    if (a.size() > MAX_WORDS || b.size() > MAX_WORDS) {
      markSpan(before, after, minus, plus);
    } else {
      markWords(a, b, minus, plus);
    }
  }

  /** True when the two lines would render alike: the same text once canonically composed. */
  private static boolean looksTheSame(CharSequence minus, CharSequence plus) {
    java.text.Normalizer.Form nfc = java.text.Normalizer.Form.NFC;
    return java.text.Normalizer.normalize(minus.subSequence(2, minus.length()), nfc)
        .equals(java.text.Normalizer.normalize(plus.subSequence(2, plus.length()), nfc));
  }

  private void markWords(List<String> a, List<String> b, StringBuilder minus, StringBuilder plus) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    // Consecutive changed words are marked as one span: "[[a b]]", not "[[a]][[ ]][[b]]".
    StringBuilder removed = new StringBuilder();
    StringBuilder added = new StringBuilder();
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        flush(minus, removed, RED);
        flush(plus, added, GREEN);
        minus.append(visible(a.get(i++)));
        plus.append(visible(b.get(j++)));
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        added.append(b.get(j++));
      } else {
        removed.append(a.get(i++));
      }
    }
    flush(minus, removed, RED);
    flush(plus, added, GREEN);
  }

  private void flush(StringBuilder line, StringBuilder changed, String ansi) {
    if (changed.length() > 0) {
      line.append(marked(changed.toString(), ansi));
      changed.setLength(0);
    }
  }

  private void markSpan(String before, String after, StringBuilder minus, StringBuilder plus) {
    int prefix = commonPrefix(before, after);
    int suffix = commonSuffix(before, after, Math.min(before.length(), after.length()) - prefix);
    minus.append(visible(before.substring(0, prefix)))
        .append(marked(before.substring(prefix, before.length() - suffix), RED))
        .append(visible(before.substring(before.length() - suffix)));
    plus.append(visible(after.substring(0, prefix)))
        .append(marked(after.substring(prefix, after.length() - suffix), GREEN))
        .append(visible(after.substring(after.length() - suffix)));
  }

  /** The length of the longest common prefix of {@code a} and {@code b}, never ending inside a surrogate pair. */
  static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;
  }

  /**
   * The length, at most {@code max}, of the longest common suffix of {@code a} and {@code b}, never starting
   * inside a surrogate pair.
   */
  static int commonSuffix(String a, String b, int max) {
    int i = 0;
    while (i < max && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
      i++;
    }
    return i > 0 && Character.isLowSurrogate(a.charAt(a.length() - i)) ? i - 1 : i;
  }

  private String marked(String s, String ansi) {
    String shown = spell ? codePoints(s) : visible(s);
    return colour ? ansi + shown + RESET : "[[" + shown + "]]";
  }

  private static String codePoints(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(String.format("<U+%04X>", cp)));
    return sb.toString();
  }

  /** Splits into words and the blanks between them, so that joining gives back the line. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= s.length(); i++) {
      if (i == s.length() || isBlank(s.charAt(i)) != isBlank(s.charAt(i - 1))) {
        out.add(s.substring(start, i));
        start = i;
      }
    }
    return out;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static String stripTerminator(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /** Shows format characters, controls and non-ASCII spaces by code point. */
  static String visible(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean hidden = type == Character.FORMAT || (type == Character.CONTROL && cp != '\t')
          || (type == Character.SPACE_SEPARATOR && cp != ' ') || cp == 0x00AD;
      if (hidden) {
        sb.append(String.format("<U+%04X>", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }
}
