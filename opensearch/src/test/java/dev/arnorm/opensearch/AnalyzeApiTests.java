package dev.arnorm.opensearch;

import static org.apache.lucene.tests.analysis.BaseTokenStreamTestCase.assertAnalyzesTo;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.AnalysisRegistry;
import org.opensearch.index.analysis.NameOrDefinition;
import org.opensearch.indices.analysis.AnalysisModule;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The components as the {@code _analyze} API builds them when no index is named: by name, with settings
 * that OpenSearch fills with index-level keys of its own, or defined inline.
 */
public class AnalyzeApiTests extends OpenSearchTestCase {
  private AnalysisRegistry registry() throws IOException {
    Settings node = Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), createTempDir().toString()).build();
    return new AnalysisModule(new Environment(node, null), List.of(new ArnormAnalysisPlugin())).getAnalysisRegistry();
  }

  private Analyzer analyzer(NameOrDefinition charFilter, NameOrDefinition filter) throws IOException {
    return registry().buildCustomAnalyzer(null, false, new NameOrDefinition("standard"), List.of(charFilter),
        List.of(filter));
  }

  public void testByNameWithoutAnIndex() throws IOException {
    // GET _analyze {"char_filter": ["arnorm"], "tokenizer": "standard", "filter": ["arnorm"], "text": ...}
    try (Analyzer a = analyzer(new NameOrDefinition("arnorm"), new NameOrDefinition("arnorm"))) {
      assertAnalyzesTo(a, "قال &quot;أَحْمَدُ&quot;", new String[] {"قال", "احمد"}, new int[] {0, 10},
          new int[] {3, 18});
    }
  }

  public void testInlineDefinitions() throws IOException {
    // "filter": [{"type": "arnorm", "steps": "diacritics"}]: the hamza stays.
    try (Analyzer a = analyzer(new NameOrDefinition(Map.of("type", "arnorm", "preset", "light")),
        new NameOrDefinition(Map.of("type", "arnorm", "steps", "diacritics")))) {
      assertAnalyzesTo(a, "أَحْمَدُ", new String[] {"أحمد"});
    }
  }

  public void testInlineDefinitionWithABadPreset() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> analyzer(
        new NameOrDefinition("arnorm"), new NameOrDefinition(Map.of("type", "arnorm", "preset", "heavy"))));
    assertThat(e.getMessage(), containsString("[arnorm] filter [__anonymous__arnorm]: unknown preset 'heavy'"));
  }
}
