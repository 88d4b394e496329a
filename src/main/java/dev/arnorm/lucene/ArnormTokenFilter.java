package dev.arnorm.lucene;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Normalizes each token's text with an {@link ArabicNormalizer}: by default {@link ArabicNormalizer#SEARCH},
 * which folds letter variants and drops harakat and tatweel, so that {@code أَحْمَدُ} and {@code احمد}
 * index alike. A token that needs no change is left as it is, without allocating. Offsets and positions
 * are the tokenizer's: this filter changes only the term.
 *
 * <p>Use it after a tokenizer; repair that must see the text before it is cut into tokens (html entities,
 * presentation forms) belongs in a char filter. Made by {@link ArnormTokenFilterFactory}, by name
 * {@code arnorm} in {@code CustomAnalyzer}, Solr and OpenSearch.
 */
public final class ArnormTokenFilter extends TokenFilter {
  private final ArabicNormalizer normalizer;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  /**
   * A filter that normalizes with {@link ArabicNormalizer#SEARCH}.
   *
   * @param input the tokens to normalize
   */
  public ArnormTokenFilter(TokenStream input) {
    this(input, ArabicNormalizer.SEARCH);
  }

  /**
   * A filter that normalizes with {@code normalizer}.
   *
   * @param input the tokens to normalize
   * @param normalizer the normalizer to apply to each token's text
   */
  public ArnormTokenFilter(TokenStream input, ArabicNormalizer normalizer) {
    super(input);
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    // Most terms are found clean by the quick check; the others are normalized once.
    if (normalizer.spanQuickCheckYes(term) < term.length()) {
      String normalized = normalizer.normalize(term);
      if (!normalized.contentEquals(term)) {
        term.setEmpty().append(normalized);
      }
    }
    return true;
  }
}
