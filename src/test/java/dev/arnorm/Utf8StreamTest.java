package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arnorm.stream.Utf8Stream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases of {@link ArabicNormalizer#normalize(java.io.InputStream, java.io.OutputStream)} worth naming. */
class Utf8StreamTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytesThrough(ArabicNormalizer n, byte[] in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    n.normalize(new ByteArrayInputStream(in), out);
    return out.toByteArray();
  }

  /** Through the public entry point, and through both forms of the byte loop. */
  private static void sameAsString(ArabicNormalizer n, String s) throws IOException {
    assertEquals(n.normalize(s), new String(bytesThrough(n, utf8(s)), StandardCharsets.UTF_8));
    assertEquals(n.normalize(s), new String(Utf8StreamProperties.run(n, utf8(s), Utf8Stream.BLOCK,
        List.of(Integer.MAX_VALUE)), StandardCharsets.UTF_8));
  }

  private static long offsetOf(ArabicNormalizer n, byte[] in) {
    return assertThrows(MalformedUtf8Exception.class, () -> bytesThrough(n, in)).offset();
  }

  @Test
  void theByteLoopServesEveryPreset() {
    assertEquals(true, ArabicNormalizer.LIGHT.engine().hotLoopOnBytes());
    assertEquals(true, ArabicNormalizer.SEARCH.engine().hotLoopOnBytes());
    assertEquals(true, ArabicNormalizer.LUCENE.engine().hotLoopOnBytes());
    assertEquals(true, ArabicNormalizer.SOCIAL.engine().hotLoopOnBytes());
  }

  /** A lexicon condition on the word before a match: the loop does not hand that word over, so it stays off. */
  @Test
  void aLexiconThatLooksBackKeepsTheByteLoopOff() throws IOException {
    Lexicon l = Lexicon.parse(new java.io.StringReader("كده\tهكذا\tcolloquial\tafter=مش\n"), "test");
    assertEquals(false, ArabicNormalizer.builder().add(Preset.SOCIAL).lexicon(l).build().engine().hotLoopOnBytes());
  }

  @Test
  void realTextComesOutAsTheStringPathMakesIt() throws IOException {
    // Every corpus under every preset, with the default block and with blocks shorter than many lines.
    List<String> corpora = new java.util.ArrayList<>(Corpora.NEWS);
    corpora.add("quran-uthmani.txt");
    corpora.add("arsarcasm-tweets-sample.txt"); // real comments: the word lookups of social stop often
    for (String name : corpora) {
      String text = Corpora.text(name);
      byte[] in = utf8(text);
      for (Preset preset : Preset.values()) {
        ArabicNormalizer n = preset.normalizer();
        byte[] expected = utf8(n.normalize(text));
        assertArrayEquals(expected, bytesThrough(n, in), name + " under " + preset);
        assertArrayEquals(expected, Utf8StreamProperties.run(n, in, 200, List.of(4096)),
            name + " under " + preset + " in blocks of 200 bytes");
      }
    }
  }

  /**
   * The byte loop hands the chain a trigger and the words its decisions may look at: also those of a
   * phrase that starts later in the same token (the comma glues انشاء to الى), and of a condition.
   */
  @Test
  void aPhraseStartingInsideTheStoppedTokenIsSeenWhole() throws IOException {
    String s = "قال الى،انشاء الله و اكثر،ان شاء الله كتاب\n";
    for (ArabicNormalizer n : List.of(ArabicNormalizer.SOCIAL, ArabicNormalizer.parse("spelling"))) {
      assertEquals(n.normalize(s), new String(bytesThrough(n, utf8(s)), StandardCharsets.UTF_8), n.toString());
    }
    assertEquals("قال إلى،إن شاء الله و أكثر،إن شاء الله كتاب\n", ArabicNormalizer.SOCIAL.normalize(s));
  }

  @Test
  void aWordTooLongToJudgeAfterHeldBackWordsStreamsAsTheStringPathMakesIt() throws IOException {
    String s = " ان ل ش ر ل ن " + "لاكن".repeat(40) + " الى\n";
    for (ArabicNormalizer n : List.of(ArabicNormalizer.SOCIAL, ArabicNormalizer.parse("spelling"))) {
      assertEquals(n.normalize(s), new String(bytesThrough(n, utf8(s)), StandardCharsets.UTF_8), n.toString());
    }
  }

  /**
   * A stop with no word after it on its line (news lines often end in a space and NBSPs) is handed over from
   * the blank before it to the line's end, not with the whole line.
   */
  @Test
  void aStopWithNoWordAfterItIsHandedOverToTheLinesEnd() throws IOException {
    String text = "قال المتحدث إن الاتفاق مستمر حتى الآن.";
    for (String tail : List.of(" \u00A0", " \u00A0\u00A0 \u00A0", "  ", " ـ", " ـــ", " \u200F", " \uFEFB", " \u064E",
        "\u00A0 ", " &amp;", " \u00A0\r")) {
      for (String end : List.of("\n", "\r\n", "")) {
        String s = text + tail + end + text + end;
        for (Preset preset : Preset.values()) {
          sameAsString(preset.normalizer(), s);
        }
        sameAsString(ArabicNormalizer.parse("whitespace"), s);
        sameAsString(ArabicNormalizer.parse("tatweel,invisible"), s);
      }
    }
  }

  @Test
  void emptyInputGivesNothing() throws IOException {
    assertArrayEquals(new byte[0], bytesThrough(ArabicNormalizer.SEARCH, new byte[0]));
  }

  @Test
  void lineBreaksAndAMissingFinalBreakAreKept() throws IOException {
    String s = "أحمد\r\nكلمة\n\nآخر سطر بلا نهاية";
    assertEquals("احمد\r\nكلمه\n\nاخر سطر بلا نهايه",
        new String(bytesThrough(ArabicNormalizer.SEARCH, utf8(s)), StandardCharsets.UTF_8));
  }

  @Test
  void marksOutOfCanonicalOrderAreReorderedOnTheBytes() throws IOException {
    // Shadda before fatha, as typed: NFC puts the fatha (class 30) before the shadda (33).
    assertEquals("مُحَمَّد\n", new String(
        bytesThrough(ArabicNormalizer.LIGHT, utf8("مُحَمَّد\n")), StandardCharsets.UTF_8));
  }

  @Test
  void aMarkAfterAClosedReplacementGoesToTheChain() throws IOException {
    // ۀ has a canonical decomposition (ە + hamza above): a kept mark after it is the chain's to place.
    sameAsString(ArabicNormalizer.of(Step.DIACRITICS), "كَۀ\u0483\nۀ\u0483");
  }

  @Test
  void aLineThatGrowsPastThreeTimesItsBytesIsFollowedByMoreLines() throws IOException {
    // ﷺ (3 bytes) becomes صلى الله عليه وسلم (33 bytes): the output block grows within a block.
    sameAsString(ArabicNormalizer.LIGHT, "ﷺ".repeat(3000) + "\n" + "كلمة أخرى\n".repeat(3000));
  }

  @Test
  void aLineLongerThanTheBlockIsHeldWholeAndTheLinesAfterItAreNot() throws IOException {
    // About 130 KB and 1.3 MB, no line break: the block grows to hold them (up to a 256th of the heap,
    // LongestLineTest). A line longer than that streams: Utf8StreamProperties reaches it with small blocks.
    for (int times : new int[] {4000, 40_000}) {
      String longLine = "العمل&معا مـرحبا\u00A0 أحمد AT&T ".repeat(times);
      for (ArabicNormalizer n : List.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH, ArabicNormalizer.SOCIAL)) {
        sameAsString(n, "سطر أول\n" + longLine + "\nسطر أخير&\n" + "نص نظيف\n".repeat(100));
        sameAsString(n, longLine);
      }
    }
  }

  /**
   * A piece of a long line that the engine must take whole (an {@code &} on the line, a stop with no blank
   * before it) is streamed when it is longer than the block, not held as Strings: a line of ﷺ, 18 chars
   * each, held whole and expanded took about 90 times its size.
   */
  @Test
  void aLongPieceTheEngineTakesIsStreamedAndGivesTheSameText() throws IOException {
    String ligatures = "\uFDFA".repeat(120_000); // 360 KB, 2.16M chars once expanded
    for (String line : List.of(ligatures, "a&b " + ligatures, "كلمة " + ligatures, ligatures + " كلمة")) {
      for (ArabicNormalizer n : List.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH, ArabicNormalizer.SOCIAL)) {
        sameAsString(n, "سطر\n" + line + "\nسطر أخير\n");
      }
    }
    // Malformed inside such a piece: the offset is the stream's.
    byte[] in = utf8("سطر\n&" + ligatures + "\n");
    in[8 + 3 * 50_000] = (byte) 0xFF; // the lead byte of the 50,001st ligature
    assertEquals(8 + 3 * 50_000, offsetOf(ArabicNormalizer.LIGHT, in));
  }

  @Test
  void fourByteCharactersPass() throws IOException {
    sameAsString(ArabicNormalizer.SEARCH, "أهلا \uD83D\uDE00 بكم\n\uD83D\uDE00");
    // U+20BB7 and U+10FFFD: lines the String path writes, with a change, so they are encoded anew.
    sameAsString(ArabicNormalizer.SEARCH, "أ\uD842\uDFB7&amp;\n\uDBFF\uDFFDأ");
  }

  @Test
  void malformedInputNamesTheOffsetOfItsFirstBadByte() {
    ArabicNormalizer n = ArabicNormalizer.SEARCH;
    byte[] clean = utf8("أحمد\n"); // 9 bytes: the bad sequences below start at offset 9
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0xC0, (byte) 0xAF}))); // overlong /
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}))); // overlong
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))); // surrogate
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})));
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0x80, 'a'}))); // a stray continuation
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0xD9}))); // cut off at the end
    assertEquals(9, offsetOf(n, concat(clean, new byte[] {(byte) 0xD9, '\n', 'a'}))); // cut off by a line break
  }

  @Test
  void malformedInputInALongLineNamesItsOffsetToo() {
    byte[] line = utf8("كلمة ".repeat(20_000)); // 180,000 bytes
    byte[] in = concat(line, new byte[] {(byte) 0xFF, '\n'});
    assertEquals(line.length, offsetOf(ArabicNormalizer.LIGHT, in));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
