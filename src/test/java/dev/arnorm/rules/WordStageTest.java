package dev.arnorm.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a word stage hands to {@code word} and what {@code emitText} passes on, against ICU's normal forms. */
class WordStageTest {
  /** The code points a stage passes on. */
  private static final class Collect extends Stage {
    final StringBuilder text = new StringBuilder();

    Collect() {
      super(null);
    }

    @Override
    public void put(int cp) {
      text.appendCodePoint(cp);
    }

    @Override
    public void end() {}
  }

  /** A stage that records each word it is given and emits it back as it is. */
  private static final class Echo extends WordStage {
    final List<String> words = new ArrayList<>();

    Echo(Stage next) {
      super(next);
    }

    @Override
    public void word(String w) {
      words.add(w);
      emitText(w);
    }
  }

  private static Echo run(String text, Collect out) {
    Echo echo = new Echo(out);
    String decomposed = UnicodeData.NFD.normalize(text);
    decomposed.codePoints().forEach(echo::put);
    echo.end();
    return echo;
  }

  @Test
  void wordsArriveInNfcAndLeaveDecomposed() {
    // Plain words (their own NFC), words with a hamza letter (ا + U+0654 as they arrive) and with harakat.
    String text = "التي أكثر إلى مُدرسة آخر ؤ ئ كتب";
    Collect out = new Collect();
    Echo echo = run(text, out);
    assertEquals(List.of(UnicodeData.NFC.normalize(text).split(" ")), echo.words);
    assertEquals(UnicodeData.NFD.normalize(text), out.text.toString());
  }

  /**
   * Decompositions are remembered by hash in a small table: two different words in one slot, in turn, each
   * come out as their own decomposition.
   */
  @Test
  void wordsSharingATableSlotEachDecomposeAsThemselves() {
    String a = "أكثر";
    String b = null;
    // Another word with a hamza letter whose hash falls in a's slot (the table has 64): أ and two letters.
    for (char x = '\u0628'; x <= '\u063A' && b == null; x++) {
      for (char y = '\u0628'; y <= '\u063A' && b == null; y++) {
        String w = "\u0623" + x + y;
        if ((w.hashCode() & 63) == (a.hashCode() & 63)) {
          b = w;
        }
      }
    }
    assertNotEquals(null, b, "no word of the list shares a slot with " + a);
    String text = String.join(" ", a, b, a, b, b, a);
    Collect out = new Collect();
    run(text, out);
    assertEquals(UnicodeData.NFD.normalize(text), out.text.toString());
  }
}
