package dev.arnorm.lucene;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.NormalizingReader;
import dev.arnorm.OffsetMap;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import org.apache.lucene.analysis.CharFilter;

/**
 * Normalizes the text before the tokenizer sees it, and corrects offsets back to the source: by default
 * with {@link ArabicNormalizer#LIGHT}, the lossless repair, so that {@code &quot;نحن&quot;} reaches the
 * tokenizer as {@code "نحن"} (as a token filter it would already be cut into {@code quot}, {@code نحن},
 * {@code quot}) and the token {@code نحن} still points at the characters of {@code نحن} in the stored
 * text, which is what the highlighter marks.
 *
 * <p>Offsets come from the {@link NormalizingReader} underneath ({@link dev.arnorm.OffsetMap} explains
 * how each kind of change maps): exact through decoded references, expanded ligatures, removed marks and
 * tatweel, collapsed blanks, NFC composition and replaced words. A token that starts or ends inside a
 * change that made several tokens (ﷺ became four words) takes the whole change. Memory is bounded
 * whatever the length of the text, but for four ints per change. Made by {@link ArnormCharFilterFactory},
 * by name {@code arnorm} in {@code CustomAnalyzer}, Solr and OpenSearch.
 */
public final class ArnormCharFilter extends CharFilter {
  private final NormalizingReader normalized;

  /**
   * A char filter that normalizes with {@link ArabicNormalizer#LIGHT}.
   *
   * @param input the text to normalize
   */
  public ArnormCharFilter(Reader input) {
    this(input, ArabicNormalizer.LIGHT);
  }

  /**
   * A char filter that normalizes with {@code normalizer}.
   *
   * @param input the text to normalize
   * @param normalizer the normalizer to apply
   */
  public ArnormCharFilter(Reader input, ArabicNormalizer normalizer) {
    super(input);
    this.normalized = Objects.requireNonNull(normalizer, "normalizer").reader(input);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    return normalized.read(cbuf, off, len);
  }

  /**
   * The source offset of output offset {@code currentOff}. Lucene asks the same question for a token's
   * start and its end, so one answer serves both: at the edge of a deletion, the offset after the deleted
   * text (a token that starts there does not take it in; one that ends there does, harmlessly); inside a
   * change, the end of the change.
   */
  @Override
  protected int correct(int currentOff) {
    return Math.max(normalized.sourceStart(currentOff), normalized.sourceEnd(currentOff));
  }
}
