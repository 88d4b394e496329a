package dev.arnorm.engine;

import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.StepId;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * The engine of the {@code lucene} step when it runs alone: a map over UTF-16 code units, applied to the
 * text exactly as written, as Lucene's {@code ArabicNormalizer} applies its switch to a token's chars. No
 * canonical decomposition and no NFC: a decomposed {@code ا} + U+0654 keeps its U+0654, as it does in
 * Lucene, and the output is whatever Lucene's would be. Used by {@code ArabicNormalizer} in place of the
 * {@link Engine} for a pipeline made only of {@code lucene}; in a pipeline with other steps, {@code lucene}
 * is a stage of the engine and sees their NFC output.
 *
 * <p>Lucene's rules only name BMP characters and none of them is a surrogate, so astral characters and lone
 * surrogates pass through, and the map is idempotent (no replacement is itself replaced).
 */
public final class CodeUnitMap {
  /** No change. */
  private static final char KEEP = 0xFFFF;
  /** Deleted. */
  private static final char DELETE = 0xFFFE;

  private final StepId step;
  /** For each code unit: {@link #KEEP}, {@link #DELETE} or its replacement. */
  private final char[] map = new char[0x10000];
  /** The lowest code unit the map changes: a cheap first test in the scan. */
  private final char lowest;

  /** Lucene 9/10 {@code ArabicNormalizer}: the alef forms, alef maksura, teh marbuta, tatweel and harakat. */
  public static final CodeUnitMap LUCENE = lucene();

  private CodeUnitMap(StepId step, char[] map) {
    this.step = step;
    System.arraycopy(map, 0, this.map, 0, map.length);
    char low = KEEP;
    for (int c = 0; c < map.length; c++) {
      if (map[c] != KEEP) {
        low = (char) c;
        break;
      }
    }
    this.lowest = low;
  }

  private static CodeUnitMap lucene() {
    char[] m = new char[0x10000];
    java.util.Arrays.fill(m, KEEP);
    // The cases of Lucene's switch, by code point (org.apache.lucene.analysis.ar.ArabicNormalizer).
    m[0x0622] = 0x0627; // alef with madda above
    m[0x0623] = 0x0627; // alef with hamza above
    m[0x0625] = 0x0627; // alef with hamza below
    m[0x0649] = 0x064A; // alef maksura (Lucene's DOTLESS_YEH)
    m[0x0629] = 0x0647; // teh marbuta
    m[0x0640] = DELETE; // tatweel
    for (char c = 0x064B; c <= 0x0652; c++) {
      m[c] = DELETE; // fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun
    }
    return new CodeUnitMap(StepId.LUCENE, m);
  }

  /** What {@code c} becomes: itself, another code unit, or -1 when it is deleted (for offsets). */
  public int unit(char c) {
    char to = map[c];
    return to == KEEP ? c : to == DELETE ? -1 : to;
  }

  /** The index of the first code unit the map changes, or {@code s.length()}. */
  public int scan(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= lowest && map[c] != KEEP) {
        return i;
      }
    }
    return n;
  }

  /** The mapped text; {@code s} itself when it is a String the map leaves alone. */
  public String apply(CharSequence s) {
    int first = scan(s);
    if (first == s.length()) {
      return s.toString();
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, first);
    apply(s, first, out, StepCounter.NONE);
    return out.toString();
  }

  /** Appends the mapped text to {@code out}, counting the changed code units. */
  public void apply(CharSequence s, Appendable out, StepCounter counter) throws IOException {
    int first = scan(s);
    out.append(s, 0, first);
    if (first < s.length()) {
      StringBuilder sb = new StringBuilder(s.length() - first);
      apply(s, first, sb, counter);
      out.append(sb);
    } else {
      counter.count(step, 0);
    }
  }

  private void apply(CharSequence s, int from, StringBuilder out, StepCounter counter) {
    long changed = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      char to = map[c];
      if (to == KEEP) {
        out.append(c);
      } else {
        changed++;
        if (to != DELETE) {
          out.append(to);
        }
      }
    }
    counter.count(step, changed);
  }

  /** Maps {@code in} to {@code out} in 8 KiB reads: no unit depends on another, so any cut is safe. */
  public void apply(Reader in, Appendable out, StepCounter counter) throws IOException {
    char[] buf = new char[8192];
    char[] mapped = new char[8192];
    long changed = 0;
    int read;
    while ((read = in.read(buf)) >= 0) {
      int len = 0;
      for (int i = 0; i < read; i++) {
        char to = map[buf[i]];
        if (to == KEEP) {
          mapped[len++] = buf[i];
        } else {
          changed++;
          if (to != DELETE) {
            mapped[len++] = to;
          }
        }
      }
      if (out instanceof Writer) {
        ((Writer) out).write(mapped, 0, len);
      } else {
        out.append(java.nio.CharBuffer.wrap(mapped, 0, len));
      }
    }
    counter.count(step, changed);
  }
}
