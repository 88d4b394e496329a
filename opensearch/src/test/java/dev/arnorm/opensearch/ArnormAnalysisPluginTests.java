package dev.arnorm.opensearch;

import static org.apache.lucene.tests.analysis.BaseTokenStreamTestCase.assertAnalyzesTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.BytesRef;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.AnalysisTestsHelper;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.test.OpenSearchTestCase.TestAnalysis;

/**
 * The plugin as OpenSearch builds an index's analysis from its settings: the components found by name,
 * their defaults, offsets through the char filter, preset and steps, normalizers, the lexicon, and every
 * kind of bad setting.
 */
public class ArnormAnalysisPluginTests extends OpenSearchTestCase {
  /** Entities that a token filter would see as the words {@code quot}: the char filter decodes them first. */
  private static final String QUOTED = "قال &quot;نحن&quot; هنا";

  private TestAnalysis analysis(Settings.Builder settings) throws IOException {
    return analysis(settings, null);
  }

  private TestAnalysis analysis(Settings.Builder settings, Path config) throws IOException {
    settings.put(Environment.PATH_HOME_SETTING.getKey(), createTempDir().toString());
    return AnalysisTestsHelper.createTestAnalysisFromSettings(settings.build(), config, new ArnormAnalysisPlugin());
  }

  /** An analyzer "test": the arnorm char filter and token filter around the standard tokenizer. */
  private static Settings.Builder arnormAnalyzer() {
    return Settings.builder()
        .putList("index.analysis.analyzer.test.char_filter", "arnorm")
        .put("index.analysis.analyzer.test.tokenizer", "standard")
        .putList("index.analysis.analyzer.test.filter", "arnorm");
  }

  public void testComponentsAreFoundByNameWithTheirDefaults() throws IOException {
    TestAnalysis a = analysis(Settings.builder());
    assertThat(a.charFilter.get("arnorm"), instanceOf(ArnormCharFilterFactory.class));
    assertThat(a.tokenFilter.get("arnorm"), instanceOf(ArnormTokenFilterFactory.class));
    assertSame(ArabicNormalizer.LIGHT, ((ArnormCharFilterFactory) a.charFilter.get("arnorm")).normalizer());
    assertSame(ArabicNormalizer.SEARCH, ((ArnormTokenFilterFactory) a.tokenFilter.get("arnorm")).normalizer());
  }

  public void testCharFilterOffsetsPointAtTheSource() throws IOException {
    Analyzer analyzer = analysis(arnormAnalyzer()).indexAnalyzers.get("test");
    // نحن is at 10..13 of the source, between the two &quot; (4..10 and 13..19); هنا at 20..23.
    assertEquals("نحن", QUOTED.substring(10, 13));
    assertEquals("هنا", QUOTED.substring(20, 23));
    assertAnalyzesTo(analyzer, QUOTED, new String[] {"قال", "نحن", "هنا"}, new int[] {0, 10, 20},
        new int[] {3, 13, 23});
  }

  public void testWithoutTheCharFilterEntitiesBecomeTokens() throws IOException {
    Settings.Builder s = Settings.builder()
        .put("index.analysis.analyzer.test.tokenizer", "standard")
        .putList("index.analysis.analyzer.test.filter", "arnorm");
    // The reason for the char filter: the tokenizer alone cuts the entities into words.
    assertAnalyzesTo(analysis(s).indexAnalyzers.get("test"), QUOTED,
        new String[] {"قال", "quot", "نحن", "quot", "هنا"});
  }

  public void testTokenFilterFoldsHarakatAndHamza() throws IOException {
    Analyzer analyzer = analysis(arnormAnalyzer()).indexAnalyzers.get("test");
    assertAnalyzesTo(analyzer, "أَحْمَدُ", new String[] {"احمد"}, new int[] {0}, new int[] {8});
  }

  public void testPresetIsHonoured() throws IOException {
    Settings.Builder s = Settings.builder()
        .put("index.analysis.filter.light.type", "arnorm")
        .put("index.analysis.filter.light.preset", "light")
        .put("index.analysis.analyzer.test.tokenizer", "standard")
        .putList("index.analysis.analyzer.test.filter", "light");
    TestAnalysis a = analysis(s);
    assertSame(ArabicNormalizer.LIGHT, ((ArnormTokenFilterFactory) a.tokenFilter.get("light")).normalizer());
    // light is lossless: the harakat stay.
    assertAnalyzesTo(a.indexAnalyzers.get("test"), "أَحْمَدُ", new String[] {"أَحْمَدُ"});
  }

