package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.rules.Html5Entities;
import dev.arnorm.rules.HtmlEntitiesRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.text.StringEscapeUtils;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlEntitiesTest {
  private static final ArabicNormalizer STEP = Step.HTML_ENTITIES.normalizer();

  private static String run(String s) {
    return STEP.normalize(s);
  }

  /** Issue 13, item 6: a second pass of any preset finds nothing left to decode. */
  @Nested
  class InAPipeline {
    @Test
    void aReferenceIsReadThroughWhatLaterStepsDelete() {
      assertEquals("\t", ArabicNormalizer.LIGHT.normalize("x&#\u00AD9").substring(1));
      assertEquals("x<", ArabicNormalizer.LIGHT.normalize("x&l\u200Ft;"));
      assertEquals("x<", ArabicNormalizer.SEARCH.normalize("x&l\u064Et;"));
      assertEquals("x<", ArabicNormalizer.SEARCH.normalize("x&l\uD803\uDEFDt;"));
    }

    @Test
    void aloneTheStepKeepsWhatNoLaterStepDeletes() {
      String s = "x&l\u200Ft;";
      assertSame(s, run(s));
    }

    @Test
    void decodedDigitsAndPunctuationAreFoldedUnderSearch() {
      assertEquals("1,", ArabicNormalizer.SEARCH.normalize("&#1633;&#1548;"));
      assertEquals("\u0661\u060C", ArabicNormalizer.LIGHT.normalize("&#1633;&#1548;"));
    }

    @Test
    void aDecodedControlInsideAReferenceIsReadThroughToo() {
      assertEquals("x\t", ArabicNormalizer.LIGHT.normalize("x&#&#8207;9"));
    }

    @Test
    void aTatweelInsideAReferenceStaysAndBreaksIt() {
      // Between ASCII characters a tatweel is joined to no letter: a dash, kept, so nothing is assembled.
      String s = "x&a\u0640mp;";
      assertSame(s, ArabicNormalizer.LIGHT.normalize(s));
    }

    @Test
    void eachPresetIsIdempotentOnTheReviewsCounterexamples() {
      String[] inputs = {"&#1633;&#1548;", "&\u200Famp;", "&\u0640mp;", "&#\u200B60", "&\u00AD#9",
          "&amp;amp;amp;amp;amp;amp;amp;amp;amp;amp;quot;", "\u0626 \uD834\uDD65\u0652", "&#x&#66a",
          "&mp&#59", "&ap&semi;", "\u06E5 &", "\u0640\u0654&quot&"};
      for (ArabicNormalizer n : new ArabicNormalizer[] {ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH,
          ArabicNormalizer.SOCIAL}) {
        for (String in : inputs) {
          String once = n.normalize(in);
          assertEquals(once, n.normalize(once), n + " on " + NormalizerProperties.codePoints(in));
        }
      }
    }
  }

  @Nested
  class Decoding {
    @Test
    void namedReferencesDecode() {
      assertEquals("\"مرحبا\" … ©", run("&quot;مرحبا&quot; &hellip; &copy;"));
    }

    @Test
    void legacyNamesDecodeWithoutSemicolon() {
      assertEquals("a\u00A0 b", run("a&nbsp b"));
      assertEquals("هنية\u00A0ذكر", run("هنية&nbspذكر"));
      assertEquals("< >", run("&lt &gt"));
    }

    @Test
    void legacyNameFollowedByAsciiLetterOrEqualsStays() {
      assertEquals("&copy2019", run("&copy2019"));
      assertEquals("&notes", run("&notes"));
      assertEquals("?a=1&copy=2", run("?a=1&copy=2"));
    }

    @Test
    void arabicDigitsAreNotReferenceDigitsForTheStepAlone() {
      assertEquals("&#٣٢;", run("&#٣٢;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#٣٢", "&#١٦٠٥;", "&#x٦٤٥;", "&amp؛", "a&nbsp؛b", "&#۳۲"})
    void digitsAndPunctuationFoldBeforeTheDecoderSoThatSearchIsIdempotent(String s) {
      String once = ArabicNormalizer.SEARCH.normalize(s);
      assertEquals(once, ArabicNormalizer.SEARCH.normalize(once));
    }

    @Test
    void anAmpersandWithOnlyDanglingMarksOnItsLineIsResidue() {
      // Found by the idempotence property: with the fathatan judged as text, search kept the & and the
      // next pass (the fathatan gone) removed it.
      assertEquals("\u0301", ArabicNormalizer.SEARCH.normalize("\u0301&\u064B"));
      assertEquals("\u064B\u0301", run("\u0301&\u064B")); // in canonical order
    }

    @Test
    void searchDecodesAReferenceWrittenInArabicDigits() {
      // Some CMSs localize every digit of a page, the escaped ones included.
      assertEquals("م", ArabicNormalizer.SEARCH.normalize("&#١٦٠٥;"));
    }

    @Test
    void decimalAndHexReferencesDecode() {
      assertEquals("ممم", run("&#1605;&#x645;&#X645;"));
      assertEquals("مم", run("&#1605&#x645"));
    }

    @Test
    void arabicIndicDigitsAreNotPartOfANumericReference() {
      assertEquals("م٠", run("&#x645٠"));
    }

    @Test
    void nestedEscapingDecodesLayerByLayer() {
      assertEquals("\"", run("&amp;quot;"));
      assertEquals("&", run("x&amp;amp;amp;").substring(1));
      assertEquals("<b>", run("&amp;lt;b&amp;gt;"));
    }

    @Test
    void nestingIsDecodedAtAnyDepth() {
      assertEquals("\"", run("&" + "amp;".repeat(50) + "quot;"));
      assertEquals("!", run("&" + "amp;".repeat(9) + "amp#33"));
    }

    @Test
    void aReferenceCutByAnotherWaitsForWhatItDecodesTo() {
      assertEquals("\t", run("&&#35;9"));
      assertEquals("<", run("&l&#116;"));
      assertEquals("!", run("&#3&#51;"));
    }

    @Test
    void manyWaitingAmpersandsStayLinearAndKeepTheText() {
      String s = "&".repeat(100_000);
      assertEquals(s, run(s));
    }

    @Test
    void invalidNumericReferencesStay() {
      for (String s : new String[] {"&#0;", "&#xD800;", "&#xDFFF;", "&#x110000;", "&#99999999999;", "&#xFFFE;",
          "&#xFDD0;", "&#1;", "&#x7F;", "&#x81;", "&#;", "&#x;"}) {
        assertEquals(s, run(s), s);
      }
    }

    @Test
    void referencesToLineBreaksStaySoLinesNeverChange() {
      assertEquals("a&#10;b&#13;c&NewLine;d", run("a&#10;b&#13;c&NewLine;d"));
      assertEquals("a\tb", run("a&#9;b"));
    }

    @Test
    void windows1252ReferencesDecodeAsBrowsersDo() {
      assertEquals("– — €", run("&#150; &#151; &#128;"));
    }

    @Test
    void unknownNamesStay() {
      assertEquals("&foo; &bogus;", run("&foo; &bogus;"));
    }

    @Test
    void tagsAreNotStripped() {
      assertEquals("<b>عريض</b>", run("&lt;b&gt;عريض&lt;/b&gt;"));
    }

    @Test
    void decodedCharactersAreNormalizedByLaterSteps() {
      assertEquals("مرحبا", ArabicNormalizer.parse("html-entities,diacritics").normalize("مَ&#1614;رحبا"));
      assertEquals("مرحبا", ArabicNormalizer.LIGHT.normalize("&rlm;مرحبا&#x200F;"));
      assertEquals("لأ", ArabicNormalizer.LIGHT.normalize("&#xFEF7;"));
    }

    @Test
    void textWithoutAmpersandIsTheSameInstance() {
      String s = "نص عادي بلا كيانات; 1 < 2";
      assertSame(s, run(s));
    }
  }

  @Test
  void lineBreaksAreExactlyTheSevenOfTheDocs() {
    List<Integer> found = new ArrayList<>();
    for (int c = 0; c <= 0x10FFFF; c++) {
      if (HtmlEntitiesRule.isLineBreak(c)) {
        found.add(c);
      }
    }
    assertEquals(List.of(0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029), found);
  }

  @Nested
  class Residue {
    @Test
    void ampersandGluedBetweenArabicWordsBecomesASpace() {
      assertEquals("العملِ معًا", run("العملِ&معًا"));
      assertEquals("الماضية معظم", run("الماضية&معظم"));
      assertEquals("\"النصرة\"، عقد", run("\"النصرة\"،&عقد"));
    }

    @Test
    void ampersandGluedOnOneSideIsDropped() {
      assertEquals("هنية ذكر", run("هنية& ذكر"));
      assertEquals("للغرب - ولو", run("للغرب &- ولو"));
      assertEquals("مسلمين- فقد", run("مسلمين-& فقد"));
      assertEquals("نوع", run("نوع&"));
    }

    @Test
    void ampersandAloneOnALineIsDropped() {
      assertEquals("قبل\n\nبعد\r\n\r\n", run("قبل\n&\nبعد\r\n&\r\n"));
    }

    @Test
    void ampersandBetweenLatinLettersStays() {
      String s = "AT&T R&D M&E Q&A";
      assertSame(s, run(s));
    }

    @Test
    void ampersandWithSpacesOnBothSidesStays() {
      String s = "سامسونج سي & تي و Science & Technology";
      assertSame(s, run(s));
    }

    @Test
    void ampersandBetweenArabicNamesOfLatinLettersStays() {
      String s = "إيه تي&تي و بي&جي";
      assertSame(s, run(s));
    }

    @Test
    void aSymbolBeforeALetterNameIsNotPartOfIt() {
      String s = "۞آر&تي";
      assertSame(s, run(s));
    }

    @Test
    void marksOnALetterNameAreJudgedTheSameInEitherOrder() {
      // Canonically equivalent: U+0301 and U+064B reorder under NFC. Judged by mark order, the word was
      // تي (the & stayed) in one order and ًتي (a space) in the other.
      assertEquals(run("\u064B\u0301تي&تي"), run("\u0301\u064Bتي&تي"));
    }

    @Test
    void ampersandInUrlsAndQueryStringsStays() {
      String s = "?a=1&b=2 http://example.com/بحث?q=عربي&lang=ar";
      assertSame(s, run(s));
    }

    @Test
    void ampersandGluedToLatinOnOneSideStays() {
      String s = "Tom& Jerry";
      assertSame(s, run(s));
    }

    @Test
    void aMarkWithNoLetterDoesNotMakeTheLineHoldText() {
      // Found by the idempotence property: under search, diacritics removes the dangling fatha, and a
      // second run must judge the '&' as the first did.
      String once = ArabicNormalizer.SEARCH.normalize("\u064E &");
      assertEquals(" ", once);
      assertEquals(once, ArabicNormalizer.SEARCH.normalize(once));
      assertEquals("\u064E ", ArabicNormalizer.LIGHT.normalize("\u064E &"));
    }

    @Test
    void decodedAmpersandFollowsTheSameRules() {
      assertEquals("AT&T", run("AT&amp;T"));
      assertEquals("العمل معا", run("العمل&amp;معا"));
    }
  }

  @Test
  void tableHasEveryHtml5Name() {
    assertEquals(2231, Html5Entities.size());
  }

  /** jsoup decodes the full HTML5 table: an independent implementation of the same standard. */
  @Test
  void everyNamedReferenceDecodesAsJsoupDecodesIt() throws IOException {
    int checked = 0;
    for (String name : tableNames()) {
      // Between spaces, so that a decoded '&' is a legitimate one, not residue.
      String ref = "x &" + name + " y";
      String expected = Parser.unescapeEntities(ref, false);
      if (expected.codePoints().anyMatch(HtmlEntitiesRule::isLineBreak)) {
        assertEquals(ref, run(ref), "line breaks are kept as references: " + ref);
      } else {
        assertEquals(Normalizer2Holder.NFC.normalize(expected), run(ref), ref);
      }
      checked++;
    }
    assertEquals(2231, checked);
  }

  @Property(tries = 3000)
  void numericReferencesAgreeWithJsoupWhereTheyDecode(@ForAll("codePoints") int cp, @ForAll boolean hex) {
    String ref = "x " + (hex ? "&#x" + Integer.toHexString(cp) + ";" : "&#" + cp + ";") + " y";
    String ours = run(ref);
    if (!ours.equals(ref)) {
      assertEquals(Normalizer2Holder.NFC.normalize(Parser.unescapeEntities(ref, false)), ours, ref);
    }
  }

  @Provide
  Arbitrary<Integer> codePoints() {
    return Arbitraries.oneOf(Arbitraries.integers().between(1, 0x10FFFF), Arbitraries.integers().between(1, 0x700));
  }

  @Property(tries = 2000)
  void escapingThenDecodingGivesTheTextBack(@ForAll("unescapedText") String s) {
    String escaped = StringEscapeUtils.escapeHtml4(s);
    assertEquals(Normalizer2Holder.NFC.normalize(s), run(escaped), escaped);
  }

  /**
   * Text without residue-like ampersands (the step keeps every '&' of it as it is) and without text that
   * reads as a reference once unescaped.
   */
  @Provide
  Arbitrary<String> unescapedText() {
    return Arbitraries.of("مرحبا", " ", "<", ">", "\"", "'", "é", "\u00A0", "©", "AT", "&", "T", "x", "ـ",
            "\u064E", "؟", "1", "\n", "ω", "€")
        .list().ofMaxSize(20).map(l -> String.join("", l))
        .filter(s -> !Pattern.compile("&[A-Za-z#]").matcher(s).find())
        .filter(s -> run(s).chars().filter(c -> c == '&').count() == s.chars().filter(c -> c == '&').count());
  }

  @Property(tries = 2000)
  void idempotentAndNoLoneSurrogates(@ForAll("htmlish") String s) {
    String once = run(s);
    assertEquals(once, run(once));
    assertTrue(once.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF), once);
  }

  @Provide
  Arbitrary<String> htmlish() {
    return Arbitraries.of("&", "&amp;", "&#", "x", "ي", "1", ";", "#", "quot", "nbsp", " ", "\n", "&#x1F600;",
            "&#xD83D;", "&#55357;&#56832;", "=", "?", "-", "ﷺ", "\u200F")
        .list().ofMaxSize(25).map(l -> String.join("", l));
  }

  @Test
  void sampleArticleHasNoAmpersandAndNoGluedWordsAfterLight() {
    String sample = Corpora.text("elaph-2014-truce.txt");
    assertEquals(10, sample.chars().filter(c -> c == '&').count());
    String clean = ArabicNormalizer.LIGHT.normalize(sample);
    assertFalse(clean.contains("&"), "an ampersand is left");
    for (String glued : new String[] {"النصرة\"،عقد", "العملِمعًا", "الماضيةمعظم"}) {
      assertFalse(clean.contains(glued), glued);
    }
    for (String fixed : new String[] {"\"النصرة\"، عقد", "العملِ معًا", "هنية ذكر", "الى حد", "نوع من",
        "الماضية معظم", "للغرب - ولو", "مسلمين- فقد"}) {
      assertTrue(clean.contains(fixed), fixed);
    }
    assertEquals(sample.lines().count(), clean.lines().count(), "lines are kept");
  }

  @Test
  void statsCountDecodedEntitiesAndResidueSeparately() {
    NormalizationStats stats = new NormalizationStats();
    ArabicNormalizer.LIGHT.normalize("&quot;كلمة&quot; العمل&معا AT&T &amp;lt;", stats);
    assertEquals(4, stats.details(Step.HTML_ENTITIES).get(HtmlEntitiesRule.ENTITIES_DECODED));
    assertEquals(1, stats.details(Step.HTML_ENTITIES).get(HtmlEntitiesRule.RESIDUE_REMOVED));
  }

  /**
   * The residue stage stops gathering the word after an {@code &} as soon as the verdict is sure to keep it
   * (issue 14: a run of {@code &} gathered the whole lookahead again for each). At each edge of that rule
   * the output is the independent reference's, under each preset.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "ب&&ب", "ب&&َب", "ب &&َ ب", "&&َ", "&&ـٔب", "ب&ـٔ&ب", "ب&&\u200Fب", "ب&&\u200F\u064Eب", "كلمة&&&&&&، ب",
      "x&&=ب", "ب&&ب=1", "AT&T&&ب", "a&#ب", "ب&#", "a&bب&c", "ab&َc", "1&٢", "ب&\uFE8E&ب", "\n&&\n", "&&",
      // The window of the word before an & (64 chars): a ? just outside it and just inside it.
      "?بببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببب&ب", "?ببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببب&ب", "=بببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببب\uD803\uDEFD&ب"})
  void keptEarlyAsTheReferenceKeepsIt(String s) {
    for (Preset p : Preset.values()) {
      assertEquals(Reference.apply(p.steps(), s), p.normalizer().normalize(s), () -> p + " on " + s);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"&", "&&", "&&&", "&;", "&#", "&#x", "& &", "&\n&", "a&", "&a"})
  void degenerateInputNeverThrows(String s) {
    run(s);
    ArabicNormalizer.SEARCH.normalize(s);
  }

  /**
   * What the UTF-8 stream relies on when it judges how much a long piece may grow: a named reference never
   * comes out longer than it is written, whatever the step after the decoder does to what it decodes to (no
   * map expands it).
   */
  @Test
  void noNamedReferenceComesOutLongerThanItIsWritten() throws IOException {
    int decoded = 0;
    List<String> names = tableNames();
    assertTrue(names.size() > 2000, "names read: " + names.size());
    for (Step step : Step.values()) {
      ArabicNormalizer n = ArabicNormalizer.builder().add(Step.HTML_ENTITIES).add(step).build();
      for (String name : names) {
        String written = "&" + name;
        String out = n.normalize("x" + written + " x");
        assertTrue(out.length() - 3 <= written.length(), () -> step + ": " + written + " gives " + out);
        decoded += out.contains(written) ? 0 : 1;
      }
    }
    assertTrue(decoded > 2000 * Step.values().length, "decoded: " + decoded); // the test reads what it means to
  }

  private static List<String> tableNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = HtmlEntitiesTest.class.getResourceAsStream("/dev/arnorm/html5-entities.txt")) {
      Matcher m = Pattern.compile("(?m)^([A-Za-z0-9]+;?)\t").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static final class Normalizer2Holder {
    static final com.ibm.icu.text.Normalizer2 NFC = com.ibm.icu.text.Normalizer2.getNFCInstance();
  }
}
