package dev.arnorm.opensearch;

import static org.apache.lucene.tests.analysis.BaseTokenStreamTestCase.assertAnalyzesTo;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.lucene.util.BytesRef;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.AnalysisTestsHelper;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.test.OpenSearchTestCase.TestAnalysis;

/**
 * The index settings example of README.md (copied onto the test class path by the POM), built as
 * OpenSearch builds them, so that the example stays one that works.
 */
public class ReadmeExampleTests extends OpenSearchTestCase {
  public void testReadmeIndexSettingsWork() throws IOException {
    Settings index = Settings.builder()
        .put(Settings.builder().loadFromSource(readmeJson(), XContentType.JSON).build().getByPrefix("settings."))
        .normalizePrefix("index.")
        .put(Environment.PATH_HOME_SETTING.getKey(), createTempDir().toString())
        .build();
    Path config = createTempDir();
    Files.createDirectories(config.resolve("arnorm"));
    Files.writeString(config.resolve("arnorm/lexicon.tsv"), "# version: 1\nكمبيوتر\tحاسوب\tcolloquial\n",
        StandardCharsets.UTF_8);
    TestAnalysis a = AnalysisTestsHelper.createTestAnalysisFromSettings(index, config, new ArnormAnalysisPlugin());

    assertAnalyzesTo(a.indexAnalyzers.get("arabic_text"), "قال &quot;نحن&quot; هنا",
        new String[] {"قال", "نحن", "هنا"}, new int[] {0, 10, 20}, new int[] {3, 13, 23});
    assertEquals(ArabicNormalizer.parse("diacritics,tatweel,alef"),
        ((ArnormTokenFilterFactory) a.tokenFilter.get("arnorm_custom")).normalizer());
    assertEquals("حاسوب", ((ArnormTokenFilterFactory) a.tokenFilter.get("arnorm_social")).normalizer()
        .normalize("كمبيوتر"));
    assertEquals(new BytesRef("احمد"), a.indexAnalyzers.getNormalizer("arabic_keyword").normalize("tag", "أَحْمَدُ"));
  }

  /** The first json block of the README, without its request line. */
  private static String readmeJson() throws IOException {
    try (InputStream in = ReadmeExampleTests.class.getResourceAsStream("/README.md")) {
      assertNotNull("README.md on the test class path", in);
      String readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int start = readme.indexOf("```json\n") + "```json\n".length();
      String block = readme.substring(start, readme.indexOf("\n```", start));
      return block.lines().filter(l -> !l.startsWith("PUT ")).collect(Collectors.joining("\n"));
    }
  }
}
