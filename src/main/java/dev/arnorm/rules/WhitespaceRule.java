package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;

/**
 * Every Unicode space separator (general category Zs: NBSP, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000)
 * becomes U+0020, and a run of two or more spaces and tabs becomes one space. A single tab stays a tab, so
 * tab-separated data keeps its columns. Line breaks (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029) are never
 * touched, so the line structure of the text is kept exactly.
 */
public final class WhitespaceRule extends Rule {
  private static final UnicodeSet TOUCHED = new UnicodeSet(UnicodeData.SPACE_SEPARATORS).remove(' ').freeze();

  public WhitespaceRule() {
    super(StepId.WHITESPACE);
  }

  public static boolean isBlank(int cp) {
    return cp == ' ' || cp == '\t' || UnicodeData.isSpaceSeparator(cp);
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  @Override
  public boolean blankSensitive() {
    return true;
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new Stage(next) {
      private int run;
      private int first;
      private long changed;

      @Override
      public void put(int cp) {
        if (isBlank(cp)) {
          if (run++ == 0) {
            first = cp;
          } else {
            changed++;
          }
          return;
        }
        flush();
        next.put(cp);
      }

      @Override
      public boolean idle() {
        return run == 0;
      }

      @Override
      public void reset() {
        run = 0;
      }

      private void flush() {
        if (run == 0) {
          return;
        }
        if (run == 1 && (first == ' ' || first == '\t')) {
          next.put(first);
        } else {
          if (run == 1 || first != ' ') {
            changed++;
          }
          next.put(' ');
        }
        run = 0;
      }

      @Override
      public void end() {
        flush();
        counter.count(step, changed);
        next.end();
      }
    };
  }
}
