package dev.arnorm.opensearch;

import static org.apache.lucene.tests.analysis.BaseTokenStreamTestCase.assertAnalyzesTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.lucene.tests.util.LuceneTestCase.SuppressFileSystems;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.AnalysisTestsHelper;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.PluginsService;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The built zip, laid out in a plugins directory as {@code opensearch-plugin install} lays it, and loaded by
 * OpenSearch's PluginsService as a node loads it: in its own class loader, with the jar hell checks against
 * the core class path, and the Lucene SPI reloaded from its jars. Run by failsafe after the package phase,
 * on a class path without the plugin's classes, arnorm or icu4j, so that everything comes from the zip.
 */
// Lucene's mock file system adds stray files to temp folders; the plugins folder must hold only the plugin.
@SuppressFileSystems("ExtrasFS")
public class PluginZipIT extends OpenSearchTestCase {
  private static final String PLUGIN_CLASS = "dev.arnorm.opensearch.ArnormAnalysisPlugin";

  public void testZipLoadsAsANodeLoadsItAndAnalyzes() throws Exception {
    // The premise: nothing of the plugin is on the test class path.
    expectThrows(ClassNotFoundException.class, () -> Class.forName(PLUGIN_CLASS));
    expectThrows(ClassNotFoundException.class, () -> Class.forName("dev.arnorm.ArabicNormalizer"));
    expectThrows(ClassNotFoundException.class, () -> Class.forName("com.ibm.icu.text.Normalizer2"));

    Path home = createTempDir();
    Path pluginDir = home.resolve("plugins").resolve("analysis-arnorm");
    Files.createDirectories(pluginDir);
    Set<String> entries = unzip(Path.of(System.getProperty("arnorm.pluginZip")), pluginDir);
    // The descriptor, the plugin, arnorm and icu4j (the version arnorm asks for); no OpenSearch or Lucene.
    String icu4j = entries.stream().filter(e -> e.matches("icu4j-[0-9.]+\\.jar")).findFirst().orElse("no icu4j jar");
    assertEquals(Set.of("plugin-descriptor.properties", "analysis-arnorm-" + System.getProperty("arnorm.pluginVersion")
        + ".jar", "arnorm-" + System.getProperty("arnorm.version") + ".jar", icu4j), entries);

    Settings nodeSettings = Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), home.toString()).build();
    PluginsService plugins = new PluginsService(nodeSettings, null, null, home.resolve("plugins"), List.of());
    List<AnalysisPlugin> analysisPlugins = plugins.filterPlugins(AnalysisPlugin.class);
    assertEquals(1, analysisPlugins.size());
    AnalysisPlugin plugin = analysisPlugins.get(0);
    assertEquals(PLUGIN_CLASS, plugin.getClass().getName());
    assertNotSame(getClass().getClassLoader(), plugin.getClass().getClassLoader());

    Settings index = Settings.builder()
        .put(Environment.PATH_HOME_SETTING.getKey(), home.toString())
        .putList("index.analysis.analyzer.test.char_filter", "arnorm")
        .put("index.analysis.analyzer.test.tokenizer", "standard")
        .putList("index.analysis.analyzer.test.filter", "arnorm")
        .build();
    OpenSearchTestCase.TestAnalysis analysis = AnalysisTestsHelper.createTestAnalysisFromSettings(index, plugin);
    assertAnalyzesTo(analysis.indexAnalyzers.get("test"), "قال &quot;أَحْمَدُ&quot; هنا",
        new String[] {"قال", "احمد", "هنا"}, new int[] {0, 10, 25}, new int[] {3, 18, 28});
  }

  /** Extracts the zip's files into {@code dir}, refusing folders: the layout is flat. */
  private static Set<String> unzip(Path zip, Path dir) throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        assertFalse("a folder in the zip: " + e.getName(), e.getName().contains("/"));
        Files.copy(z, dir.resolve(e.getName()));
        names.add(e.getName());
      }
    }
    return names;
  }
}
