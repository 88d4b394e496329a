package dev.arnorm.opensearch;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.lucene.ArnormCharFilter;
import java.io.Reader;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.NormalizingCharFilterFactory;

/**
 * The {@code arnorm} char filter: normalizes the text before the tokenizer cuts it, with offsets corrected
 * back to the source, so that highlighting marks the characters that were stored. Settings: {@code preset}
 * (default {@code light}, the lossless repair: html entities, presentation forms, invisible characters,
 * tatweel, whitespace) or {@code steps}, and {@code lexicon}. Usable in normalizers too.
 */
public final class ArnormCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
  /** The default preset: lossless, so the text still reads the same. */
  static final String DEFAULT_PRESET = "light";

  private final ArabicNormalizer normalizer;

  /**
   * Reads the settings; every mistake fails here, when the index is created, not at the first document.
   *
   * @param indexSettings the index's settings
   * @param env the node's environment, for the lexicon's path
   * @param name the char filter's name in the index settings
   * @param settings the char filter's own settings
   * @throws IllegalArgumentException for an unknown or conflicting setting or value
   */
  public ArnormCharFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
    super(indexSettings, name);
    this.normalizer = ArnormSettings.normalizer("char_filter", name, settings, env, DEFAULT_PRESET);
  }

  /**
   * The normalizer the settings name.
   *
   * @return the normalizer this char filter applies
   */
  public ArabicNormalizer normalizer() {
    return normalizer;
  }

  @Override
  public Reader create(Reader reader) {
    return new ArnormCharFilter(reader, normalizer);
  }
}
