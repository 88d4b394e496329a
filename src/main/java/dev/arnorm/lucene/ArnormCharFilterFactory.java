package dev.arnorm.lucene;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * Makes {@link ArnormCharFilter}s; registered by SPI under the name {@value #NAME}. Parameters:
 * {@code preset} ({@code light}, {@code search}, {@code social}, {@code lucene}; default {@code light}) or
 * {@code steps} (step ids, comma-separated), and {@code lexicon} (a spelling lexicon resource, read through
 * the analysis resource loader). Anything else is rejected, as Lucene's own factories reject it.
 *
 * <pre>{@code
 * Analyzer a = CustomAnalyzer.builder()
 *     .addCharFilter("arnorm", "preset", "light")
 *     .withTokenizer("standard")
 *     .addTokenFilter("arnorm", "preset", "search")
 *     .build();
 * }</pre>
 */
public final class ArnormCharFilterFactory extends CharFilterFactory implements ResourceLoaderAware {
  /** The SPI name. */
  public static final String NAME = "arnorm";

  private final FactoryParameters params;
  private volatile ArabicNormalizer normalizer;

  /**
   * Reads the parameters; the normalizer is made now, or, with a lexicon, when the loader informs.
   *
   * @param args the parameters; the ones read are taken out
   * @throws IllegalArgumentException for an unknown or conflicting parameter or value
   */
  public ArnormCharFilterFactory(Map<String, String> args) {
    super(args);
    params = FactoryParameters.take(args, "light");
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
    normalizer = params.lexicon == null ? params.base : null;
  }

  /**
   * For the service loader only.
   *
   * @deprecated the service loader's constructor; use {@link #ArnormCharFilterFactory(Map)}
   */
  @Deprecated
  public ArnormCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    normalizer = params.normalizer(loader);
  }

  @Override
  public Reader create(Reader input) {
    ArabicNormalizer n = normalizer;
    if (n == null) {
      throw new IllegalStateException("the lexicon '" + params.lexicon + "' was not loaded: call inform");
    }
    return new ArnormCharFilter(input, n);
  }

  @Override
  public Reader normalize(Reader input) {
    return create(input);
  }
}
