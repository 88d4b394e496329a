package dev.arnorm.bench;

import com.ibm.icu.text.Transliterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ar.ArabicNormalizer;

/** What a user would write instead of arnorm, each done the way it is normally used. */
final class Alternatives {
  private Alternatives() {}

  private static final ArabicNormalizer LUCENE = new ArabicNormalizer();

  /** Lucene as its TokenFilter uses it: whitespace tokens copied into a term buffer, normalized in place. */
  static String luceneTokens(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char[] term = new char[64];
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (len > term.length) {
        term = new char[Math.max(len, term.length * 2)];
      }
      text.getChars(start, i, term, 0);
      out.append(term, 0, LUCENE.normalize(term, len));
    }
    return out.toString();
  }

  /** Lucene's normalizer over the whole text at once (its deletions shift the rest of the array). */
  static String luceneWhole(String text) {
    char[] buf = text.toCharArray();
    return new String(buf, 0, LUCENE.normalize(buf, buf.length));
  }

  /** The search folds as a chain of precompiled regexes. */
  static final List<Object[]> SEARCH_REGEXES = List.of(
      new Object[] {Pattern.compile("[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\u00AD]"), ""},
      new Object[] {Pattern.compile("[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06ED]"), ""},
      new Object[] {Pattern.compile("\\u0640"), ""},
      new Object[] {Pattern.compile("[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]"), " "},
      new Object[] {Pattern.compile("[ \\t]{2,}"), " "},
      new Object[] {Pattern.compile("[أإآٱ]"), "ا"},
      new Object[] {Pattern.compile("[ىیے]"), "ي"},
      new Object[] {Pattern.compile("[ةۃ]"), "ه"},
      new Object[] {Pattern.compile("ؤ"), "و"},
      new Object[] {Pattern.compile("ئ"), "ي"},
      new Object[] {Pattern.compile("ک"), "ك"},
      new Object[] {Pattern.compile("،"), ","},
      new Object[] {Pattern.compile("؛"), ";"},
      new Object[] {Pattern.compile("؟"), "?"});
  private static final Pattern DIGITS = Pattern.compile("[\\u0660-\\u0669\\u06F0-\\u06F9]");

  static String regexSearch(String text) {
    String s = text;
    for (Object[] r : SEARCH_REGEXES) {
      s = ((Pattern) r[0]).matcher(s).replaceAll((String) r[1]);
    }
    Matcher m = DIGITS.matcher(s);
    return m.replaceAll(d -> String.valueOf((char) ('0' + (d.group().charAt(0) & 0xF))));
  }

  /** The lossless repairs of light that regexes can express: invisibles, tatweel, spaces. */
  static final List<Object[]> LIGHT_REGEXES = List.of(
      SEARCH_REGEXES.get(0), SEARCH_REGEXES.get(2), SEARCH_REGEXES.get(3), SEARCH_REGEXES.get(4));

  static String regexLight(String text) {
    String s = text;
    for (Object[] r : LIGHT_REGEXES) {
      s = ((Pattern) r[0]).matcher(s).replaceAll((String) r[1]);
    }
    return s;
  }

  /** The search folds as ICU transliteration rules. */
  static final Transliterator ICU_SEARCH = Transliterator.createFromRules("arnorm-search-equivalent",
      "[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\u00AD] > ;"
          + "[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640] > ;"
          + "[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000] > ' ';"
          + "[أإآٱ] > ا; [ىیے] > ي; [ةۃ] > ه; ؤ > و; ئ > ي; ک > ك; '،' > ','; '؛' > ';'; '؟' > '?';"
          + "٠ > 0; ١ > 1; ٢ > 2; ٣ > 3; ٤ > 4; ٥ > 5; ٦ > 6; ٧ > 7; ٨ > 8; ٩ > 9;",
      Transliterator.FORWARD);

  static String icuSearch(String text) {
    return ICU_SEARCH.transliterate(text);
  }

  /** The floor for any one-pass normalizer: one table lookup per char, a char array, one String. */
  private static final char[] TABLE = new char[0x10000];
  private static final char DELETE = '\uFFFF';

  static {
    for (int c = 0; c < TABLE.length; c++) {
      TABLE[c] = (char) c;
    }
    for (int c = 0x064B; c <= 0x065F; c++) {
      TABLE[c] = DELETE;
    }
    TABLE[0x0640] = DELETE;
    TABLE[0x0670] = DELETE;
    for (char c : "أإآٱ".toCharArray()) {
      TABLE[c] = 'ا';
    }
    for (char c : "ىیےئ".toCharArray()) {
      TABLE[c] = 'ي';
    }
    TABLE['ة'] = 'ه';
    TABLE['ؤ'] = 'و';
    TABLE['ک'] = 'ك';
    TABLE['\u00A0'] = ' ';
    for (int d = 0; d < 10; d++) {
      TABLE[0x0660 + d] = (char) ('0' + d);
    }
  }

  static String tableLoop(String text) {
    int n = text.length();
    char[] out = new char[n];
    int o = 0;
    for (int i = 0; i < n; i++) {
      char c = TABLE[text.charAt(i)];
      if (c != DELETE) {
        out[o++] = c;
      }
    }
    return new String(out, 0, o);
  }

  /** The plain copy: what returning a new String of the same text costs. */
  static String copy(String text) {
    return new String(text.toCharArray());
  }
}
