package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.arnorm.engine.Engine;
import dev.arnorm.engine.Lines;
import dev.arnorm.rules.StepCounter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import net.jqwik.api.Provide;

/**
 * The engine's direct path (a table lookup per character between changes) against the same pipeline run
 * through its chain of stages alone. The text is made of tokens chosen to put every kind of context the
 * direct path must hand over to the chain next to clean words: marks after changed or deleted letters,
 * blanks around deleted characters, elongation across deleted characters, spelling triggers and their
 * neighbours, {@code &} on some lines, presentation forms that expand to several words.
 */
class DirectPathProperties {
  static final List<String> TOKENS = List.of(
      // clean and changed words
      "كلمة", "الكتاب", "في", "من", "على", "والله", "أحمد", "إلى", "آمن", "مكتبة", "مستشفى", "سئل", "مؤمن",
      "پیام", "ی", "ک", "ە", "ۀ",
      // marks: harakat, their order, marks no step touches, hamza marks on their own
      "كَتَبَ", "مُحَمَّد", "\u0651\u064E", "\u064E\u0651", "\u0627\u0654", "\u0648\u0654", "\u064A\u0654",
      "\u0654", "\u0670", "\u0483", "\u0301", "\u0316", "e\u0301", "\u00E9", "ب\u0483", "ب\u0651\u0483",
      // tatweel, alone, inside words, as a seat
      "جميـــل", "ـ", "بـَ", "ـٔ", "ـَٔ", "ـــ",
      // invisible characters, kept joiners
      "\u200F", "\u200E", "\u00AD", "\u200B", "\u200C", "\u200D", "\uFEFF", "\u061C",
      // blanks
      " ", "  ", "\t", "\t\t", "\u00A0", " \u200F ", "\u3000", " \u064E ",
      // elongation, also across deleted characters
      "جمييييل", "ههههه", "ووو", "ييي", "اااا", "ييـي", "ي\u200Fيي", "مممتاز", "تتتابع",
      // spelling triggers and phrases
      "انشاء", "الله", "انشاء الله", "ان شاء الله", "الى", "شيئ", "بشيئ", "لاكن", "ولاكن", "فى", "وفى",
      // orthography table words, with a tanween fath and a word the table leaves
      "اكثر", "الاسلام", "التى", "الحكومه", "ايضاً", "ايضًا", "رييس", "اعتقد", "أجنبى",
      // words of the test lexicons' phrases and conditions (Utf8StreamProperties)
      "أكبر", "جدا", "من", "ما", "شاء", "والله",
      // html
      "&", "&amp;", "&nbsp;", "AT&T", "&#1605;", "&quot;", "&amp;quot;",
      // presentation forms
      "ﻻ", "ﷲ", "ﷺ", "ﺍ", "\uFE70", "\uFE8D\uFE8E",
      // lines, digits, punctuation, others
      "\n", "\r\n", "\r", "\u2028", "abc", "123", "٣", "۴", "،", "؟", "\uD83D\uDE00", "\uD800", "\uDC00",
      "\u1100\u1161", "\uAC00");

  private static final Map<List<Step>, Engine[]> ENGINES = new ConcurrentHashMap<>();

  /**
   * [direct, chain only] for a step list: built once for a preset's list; random lists rarely repeat, and
   * keeping their engines (tables of a few hundred KB each) would fill the test heap.
   */
  private static Engine[] engines(List<Step> steps) {
    boolean preset = java.util.Arrays.stream(Preset.values()).anyMatch(p -> p.steps().equals(steps));
    if (!preset) {
      return new Engine[] {new Engine(Steps.kinds(steps), null, true), new Engine(Steps.kinds(steps), null, false)};
    }
    return ENGINES.computeIfAbsent(steps,
        s -> new Engine[] {new Engine(Steps.kinds(s), null, true), new Engine(Steps.kinds(s), null, false)});
  }

  private static void assertDirectPathEqualsChain(List<Step> steps, String s) {
    Engine[] e = engines(steps);
    assertEquals(e[1].normalize(s), e[0].normalize(s), () -> steps + " on " + NormalizerProperties.codePoints(s));
  }

