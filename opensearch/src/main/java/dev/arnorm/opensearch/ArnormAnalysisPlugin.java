package dev.arnorm.opensearch;

import java.util.Map;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The analysis-arnorm plugin: registers the char filter and the token filter {@value #NAME}. Both work with
 * no settings (char filter: preset {@code light}; token filter: preset {@code search}), so they can be named
 * directly in an analyzer, or defined in the index settings with {@code preset}, {@code steps} or
 * {@code lexicon}.
 *
 * <pre>{@code
 * "analysis": {
 *   "filter": { "arnorm_social": { "type": "arnorm", "preset": "social" } },
 *   "analyzer": {
 *     "arabic_text": { "char_filter": ["arnorm"], "tokenizer": "standard", "filter": ["arnorm"] }
 *   }
 * }
 * }</pre>
 */
public final class ArnormAnalysisPlugin extends Plugin implements AnalysisPlugin {
  /** The name of the char filter and of the token filter. */
  public static final String NAME = "arnorm";

  /** Made by OpenSearch's plugin loader. */
  public ArnormAnalysisPlugin() {}

  @Override
  public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
    return Map.of(NAME, ArnormCharFilterFactory::new);
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(NAME, ArnormTokenFilterFactory::new);
  }
}