  public void testPresetIsCaseInsensitive() throws IOException {
    TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.char_filter.c.type", "arnorm")
        .put("index.analysis.char_filter.c.preset", " Search "));
    assertSame(ArabicNormalizer.SEARCH, ((ArnormCharFilterFactory) a.charFilter.get("c")).normalizer());
  }

  public void testStepsAsStringOrList() throws IOException {
    Settings.Builder s = Settings.builder()
        .put("index.analysis.filter.comma.type", "arnorm")
        .put("index.analysis.filter.comma.steps", "diacritics, alef")
        .put("index.analysis.filter.list.type", "arnorm")
        .putList("index.analysis.filter.list.steps", "diacritics", "alef")
        .put("index.analysis.filter.marks.type", "arnorm")
        .put("index.analysis.filter.marks.steps", "diacritics")
        .put("index.analysis.analyzer.comma.tokenizer", "standard")
        .putList("index.analysis.analyzer.comma.filter", "comma")
        .put("index.analysis.analyzer.list.tokenizer", "standard")
        .putList("index.analysis.analyzer.list.filter", "list")
        .put("index.analysis.analyzer.marks.tokenizer", "standard")
        .putList("index.analysis.analyzer.marks.filter", "marks");
    TestAnalysis a = analysis(s);
    ArabicNormalizer expected = ArabicNormalizer.parse("diacritics,alef");
    assertEquals(expected, ((ArnormTokenFilterFactory) a.tokenFilter.get("comma")).normalizer());
    assertEquals(expected, ((ArnormTokenFilterFactory) a.tokenFilter.get("list")).normalizer());
    assertAnalyzesTo(a.indexAnalyzers.get("comma"), "أَحْمَدُ", new String[] {"احمد"});
    assertAnalyzesTo(a.indexAnalyzers.get("list"), "أَحْمَدُ", new String[] {"احمد"});
    // diacritics alone keeps the hamza on the alef.
    assertAnalyzesTo(a.indexAnalyzers.get("marks"), "أَحْمَدُ", new String[] {"أحمد"});
  }

  public void testCharFilterWithAPresetNormalizesBeforeTheTokenizer() throws IOException {
    Settings.Builder s = Settings.builder()
        .put("index.analysis.char_filter.fold.type", "arnorm")
        .put("index.analysis.char_filter.fold.preset", "search")
        .putList("index.analysis.analyzer.test.char_filter", "fold")
        .put("index.analysis.analyzer.test.tokenizer", "standard");
    // The harakat are removed before the tokenizer; the token still spans all 8 source characters.
    assertAnalyzesTo(analysis(s).indexAnalyzers.get("test"), "أَحْمَدُ", new String[] {"احمد"}, new int[] {0},
        new int[] {8});
  }

  public void testUsableInNormalizers() throws IOException {
    Settings.Builder s = Settings.builder()
        .put("index.analysis.normalizer.folded.type", "custom")
        .putList("index.analysis.normalizer.folded.char_filter", "arnorm")
        .putList("index.analysis.normalizer.folded.filter", "arnorm");
    Analyzer normalizer = analysis(s).indexAnalyzers.getNormalizer("folded");
    assertNotNull(normalizer);
    assertEquals(new BytesRef("قال \"احمد\""), normalizer.normalize("field", "قال &quot;أَحْمَدُ&quot;"));
  }

  public void testLexiconFromTheConfigDirectory() throws IOException {
    Path config = createTempDir();
    Files.createDirectories(config.resolve("arnorm"));
    Files.writeString(config.resolve("arnorm/lexicon.tsv"), "# version: test-1\nكمبيوتر\tحاسوب\tcolloquial\tprefixes=ال\n",
        StandardCharsets.UTF_8);
    Settings.Builder s = Settings.builder()
        .put("index.analysis.filter.spell.type", "arnorm")
        .put("index.analysis.filter.spell.steps", "spelling")
        .put("index.analysis.filter.spell.lexicon", "arnorm/lexicon.tsv")
        .put("index.analysis.analyzer.test.tokenizer", "standard")
        .putList("index.analysis.analyzer.test.filter", "spell");
    assertAnalyzesTo(analysis(s, config).indexAnalyzers.get("test"), "الكمبيوتر كمبيوتر",
        new String[] {"الحاسوب", "حاسوب"});
  }

  public void testPresetAndStepsTogetherAreRejected() {
    assertRejected("give [preset] or [steps], not both", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.preset", "search")
        .put("index.analysis.filter.f.steps", "alef"));
  }

  public void testUnknownPresetIsRejectedNamingTheValidOnes() {
    IllegalArgumentException e = assertRejected("[arnorm] char_filter [c]: unknown preset 'heavy'", Settings.builder()
        .put("index.analysis.char_filter.c.type", "arnorm")
        .put("index.analysis.char_filter.c.preset", "heavy"));
    assertThat(e.getMessage(), containsString("valid presets: light, search, social, lucene"));
  }

  public void testUnknownStepIsRejectedNamingTheValidOnes() {
    IllegalArgumentException e = assertRejected("[arnorm] filter [f]: unknown step 'bogus'", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.steps", "tatweel,bogus"));
    assertThat(e.getMessage(), containsString("valid steps: html-entities"));
  }

  public void testEmptyStepsAreRejected() {
    assertRejected("empty step id", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.steps", ""));
  }

  public void testUnknownSettingIsRejected() {
    assertRejected("[arnorm] filter [f]: unknown settings [presets]", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.presets", "light"));
  }

  public void testLexiconWithoutSpellingIsRejected() {
    assertRejected("[lexicon] needs the spelling step, which 'search' lacks", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.lexicon", "lexicon.tsv"));
  }

  public void testLexiconOutsideTheConfigDirectoryIsRejected() {
    assertRejected("[lexicon] must be a path inside the config directory, not [../secret.tsv]", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.preset", "social")
        .put("index.analysis.filter.f.lexicon", "../secret.tsv"));
  }

  public void testMissingLexiconIsRejected() {
    assertRejected("cannot read [lexicon] [missing.tsv] in the config directory", Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.preset", "social")
        .put("index.analysis.filter.f.lexicon", "missing.tsv"));
  }

  public void testBadLexiconLineIsRejectedNamingTheLine() throws IOException {
    Path config = createTempDir();
    Files.writeString(config.resolve("bad.tsv"), "كمبيوتر\tحاسوب\tslang\n", StandardCharsets.UTF_8);
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.filter.f.type", "arnorm")
        .put("index.analysis.filter.f.preset", "social")
        .put("index.analysis.filter.f.lexicon", "bad.tsv"), config));
    assertThat(e.getMessage(), containsString("[arnorm] filter [f]: "));
    assertThat(e.getMessage(), containsString("line 1: unknown kind 'slang'"));
  }

  private IllegalArgumentException assertRejected(String message, Settings.Builder settings) {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> analysis(settings));
    assertThat(e.getMessage(), containsString(message));
    return e;
  }
}