  @Provide
  Arbitrary<List<Step>> pipeline() {
    return ArabicText.pipelines();
  }

  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> token = Arbitraries.of(TOKENS);
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "", "\n");
    return Combinators.combine(separator, token).as((a, b) -> a + b).list().ofMaxSize(30)
        .map(l -> String.join("", l));
  }

  /**
   * Runs of {@code &}s, which the direct path keeps as a run once it has judged the first of them, of every
   * length up to 40 between what may make them a reference's start or end, or residue, under the presets.
   */
  @Test
  void runsOfAmpersandsAsTheChainAloneJudgesThem() {
    List<String> before = List.of("", "x", "ب", " ", "\n", "a=", "ب\u064E", "AT", "&amp;", "\u200F");
    List<String> after = List.of("", "x", "ب", " ", "\n", "#", "#60;", "amp;", "lt", "\u00AD", "\u0651", ";", "=",
        "&ab", " ب", "\r\n",
        "#1617;", "#x64E;x", "amp;#x651;"); // references to marks: the & before them is judged by what they give
    for (Preset p : Preset.values()) {
      for (int n = 1; n <= 40; n++) {
        String run = "&".repeat(n);
        for (String b : before) {
          for (String a : after) {
            assertDirectPathEqualsChain(p.steps(), b + run + a);
            assertDirectPathEqualsChain(p.steps(), b + run + a + " " + b + run + a);
          }
        }
      }
    }
  }

  /**
   * An {@code &} before letters that start no reference's name ({@code &abc}) is judged on the direct path,
   * gathering on past later ones: sequences of such pieces, names that do start one among them, in every
   * order of three, after what may come before, under the presets, against the chain alone.
   */
  @Test
  void ampersandsBeforeNamesAsTheChainAloneJudgesThem() {
    List<String> pieces = List.of("&abc", "&zq", "&amp", "&amp;", "&lt", "&n", "&no", "&x1", "&AT", "abc", "ب",
        "&ب", "&#", "&#1617;", "&\u064E", "&\u0640", "&;", "&=", " ", "&abc\u00ADd", "&\u200Fab", "?a=1", "&q;");
    List<String> before = List.of("", "a", "ب", " ", "x=", "\n");
    for (Preset p : Preset.values()) {
      for (String b : before) {
        for (String x : pieces) {
          for (String y : pieces) {
            for (String z : pieces) {
              assertDirectPathEqualsChain(p.steps(), b + x + y + z);
            }
          }
        }
      }
    }
    for (Preset p : Preset.values()) { // long runs: past the lookahead and the gathering's allowance
      for (String x : List.of("&abc", ".&abc", "&a\u0640", "ب&abc", "&abc ")) {
        for (int n : new int[] {1, 2, 5, 30, 200}) {
          assertDirectPathEqualsChain(p.steps(), x.repeat(n));
          assertDirectPathEqualsChain(p.steps(), "ب " + x.repeat(n) + "&amp;lt; &#1617;");
        }
      }
    }
  }

  /**
   * Words glued by {@code &}s ({@code abc&abc&abc}) are kept as a stretch once the first {@code &} is judged,
   * without a verdict each: every sequence of four of these pieces, which make such stretches, break them
   * (a name that starts a reference, a mark, a blank, an Arabic letter, a {@code ;}) or start them late,
   * under the presets, against the chain alone.
   */
  @Test
  void wordsGluedByAmpersandsAsTheChainAloneJudgesThem() {
    List<String> pieces = List.of("abc", "&", "7", "&amp", "&lt", ";", " ", "ب", "\u064E", "x=", "&#1617;", ".");
    List<String> before = List.of("", "a", "ب ", "?q");
    for (Preset p : Preset.values()) {
      for (String b : before) {
        for (String w : pieces) {
          for (String x : pieces) {
            for (String y : pieces) {
              for (String z : pieces) {
                assertDirectPathEqualsChain(p.steps(), b + w + x + y + z);
              }
            }
          }
        }
      }
    }
    for (Preset p : Preset.values()) { // stretches longer than the word before's window
      for (int n : new int[] {20, 40, 100}) {
        assertDirectPathEqualsChain(p.steps(), "abc" + "&a1".repeat(n) + "&amp; x=1&b?" + "&q".repeat(n) + " &.");
        assertDirectPathEqualsChain(p.steps(), "ب" + "&abc".repeat(n) + "&\u064E");
        // What the stretch leaves for a later verdict: its last letter, and the length of the word before.
        assertDirectPathEqualsChain(p.steps(), "ب&" + "abc&".repeat(n) + "7.& ب");
        assertDirectPathEqualsChain(p.steps(), "ب?" + "1&".repeat(n) + "2.& ب");
      }
    }
  }

  /**
   * {@code &#} and digits whose value passes U+10FFFF is judged on the direct path as the decoder passes it
   * on: numbers at the edge of the range, at the edge of the lookahead (leading zeros), in either base,
   * after and before what may change the verdict or start another reference, under the presets.
   */
  @Test
  void numbersOutOfRangeAsTheChainAloneJudgesThem() {
    List<String> numbers = List.of("&#1114111", "&#1114112", "&#99999999", "&#x10FFFF", "&#x110000", "&#X110000;",
        "&#x11FFFFg", "&#0001114112", "&#" + "0".repeat(86) + "1114112", "&#" + "0".repeat(87) + "1114112",
        "&#" + "0".repeat(88) + "99999999", "&#" + "1".repeat(300), "&#xFFFFFFFFFF", "&#1114112\u00AD1", "&#12");
    List<String> before = List.of("", "a", "ب", " ", "x=", "&", "&abc", "\n", "&#", "&amp;");
    List<String> after = List.of("", "1", ";", "&", "&#1617;", " ب", "abc", "\u0640", "\u064E", "&lt", "=");
    for (Preset p : Preset.values()) {
      for (String b : before) {
        for (String x : numbers) {
          for (String a : after) {
            assertDirectPathEqualsChain(p.steps(), b + x + a);
            assertDirectPathEqualsChain(p.steps(), b + x + a + x);
          }
        }
      }
    }
  }

  @Property(tries = 4000)
  void directPathEqualsTheChainAlone(@ForAll("pipeline") List<Step> steps, @ForAll("text") String s) {
    assertDirectPathEqualsChain(steps, s);
  }

  @Property(tries = 1500)
  void directPathIntoAnAppendableEqualsTheChainAlone(@ForAll("pipeline") List<Step> steps,
      @ForAll("text") String s) throws IOException {
    Engine[] e = engines(steps);
    StringBuilder sb = new StringBuilder(">");
    e[0].normalize(s, sb, StepCounter.NONE);
    assertEquals(">" + e[1].normalize(s), sb.toString(),
        () -> steps + " on " + NormalizerProperties.codePoints(s));
  }

  @Property(tries = 1500)
  void unchangedTextComesBackAsTheSameInstance(@ForAll("pipeline") List<Step> steps, @ForAll("text") String s) {
    Engine direct = engines(steps)[0];
    String once = direct.normalize(s);
    if (once.equals(s)) {
      assertSame(s, once);
    }
  }

  /**
   * Lines for the html residue rules' left context: the direct path primes the html stages (or skims them)
   * from the line start up to where the chain starts, so the words, digits and punctuation before a glued
   * {@code &} must leave them as feeding the whole line would. Changed characters early on each line make
   * the chain start late.
   */
  private static final List<String> AMPERSAND_LINE_TOKENS = List.of(
      "كلمة", "عربي", "أحمد", "ـ", "\u200F", "ﻻ", "ﷺ", "abc", "Tom", "12", "٣", ".", "-", ",", "،", "؟", "\"",
      "&", ".&", "&-", "&,", "&.", "12.&", "&x", "R&D", "&amp;", "&nbsp;", "?a=1&b", "/", "\u064E", "\u0301",
      "\u00A0", "\t", "تي", "آر");

  @Provide
  Arbitrary<String> ampersandLines() {
    Arbitrary<String> token = Arbitraries.of(AMPERSAND_LINE_TOKENS);
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "", "\n");
    return Combinators.combine(separator, token).as((a, b) -> a + b).list().ofMinSize(3).ofMaxSize(40)
        .map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void primedHtmlStagesJudgeAsTheWholeLineWould(@ForAll("pipeline") List<Step> steps,
      @ForAll("ampersandLines") String s) {
    assertDirectPathEqualsChain(steps, s);
  }

  /**
   * Long clean stretches, which the direct path copies whole, meeting letters that make a run of three with
   * the letters at either end of them: from a ligature or a reference before, a mapped letter after.
   */
  private static final List<String> STRETCH_TOKENS = List.of(
      "كلمه في من علي كلمه في من علي كلمه في من", "كلمه في من علي كلمه في من علي كلمه في مني",
      "ييكلمه في من علي كلمه في من علي كلمه في من", "اكلمه في من علي كلمه في من علي كلمه في من اا",
      "ااكلمه في من علي كلمه في من علي كلمه في من", "كلمه في من علي كلمه في من علي كلمه في من يي",
      "ا", "اا", "ي", "يي", "ى", "ىى", "ﻻ", "ﻻا", "&#1575;", "&#1610;&#1610;", "\u064E", "ـ", "\u200F", "...");

  @Provide
  Arbitrary<String> stretches() {
    Arbitrary<String> token = Arbitraries.of(STRETCH_TOKENS);
    Arbitrary<String> separator = Arbitraries.of(" ", "", "", "", "\n");
    return Combinators.combine(separator, token).as((a, b) -> a + b).list().ofMinSize(2).ofMaxSize(12)
        .map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void runsAcrossStretchesCopiedWholeElongateAsTheChainWould(@ForAll("pipeline") List<Step> steps,
      @ForAll("stretches") String s) {
    assertDirectPathEqualsChain(steps, s);
  }

  /**
   * Hostile shapes the direct path takes whole, not a character at a time through the chain: runs of
   * {@code &} (kept on the direct path while what ends the run starts no reference) and clusters of more
   * kept marks than an insertion sort may move (sorted in with the cluster's, marks of one combining class
   * kept in their order), each ended by every kind of neighbour: a reference, a name character, a mark, a
   * blank, a tatweel, a deleted character.
   */
  @Provide
  Arbitrary<String> runs() {
    Arbitrary<String> ampersands = Arbitraries.integers().between(1, 40).map("&"::repeat);
    // Marks of every kind, and marks no composition involves (two per combining class), which the direct
    // path keeps in long clusters: one mark of another kind would send the cluster to the chain.
    Arbitrary<String> anyMark = Arbitraries.of("\u064E", "\u0651", "\u0652", "\u0670", "\u0654", "\u0655",
        "\u0301", "\u0316", "\u0483", "\u05B0", "\u064B", "\u0650");
    Arbitrary<String> keptMark = Arbitraries.of("\u064E", "\u0651", "\u0610", "\u06D6", "\u0483", "\u0656",
        "\u065C");
    Arbitrary<String> marks = Arbitraries.oneOf(markRun(anyMark), markRun(keptMark));
    Arbitrary<String> base = Arbitraries.of("ب", "ا", "و", "ي", "ۀ", "e", "", "ـ", " ");
    Arbitrary<String> cluster = Combinators.combine(base, marks).as((b, m) -> b + m);
    Arbitrary<String> neighbour = Arbitraries.of("", "#35;60;", "#1614;", "amp;", "quot", "x", "1", "ب", "كلمة",
        "\u064E", "\u0654", " ", "\n", "ـ", "ـٔ", "\u00AD", "\u200F", "\u200D", "\u00A0", "ﻻ", "؟", ".", "&x");
    Arbitrary<String> run = Arbitraries.oneOf(ampersands, cluster);
    Arbitrary<String> piece = Combinators.combine(neighbour, run, neighbour).as((a, b, c) -> a + b + c);
    return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  private static Arbitrary<String> markRun(Arbitrary<String> mark) {
    return mark.list().ofMinSize(1).ofMaxSize(120).withSizeDistribution(net.jqwik.api.RandomDistribution.uniform())
        .map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void ampersandRunsAndLongMarkClustersComeOutAsTheChainMakesThem(@ForAll("pipeline") List<Step> steps,
      @ForAll("runs") String s) {
    assertDirectPathEqualsChain(steps, s);
  }
}
