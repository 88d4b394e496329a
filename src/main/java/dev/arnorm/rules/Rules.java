package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Builds the rule of each step once, from the code points documented on {@link StepId}. */
public final class Rules {
  public static final int ALEF = 0x0627;
  public static final int WAW = 0x0648;
  public static final int YEH = 0x064A;
  public static final int HEH = 0x0647;
  public static final int HAMZA_ABOVE = 0x0654;

  /** Hamza and madda marks, U+0653..U+0655: part of the letter they compose with (أ is ا + U+0654). */
  public static final UnicodeSet HAMZA_MADDA = new UnicodeSet(0x0653, 0x0655).freeze();

  /**
   * Built on first use, step by step: a CLI run of {@code light} never loads the spelling lexicon. Each step
   * has its own lock, so that threads building different rules do not wait for each other (the CLI builds a
   * pipeline's word-lookup rules beside the rest of it).
   */
  private static final AtomicReferenceArray<Rule> RULES = new AtomicReferenceArray<>(StepId.values().length);
  private static final Object[] LOCKS = new Object[StepId.values().length];

  static {
    Arrays.setAll(LOCKS, i -> new Object());
  }

  private Rules() {}

  public static Rule of(StepId step) {
    int i = step.ordinal();
    Rule r = RULES.get(i);
    if (r == null) {
      synchronized (LOCKS[i]) {
        r = RULES.get(i);
        if (r == null) {
          r = build(step);
          RULES.set(i, r);
        }
      }
    }
    return r;
  }

  private static Rule build(StepId step) {
    switch (step) {
      case HTML_ENTITIES:
        return new HtmlEntitiesRule();
      case PRESENTATION_FORMS:
        return presentationFormsRule();
      case INVISIBLE:
        return MapRule.of(step, delete(UnicodeData.INVISIBLE));
      case WHITESPACE:
        return new WhitespaceRule();
      case TATWEEL:
        return new TatweelRule();
      case DIACRITICS:
        return new DiacriticsRule();
      case ALEF:
        return new BaseMarkRule(step,
            map(ALEF, 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675),
            Map.of(ALEF, HAMZA_MADDA));
      case YA:
        return MapRule.of(step, map(YEH, 0x0649, 0x06CC, 0x06D2));
      case TEH_MARBUTA:
        return MapRule.of(step, map(HEH, 0x0629, 0x06C3));
      case HAMZA:
        return new BaseMarkRule(step, map(WAW, 0x0624), Map.of(
            WAW, new UnicodeSet(HAMZA_ABOVE, HAMZA_ABOVE).freeze(),
            YEH, new UnicodeSet(HAMZA_ABOVE, HAMZA_ABOVE).freeze()));
      case PERSIAN_LETTERS: {
        Map<Integer, String> m = map(0x0643, 0x06A9, 0x06AA);
        m.putAll(map(HEH, 0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06D5));
        return new BaseMarkRule(step, m, Map.of(HEH, new UnicodeSet(HAMZA_ABOVE, HAMZA_ABOVE).freeze()));
      }
      case DIGITS: {
        Map<Integer, String> m = new HashMap<>();
        for (int d = 0; d < 10; d++) {
          m.put(0x0660 + d, String.valueOf((char) ('0' + d)));
          m.put(0x06F0 + d, String.valueOf((char) ('0' + d)));
        }
        return MapRule.of(step, m);
      }
      case PUNCTUATION:
        return MapRule.of(step, Map.of(
            0x060C, ",", 0x061B, ";", 0x061F, "?", 0x066A, "%", 0x066B, ".", 0x066C, ","));
      case ELONGATION:
        return ElongationRule.after(List.of());
      case SPELLING:
        return new SpellingRule(LexiconData.builtIn());
      case ORTHOGRAPHY:
        return OrthographyRule.builtIn();
      case LUCENE: {
        Map<Integer, String> m = delete(new UnicodeSet(0x064B, 0x0652).add(TatweelRule.TATWEEL));
        m.putAll(map(ALEF, 0x0622, 0x0623, 0x0625));
        m.putAll(map(YEH, 0x0649));
        m.putAll(map(HEH, 0x0629));
        return new BaseMarkRule(step, m, Map.of(ALEF, HAMZA_MADDA), true);
      }
      default:
        throw new AssertionError(step);
    }
  }

  /**
   * Every character of the two presentation-form blocks that has a compatibility decomposition, mapped to
   * it; currency symbols (the rial sign) are kept. Read from the stored Unicode tables
   * ({@link UnicodeData.Definitions#PRESENTATION_FORMS}).
   */
  public static Map<Integer, String> presentationForms() {
    return UnicodeData.PRESENTATION_FORM_DECOMPOSITIONS;
  }

  /**
   * The presentation-forms step's rule, which the html-entities step's residue rules read as well: one table,
   * built on first use by a class's initialization rather than under the lock of {@link #of}, which the
   * residue rules would otherwise take in the middle of a text.
   */
  public static MapRule presentationFormsRule() {
    return PresentationForms.RULE;
  }

  private static final class PresentationForms {
    static final MapRule RULE = MapRule.of(StepId.PRESENTATION_FORMS, presentationForms());
  }

  private static Map<Integer, String> delete(UnicodeSet set) {
    Map<Integer, String> m = new HashMap<>();
    for (UnicodeSet.EntryRange r : set.ranges()) {
      for (int cp = r.codepoint; cp <= r.codepointEnd; cp++) {
        m.put(cp, "");
      }
    }
    return m;
  }

  private static Map<Integer, String> map(int to, int... from) {
    Map<Integer, String> m = new HashMap<>();
    String target = new String(Character.toChars(to));
    for (int f : from) {
      m.put(f, target);
    }
    return m;
  }
}
