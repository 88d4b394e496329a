package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.engine.DirectTable;
import dev.arnorm.engine.Engine;
import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.rules.NfcSink;
import dev.arnorm.rules.Stage;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.WordStage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases random search found where the direct path must hand a whole word to the chain. */
class DirectPathTest {
  /**
   * A guard against a quadratic path, not a measure (those are HostileBenchmark's): a line of 360k chars of
   * {@code &abc} takes milliseconds under every preset. When an {@code &} already kept with the words before
   * it was judged again, the stray judge read the line again from its start for each one: under
   * {@code social}, minutes.
   */
  @Test
  void aLineOfWordsGluedByAmpersandsIsNotReadAgainForEachOne() {
    String line = "&abc".repeat(90_000);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (ArabicNormalizer n : List.of(ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH, ArabicNormalizer.SOCIAL)) {
        assertEquals(line, n.normalize(line));
      }
    });
  }

  private static void sameAsChain(List<Step> steps, String s) {
    assertEquals(new Engine(Steps.kinds(steps), null, false).normalize(s), new Engine(Steps.kinds(steps), null, true).normalize(s));
  }

  @Test
  void aKeptMarkAfterAClosedReplacementGoesToTheChain() {
    // ۀ decomposes (ە + hamza above): the combining class after it says no mark may follow on the direct path.
    sameAsChain(List.of(Step.DIACRITICS), "كَۀ\u0483");
  }

  @Test
  void hangulSyllablesAreCopiedAndStillComposeWithAFollowingJamo() {
    // 각 (LVT) and 가 (LV) are copies on the direct path; 가 + U+11A8 composes to 각, as NFC does.
    String text = "각 가 \uAC00\u11A8 \u1100\u1161";
    for (Preset p : Preset.values()) {
      sameAsChain(p.steps(), text);
    }
    assertEquals("각 가 각 가", ArabicNormalizer.SEARCH.normalize(text));
    String clean = "كلمة 각 가";
    assertTrue(ArabicNormalizer.LIGHT.normalize(clean) == clean);
  }

  @Test
  void aTatweelInsideAWordDoesNotSplitItForSpelling() {
    // The word steps see كلمةان (the tatweel is gone): no phrase starts at ان.
    sameAsChain(Preset.SOCIAL.steps(), " كلمةـان شاء الله \u0651\u064E");
    assertEquals(" كلمةان شاء الله \u064E\u0651",
        ArabicNormalizer.SOCIAL.normalize(" كلمةـان شاء الله \u0651\u064E"));
  }

  @Test
  void aBidiMarkInsideARunStillElongates() {
    sameAsChain(Preset.SEARCH.steps(), "كلمة جمي\u200Fيييل");
    assertEquals("كلمه جميل", ArabicNormalizer.SEARCH.normalize("كلمة جمي\u200Fيييل"));
  }

  @Test
  void blanksAroundADeletedCharacterMerge() {
    sameAsChain(Preset.LIGHT.steps(), "كلمة \u200F\u200F كلمة");
    assertEquals("كلمة كلمة", ArabicNormalizer.LIGHT.normalize("كلمة \u200F\u200F كلمة"));
  }

  @Test
  void marksAfterDeletedTatweelsJoinTheLetterBefore() {
    // Under light the fatha moves onto the ب, where canonical order puts it before the shadda.
    sameAsChain(Preset.LIGHT.steps(), "ب\u0651ـــ\u064E");
    assertEquals("ب\u064E\u0651", ArabicNormalizer.LIGHT.normalize("ب\u0651ـــ\u064E"));
  }

  @Test
  void aSecondHtmlStepAlsoJudgesWithTheLineBeforeIt() {
    // The html stages read the line start primed; a second html-entities step needs it as much as the first.
    sameAsChain(List.of(Step.HTML_ENTITIES, Step.HTML_ENTITIES), "=ءء&");
    sameAsChain(List.of(Step.PUNCTUATION, Step.HTML_ENTITIES, Step.TEH_MARBUTA, Step.HTML_ENTITIES),
        "الى٩?ۀ٠ﻵ\u200Cﷲ&amp\uFEFFمممتاز؟;۬ٝر");
  }

  @Test
  void aDecodedLetterBelongsToTheWordAfterIt() {
    // &#1605; is م: the word is مههههه, elongated to مه, not a laugh of its own.
    sameAsChain(Preset.SEARCH.steps(), " &#1605;ههههه");
    sameAsChain(Preset.SEARCH.steps(), " &#1605;&#1605;ههههه");
    assertEquals(" مه", ArabicNormalizer.SEARCH.normalize(" &#1605;ههههه"));
  }

  @Test
  void completeReferencesDecodeOnTheDirectPath() {
    sameAsChain(Preset.SEARCH.steps(), "كلمة&nbsp;&nbsp;كلمة &quot;نص&quot; &#1605;&#x645; a&amp;b &amp;quot;");
    assertEquals("كلمه كلمه \"نص\" مم a&b \"",
        ArabicNormalizer.SEARCH.normalize("كلمة&nbsp;&nbsp;كلمة &quot;نص&quot; &#1605;&#x645; a&amp;b &amp;quot;"));
  }

  @Test
  void theChainSuspendsBeforeASpaceThatEndsAWord() {
    // The word stages finish a word when the space comes (WordStage.boundary), so the chain stops at the
    // first space after the stray & rather than at the next space after punctuation; a later change then
    // either resumes it or starts afresh.
    sameAsChain(Preset.SEARCH.steps(), "قال&عقد في مزرعةٍ شمال جميييل سوريا&معًا ضدَ أعدائِهما");
    sameAsChain(Preset.SOCIAL.steps(), "قال&عقد ان شاء الله جميييل ان شاء الله&معًا");
    assertEquals("قال عقد في مزرعه شمال جميل سوريا معا ضد اعدايهما",
        ArabicNormalizer.SEARCH.normalize("قال&عقد في مزرعةٍ شمال جميييل سوريا&معًا ضدَ أعدائِهما"));
  }

  @Test
  void aWordFinishedAtABoundaryComesOutAsTheBlankWouldMakeIt() {
    for (String word : List.of("جميييل", "ههههه", "كلمة")) {
      StringBuilder early = new StringBuilder();
      StringBuilder late = new StringBuilder();
      WordStage a = (WordStage) Step.ELONGATION.kind.rule().newStage(new NfcSink(early), StepCounter.NONE);
      Stage b = Step.ELONGATION.kind.rule().newStage(new NfcSink(late), StepCounter.NONE);
      word.codePoints().forEach(a::put);
      a.boundary();
      a.put(' ');
      a.end();
      word.codePoints().forEach(b::put);
      b.put(' ');
      b.end();
      assertEquals(late.toString(), early.toString(), word);
    }
  }

  @Test
  void skimmedHtmlStagesSeeTheMapsBeforeThem() {
    // punctuation runs before html-entities: ؟ reaches the residue rules as ?, which makes x?y. a query
    // string and keeps the &. The chain starts at the ., after a skim of the line before it.
    sameAsChain(List.of(Step.PUNCTUATION, Step.HTML_ENTITIES, Step.TATWEEL), "بـ x؟y.&ب");
    assertEquals("ب x?y.&ب", ArabicNormalizer.of(Step.PUNCTUATION, Step.HTML_ENTITIES, Step.TATWEEL)
        .normalize("بـ x؟y.&ب"));
  }

  @Test
  void skimmedHtmlStagesKeepTheLastLetterBeforeTheLastSpace() {
    // The residue rules drop an & glued to punctuation in Arabic text: the last letter, ي, is before the
    // last space of the skimmed stretch.
    sameAsChain(Preset.LIGHT.steps(), "نصـ عربي 12.& x");
    assertEquals("نص عربي 12. x", ArabicNormalizer.LIGHT.normalize("نصـ عربي 12.& x"));
    // The line starts with Latin: only the look back for the last letter finds the Arabic one.
    sameAsChain(Preset.LIGHT.steps(), "abc نصـ عربي 12.& x");
    assertEquals("abc نص عربي 12. x", ArabicNormalizer.LIGHT.normalize("abc نصـ عربي 12.& x"));
  }

  @Test
  void twoSpacesMergeWhereverTheyFallInACleanStretchCopiedWhole() {
    // After the second ligature (a change, after a long run) the rest is clean and copied whole: the two
    // spaces must merge wherever they fall in it.
    Engine direct = new Engine(Steps.kinds(Preset.LIGHT.steps()), null, true);
    String head = "ﻻ" + "كلمة ".repeat(20) + "ﻻ";
    for (int len = head.length() + 4000; len < head.length() + 4200; len++) {
      StringBuilder sb = new StringBuilder(head);
      while (sb.length() < len) {
        sb.append(sb.length() % 7 == 0 ? ' ' : 'ك');
      }
      String s = sb.append("  نص").toString();
      String expected = s.replace("ﻻ", "لا").replaceAll(" {2,}", " ");
      String out = direct.normalize(s);
      assertTrue(expected.equals(out), "at " + len); // the texts are too long for a readable diff
    }
  }

  @Test
  void aNoBreakSpaceIsABlankInTheHotLoop() {
    // U+00A0 becomes a space there (DirectTable.MAP1_BLANK): it merges with a blank on either side, in
    // either order, and a kept mark after it stays after it.
    String s = "كلمة\u00A0كلمة\u00A0 كلمة \u00A0كلمة\u00A0\u00A0كلمة\u00A0\u0651 كلمة\u00A0";
    sameAsChain(Preset.LIGHT.steps(), s);
    sameAsChain(Preset.SEARCH.steps(), s);
    assertEquals("كلمة كلمة كلمة كلمة كلمة \u0651 كلمة ", ArabicNormalizer.LIGHT.normalize(s));
  }

  @Test
  void aNoBreakSpaceIsClassedAsABlankReplacement() {
    Engine light = new Engine(Steps.kinds(Preset.LIGHT.steps()), null, true);
    assertEquals(DirectTable.MAP1_BLANK, light.table.cls['\u00A0']);
    assertEquals(' ', light.table.map('\u00A0'));
    // Without the whitespace step nothing merges blanks: the no-break space stays what it is.
    Engine noWhitespace = new Engine(Steps.kinds(List.of(Step.ALEF)), null, true);
    assertEquals(DirectTable.COPY, noWhitespace.table.cls['\u00A0']);
  }

  @Test
  void strayAmpersandsComeOutAsTheChainMakesThem() {
    // Kept between spaces, a space between Arabic words, dropped when glued to one word or to punctuation
    // in Arabic text; several on one line, each judged with the verdicts before it in its left context.
    String s = "قال & عقد النصرة،&عقد والعمل&معا ضد هنية& ذكر ثم &- ولو كانوا . &الى";
    sameAsChain(Preset.SEARCH.steps(), s);
    sameAsChain(Preset.LIGHT.steps(), s);
    sameAsChain(List.of(Step.HTML_ENTITIES), s);
    assertEquals("قال & عقد النصرة، عقد والعمل معا ضد هنية ذكر ثم - ولو كانوا . الى",
        ArabicNormalizer.LIGHT.normalize(s));
  }

  @Test
  void anAmpersandTheDecoderCouldTakeLeavesTheRestOfItsLineToTheChain() {
    // AT&T starts no reference but a name character follows the &: the chain judges it, and the & after it.
    sameAsChain(Preset.SEARCH.steps(), "كلمة&كلمة AT&T كلمة&كلمة R&D&amp;x كلمة&");
    sameAsChain(Preset.SEARCH.steps(), "كلمة&كلمة&كلمة كلمة&&كلمة");
  }

  @Test
  void aChainStartedRightAfterAJudgedAmpersandHasItsLine() {
    // The chain (for the tatweel) stops at the space after كلمة; the direct path drops the & after the dot;
    // the & in كلمة&x (a name character follows) is the chain's, and it would start right after the first &,
    // whose word the residue stage still waits for: it starts at that & instead, or resumes.
    for (String tail : List.of("كلمة&x", "كلمة &amp", "كلمة &#")) {
      String s = " ب\u0640 كلمة .& " + tail;
      sameAsChain(Preset.SEARCH.steps(), s);
      assertEquals(" ب كلمه . " + ArabicNormalizer.SEARCH.normalize(tail), ArabicNormalizer.SEARCH.normalize(s));
    }
  }

  @Test
  void aStringBuilderNormalizedAgainWithOtherContentsIsJudgedAfresh() {
    // Found by random search with the state kept across calls: the & of the first contents was judged,
    // and the & of the second, further along the same line, was judged on from that stale state.
    Engine direct = new Engine(Steps.kinds(Preset.SEARCH.steps()), null, true);
    StringBuilder reused = new StringBuilder("&.\n.-\n\u0301");
    direct.normalize(reused);
    reused.setLength(0);
    reused.append(" &-\u064E-\n\u0301");
    assertEquals(new Engine(Steps.kinds(Preset.SEARCH.steps()), null, false).normalize(reused.toString()),
        direct.normalize(reused));
  }

  @Test
  void strayAmpersandVerdictsCarryTheLineAndDoNotDependOnTheOrderAsked() {
    String s = "قال & عقد النصرة\u060C&عقد والعمل&معا هنية& ذكر AT&T كلمة&كلمة";
    int[] amps = s.chars().map(c -> 0).toArray();
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '&') {
        amps[count++] = i;
      }
    }
    int[] expected = {HtmlEntitiesRule.KEEP, HtmlEntitiesRule.SPACE, HtmlEntitiesRule.SPACE,
        HtmlEntitiesRule.DROP, HtmlEntitiesRule.UNDECIDED, HtmlEntitiesRule.UNDECIDED};
    assertEquals(expected.length, count);
    HtmlEntitiesRule rule = (HtmlEntitiesRule) Step.HTML_ENTITIES.kind.rule();
    HtmlEntitiesRule.StrayAmpersands inOrder = rule.new StrayAmpersands(null);
    for (int i = 0; i < count; i++) {
      assertEquals(expected[i], inOrder.verdict(s, 0, amps[i]), "& number " + i);
    }
    // A kept & makes the line hold text: the second & is then kept between blanks, not dropped as alone
    // on its line.
    HtmlEntitiesRule.StrayAmpersands carried = rule.new StrayAmpersands(null);
    assertEquals(HtmlEntitiesRule.KEEP, carried.verdict("& &", 0, 0));
    assertEquals(HtmlEntitiesRule.KEEP, carried.verdict("& &", 0, 2));
    assertEquals("& &", ArabicNormalizer.LIGHT.normalize("& &"));
    // From the last back to the first: each verdict computed afresh from the line start.
    HtmlEntitiesRule.StrayAmpersands backwards = rule.new StrayAmpersands(null);
    for (int i = count - 1; i >= 0; i--) {
      assertEquals(expected[i], backwards.verdict(s, 0, amps[i]), "& number " + i);
    }
  }

  @Test
  void aRunOfAmpersandsIsJudgedByWhatEndsIt() {
    // Kept while what ends the run starts no reference. &#35; ends this one: it gives #, which the & before it
    // reads on (&#60;, then <), as the chain decodes it.
    String run = "&".repeat(40);
    for (String end : List.of("", " كلمة", "x", "#35;60;", "amp;", "\u064E", "ـ", "\u200F", "\n&")) {
      for (Preset p : Preset.values()) {
        sameAsChain(p.steps(), "كلمة " + run + end);
      }
    }
    assertEquals(run + " كلمة", ArabicNormalizer.LIGHT.normalize(run + " كلمة"));
    assertEquals("&".repeat(38) + "<", ArabicNormalizer.LIGHT.normalize(run + "#35;60;"));
  }

  @Test
  void aLongClusterOfKeptMarksIsSortedAsNfcSortsIt() {
    // More out-of-order marks than an insertion sort may move; marks of one class keep their order.
    String cluster = "\u0651\u064E\u06D6\u0610".repeat(50);
    for (Preset p : Preset.values()) {
      sameAsChain(p.steps(), "ب" + cluster + " كلمة");
    }
    assertEquals("ب" + "\u064E".repeat(50) + "\u0651".repeat(50) + "\u06D6\u0610".repeat(50),
        ArabicNormalizer.LIGHT.normalize("ب" + cluster));
  }

  @Test
  void aLongClusterAfterTextHandedToTheTargetIsSortedWhereItIs() throws java.io.IOException {
    // Over 32K chars, then AT&T (the chain's): what came before it is handed to the target while the output
    // is still the input, with no buffer. The first fatha needs more moves than the insertion sort makes, so
    // the cluster is sorted with no buffer yet either, at its place in what is left.
    String cluster = "\u0651".repeat(40) + "\u064E".repeat(40);
    String text = "كلمة ".repeat(8000) + "AT&T" + " كلمة".repeat(20) + " ب" + cluster + " كلمة";
    StringBuilder target = new StringBuilder();
    new Engine(Steps.kinds(Preset.LIGHT.steps()), null, true).normalize(text, target, StepCounter.NONE);
    assertEquals(ArabicNormalizer.LIGHT.normalize(text), target.toString());
    assertEquals("كلمة ".repeat(8000) + "AT&T" + " كلمة".repeat(20) + " ب" + "\u064E".repeat(40)
        + "\u0651".repeat(40) + " كلمة", target.toString());
  }

  @Test
  void marksPastTheChainsSegmentLengthAreOrderedAsTheChainOrdersThem() {
    // The chain sorts a cluster's marks within pieces of NfcSink.MAX_SEGMENT chars (the first with the base):
    // a fatha after 4095 chars of its cluster stays after the shaddas of the piece before, and the direct
    // path sorts in the same pieces.
    int max = NfcSink.MAX_SEGMENT;
    for (int pairs = max / 2 - 4; pairs <= max / 2 + 4; pairs++) {
      sameAsChain(Preset.LIGHT.steps(), "ب" + "\u0651\u064E".repeat(pairs) + " كلمة");
    }
    for (int fathas = max - 8; fathas <= max; fathas++) {
      sameAsChain(Preset.LIGHT.steps(), "ب" + "\u064E".repeat(fathas) + "\u0651\u0651\u0651\u064E");
    }
    assertEquals("ب" + "\u064E".repeat(max / 2 - 1) + "\u0651".repeat(max / 2) + "\u064E",
        ArabicNormalizer.LIGHT.normalize("ب" + "\u0651\u064E".repeat(max / 2)));
    // Clusters of several pieces, of kept marks in any order, a deleted character among them.
    java.util.Random random = new java.util.Random(14);
    String kept = "\u064E\u0651\u0652\u0610\u06D6\u0656\u065C\u0483";
    for (int t = 0; t < 12; t++) {
      StringBuilder cluster = new StringBuilder("ب");
      for (int i = 3 * max + random.nextInt(max); i > 0; i--) {
        cluster.append(random.nextInt(500) == 0 ? '\u200F' : kept.charAt(random.nextInt(kept.length())));
      }
      sameAsChain(Preset.LIGHT.steps(), cluster + " كلمة");
    }
  }

  /** What the table records as it is built, against the definition read off every entry of it. */
  private static boolean hotLoopFitsBytes(Engine e, boolean direct) {
    for (dev.arnorm.rules.Rule r : e.rules) {
      if (r.wordTriggers() != null && r.looksBack()) {
        return false;
      }
    }
    int[] t = e.table.classAndMap;
    for (int c = 0; c < t.length; c++) {
      int cls = t[c] & 0xFF;
      char to = (char) (t[c] >>> 8);
      boolean single = cls >= DirectTable.COPY && cls <= DirectTable.MARK_KEEP && cls != DirectTable.MARK_DEL;
      if (single && ((to == '\n') != (c == '\n') || Character.isSurrogate(to))) {
        return false;
      }
    }
    return direct && (t['\n'] & 0xFF) == DirectTable.COPY;
  }

  @Test
  void theHotLoopRunsOnBytesWhenNoSingleReplacementMakesOrUnmakesALineBreakOrASurrogate() throws java.io.IOException {
    List<List<Step>> pipelines = new java.util.ArrayList<>();
    for (Preset p : Preset.values()) {
      pipelines.add(p.steps());
    }
    for (Step s : Step.values()) {
      pipelines.add(List.of(s));
    }
    for (List<Step> steps : pipelines) {
      for (boolean direct : new boolean[] {true, false}) {
        Engine e = new Engine(Steps.kinds(steps), null, direct);
        assertEquals(hotLoopFitsBytes(e, direct), e.hotLoopOnBytes(), steps + ", direct " + direct);
      }
    }
    // No step makes a line break or a surrogate of a single character today; an entry that looks at the word
    // before it (after=) keeps the loop off the bytes.
    dev.arnorm.rules.SpellingRule looksBack = new dev.arnorm.rules.SpellingRule(dev.arnorm.rules.LexiconData.parse(
        new java.io.StringReader("اوي\tجدا\tcolloquial\tafter=حلو\n"), "test"));
    Engine e = new Engine(Steps.kinds(List.of(Step.SPELLING)), looksBack, true);
    assertFalse(e.hotLoopOnBytes());
    assertEquals(hotLoopFitsBytes(e, true), e.hotLoopOnBytes());
  }
}
