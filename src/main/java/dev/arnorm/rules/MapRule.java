package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A context-free rule: each code point maps to a fixed replacement (possibly empty). Consecutive map rules
 * fuse into one by composing their tables, so a run of such steps costs one lookup per character.
 */
public final class MapRule extends Rule {
  private final String[] bmp;
  private final Map<Integer, String> astral;
  private final UnicodeSet touched;

  private MapRule(StepId step, String[] bmp, Map<Integer, String> astral, UnicodeSet touched) {
    super(step);
    this.bmp = bmp;
    this.astral = astral;
    this.touched = touched;
  }

  /**
   * Builds a map rule. Replacements are stored in canonically decomposed form, the form the engine works in.
   * Identity entries are dropped.
   */
  public static MapRule of(StepId step, Map<Integer, String> map) {
    int[] keys = new int[map.size()];
    int n = 0;
    for (Integer cp : map.keySet()) {
      keys[n++] = cp;
    }
    Arrays.sort(keys);
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = map.get(keys[i]);
    }
    return of(step, keys, values);
  }

  /**
   * {@link #of(StepId, Map)} from its entries, the code points in ascending order. Built a range at a time and
   * without a pass over the BMP: this runs when a normalizer is first used, where such a pass (and a normal
   * form computed for each of the 757 presentation forms' plain replacements) cost milliseconds apiece.
   */
  private static MapRule of(StepId step, int[] cps, String[] values) {
    String[] bmp = new String[0x10000];
    Map<Integer, String> astral = new HashMap<>();
    UnicodeSet touched = new UnicodeSet();
    int rangeStart = -1;
    int rangeEnd = -2;
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      String to = decomposed(values[i]);
      if (to.length() == Character.charCount(cp) && to.codePointAt(0) == cp) {
        continue;
      }
      if (cp < 0x10000) {
        bmp[cp] = to;
      } else {
        astral.put(cp, to);
      }
      if (cp != rangeEnd + 1) {
        if (rangeStart >= 0) {
          touched.add(rangeStart, rangeEnd);
        }
        rangeStart = cp;
      }
      rangeEnd = cp;
    }
    if (rangeStart >= 0) {
      touched.add(rangeStart, rangeEnd);
    }
    return new MapRule(step, bmp, astral, touched.freeze());
  }

  /** NFD of {@code s}; {@code s} itself when every char of it is plain (no decomposition, no mark). */
  private static String decomposed(String s) {
    return UnicodeData.allPlain(s) ? s : UnicodeData.NFD.normalize(s);
  }

  /** The replacement of {@code cp}, or null when the rule leaves it alone. */
  public String map(int cp) {
    return cp < 0x10000 ? bmp[cp] : astral.get(cp);
  }

  /** {@code s} with every code point replaced as this rule replaces it. */
  public String apply(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      String to = map(c);
      if (to == null) {
        sb.appendCodePoint(c);
      } else {
        sb.append(to);
      }
      i += Character.charCount(c);
    }
    return sb.toString();
  }

  /** This rule followed by {@code after}, as one table. */
  public MapRule then(MapRule after) {
    UnicodeSet keys = new UnicodeSet(touched).addAll(after.touched);
    int[] cps = new int[keys.size()];
    String[] values = new String[cps.length];
    int n = 0;
    for (UnicodeSet.EntryRange r : keys.ranges()) {
      for (int cp = r.codepoint; cp <= r.codepointEnd; cp++) {
        String first = map(cp);
        cps[n] = cp;
        values[n++] = after.apply(first != null ? first : new String(Character.toChars(cp)));
      }
    }
    return of(null, cps, values);
  }

  @Override
  public UnicodeSet touched() {
    return touched;
  }

  @Override
  public UnicodeSet deletedAmongAscii() {
    UnicodeSet deleted = new UnicodeSet();
    for (UnicodeSet.EntryRange r : touched.ranges()) {
      for (int cp = r.codepoint; cp <= r.codepointEnd; cp++) {
        if (map(cp).isEmpty()) {
          deleted.add(cp);
        }
      }
    }
    return deleted.freeze();
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private long changed;

      @Override
      public void put(int cp) {
        String to = map(cp);
        if (to == null) {
          next.put(cp);
        } else {
          changed++;
          emit(to);
        }
      }

      @Override
      public void end() {
        if (step != null) {
          counter.count(step, changed);
        }
        next.end();
      }
    };
  }
}
