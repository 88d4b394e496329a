package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A context-free rule: each code point maps to a fixed replacement (possibly empty). Consecutive map rules
 * fuse into one by composing their tables, so a run of such steps costs one lookup per character.
 */
public final class MapRule extends Rule {
  private final String[] bmp;
  private final Map<Integer, String> astral;
  private final UnicodeSet touched;

  private MapRule(StepId step, String[] bmp, Map<Integer, String> astral) {
    super(step);
    this.bmp = bmp;
    this.astral = astral;
    UnicodeSet t = new UnicodeSet();
    for (int c = 0; c < bmp.length; c++) {
      if (bmp[c] != null) {
        t.add(c);
      }
    }
    astral.keySet().forEach(t::add);
    this.touched = t.freeze();
  }

  /**
   * Builds a map rule. Replacements are stored in canonically decomposed form, the form the engine works in.
   * Identity entries are dropped.
   */
  public static MapRule of(StepId step, Map<Integer, String> map) {
    String[] bmp = new String[0x10000];
    Map<Integer, String> astral = new HashMap<>();
    for (Map.Entry<Integer, String> e : map.entrySet()) {
      int cp = e.getKey();
      String to = UnicodeData.NFD.normalize(e.getValue());
      if (to.equals(new String(Character.toChars(cp)))) {
        continue;
      }
      if (cp < 0x10000) {
        bmp[cp] = to;
      } else {
        astral.put(cp, to);
      }
    }
    return new MapRule(step, bmp, astral);
  }

  /** The replacement of {@code cp}, or null when the rule leaves it alone. */
  public String map(int cp) {
    return cp < 0x10000 ? bmp[cp] : astral.get(cp);
  }

  /** {@code s} with every code point replaced as this rule replaces it. */
  public String apply(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      String to = map(c);
      if (to == null) {
        sb.appendCodePoint(c);
      } else {
        sb.append(to);
      }
    });
    return sb.toString();
  }

  /** This rule followed by {@code after}, as one table. */
  public MapRule then(MapRule after) {
    Map<Integer, String> fused = new TreeMap<>();
    UnicodeSet keys = new UnicodeSet(touched).addAll(after.touched);
    for (UnicodeSet.EntryRange r : keys.ranges()) {
      for (int cp = r.codepoint; cp <= r.codepointEnd; cp++) {
        String first = map(cp);
        if (first == null) {
          first = new String(Character.toChars(cp));
        }
        fused.put(cp, after.apply(first));
      }
    }
    return of(null, fused);
  }

  @Override
  public UnicodeSet touched() {
    return touched;
  }

  @Override
  public UnicodeSet deletedAmongAscii() {
    UnicodeSet deleted = new UnicodeSet();
    for (int c = 0; c < bmp.length; c++) {
      if (bmp[c] != null && bmp[c].isEmpty()) {
        deleted.add(c);
      }
    }
    astral.forEach((cp, to) -> {
      if (to.isEmpty()) {
        deleted.add(cp);
      }
    });
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
