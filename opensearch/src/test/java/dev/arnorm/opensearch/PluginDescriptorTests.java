package dev.arnorm.opensearch;

import java.nio.file.Path;
import org.opensearch.Version;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.plugins.PluginsService;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The plugin-descriptor.properties that the zip packs, read by OpenSearch's own parser, as
 * {@code opensearch-plugin install} and the node read it: every property there and no unknown one, the
 * plugin class loadable, and compatible with the OpenSearch and Java versions the tests run on.
 */
public class PluginDescriptorTests extends OpenSearchTestCase {
  public void testDescriptorIsValidForThisOpenSearch() throws Exception {
    String dir = System.getProperty("arnorm.pluginDescriptorDir");
    assertNotNull("set by the POM: arnorm.pluginDescriptorDir", dir);
    PluginInfo info = PluginInfo.readFromProperties(Path.of(dir));
    assertEquals("analysis-arnorm", info.getName());
    assertEquals(ArnormAnalysisPlugin.class.getName(), info.getClassname());
    assertTrue(PluginsService.isPluginVersionCompatible(info, Version.CURRENT));
    PluginsService.verifyCompatibility(info); // the OpenSearch version, and the Java version we run on
    assertTrue(Class.forName(info.getClassname()).getDeclaredConstructor().newInstance() instanceof ArnormAnalysisPlugin);
  }
}
