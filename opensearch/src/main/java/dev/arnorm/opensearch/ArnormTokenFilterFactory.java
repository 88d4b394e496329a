package dev.arnorm.opensearch;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.lucene.ArnormTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * The {@code arnorm} token filter: normalizes each token's text, leaving offsets and positions to the
 * tokenizer. Settings: {@code preset} (default {@code search}, which folds letter variants and drops harakat,
 * so that {@code أَحْمَدُ} and {@code احمد} match) or {@code steps}, and {@code lexicon}. Usable in
 * normalizers too, for keyword fields.
 */
public final class ArnormTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
  /** The default preset: the folding for indexing and matching. */
  static final String DEFAULT_PRESET = "search";

  private final ArabicNormalizer normalizer;

  /**
   * Reads the settings; every mistake fails here, when the index is created, not at the first document.
   *
   * @param indexSettings the index's settings
   * @param env the node's environment, for the lexicon's path
   * @param name the filter's name in the index settings
   * @param settings the filter's own settings
   * @throws IllegalArgumentException for an unknown or conflicting setting or value
   */
  public ArnormTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
    super(indexSettings, name, settings);
    this.normalizer = ArnormSettings.normalizer("filter", name, settings, env, DEFAULT_PRESET);
  }

  /**
   * The normalizer the settings name.
   *
   * @return the normalizer this filter applies to each token
   */
  public ArabicNormalizer normalizer() {
    return normalizer;
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new ArnormTokenFilter(tokenStream, normalizer);
  }
}
