package dev.arnorm;

import dev.arnorm.engine.Changes;
import java.util.Objects;

/**
 * Where each part of a normalized text came from: a map between positions (char indexes) in the output and
 * in the source, both ways. Made by {@link ArabicNormalizer#normalizeWithOffsets} and
 * {@link NormalizingReader#offsets}; immutable and thread-safe.
 *
 * <p>The map is a list of changed regions, each saying that source chars {@code [s0, s1)} became output
 * chars {@code [o0, o1)}; the text between regions is unchanged and maps one to one. A decoded reference
 * ({@code &quot;} to {@code "}) is one region, 6 chars to 1; so is a ligature expanded (U+FDFA, 1 char to
 * 18), a removed tatweel or mark (1 to 0), a collapsed run of blanks, a base letter and the marks NFC
 * composed or reordered with it, and the changed part of a replaced word or phrase ({@code انشاء الله} to
 * {@code إن شاء الله}: the letters that agree map one to one, with the added space as a region of its
 * own). The map is monotone, and a region never splits a surrogate pair.
 *
 * <p>Spans map to spans: an output span {@code [a, b)} came from the source span {@code
 * [sourceStart(a), sourceEnd(b))}, and a source span {@code [a, b)} became {@code [outputStart(a),
 * outputEnd(b))}. Where text was deleted at an index, the index has several partners: a span's start takes
 * the last (after what was deleted) and its end the first, so that a span does not take in deleted text
 * just outside it. An index strictly inside a region maps to the region's start for a span's start and to
 * its end for a span's end: a span that cuts a region takes the whole region on the other side.
 *
 * <pre>{@code
 * NormalizedText n = ArabicNormalizer.LIGHT.normalizeWithOffsets("&quot;نحن&quot;");
 * n.text();                          // "\"نحن\""
 * n.offsets().sourceStart(1);        // 6: the word starts after the first reference
 * n.offsets().sourceEnd(4);          // 9
 * }</pre>
 */
public final class OffsetMap {
  private final Changes changes;
  private final int sourceLength;
  private final int outputLength;

  OffsetMap(Changes changes, int sourceLength, int outputLength) {
    this.changes = changes;
    this.sourceLength = sourceLength;
    this.outputLength = outputLength;
  }

  /** The map of a text that normalizing left as it was. */
  static OffsetMap identity(int length) {
    return new OffsetMap(Changes.NONE, length, length); // nothing allocated but the map itself
  }

  /**
   * The length of the source, in chars.
   *
   * @return the source length
   */
  public int sourceLength() {
    return sourceLength;
  }

  /**
   * The length of the output, in chars.
   *
   * @return the output length
   */
  public int outputLength() {
    return outputLength;
  }

  /**
   * True when the output is the source unchanged.
   *
   * @return whether nothing changed
   */
  public boolean isIdentity() {
    return changes.count() == 0;
  }

  /**
   * The number of changed regions.
   *
   * @return how many regions changed
   */
  public int changeCount() {
    return changes.count();
  }

  /**
   * Where in the source an output span starting at {@code outputIndex} starts.
   *
   * @param outputIndex an index in the output, from 0 to {@link #outputLength()}
   * @return the index in the source
   * @throws IndexOutOfBoundsException if the index is outside the output
   */
  public int sourceStart(int outputIndex) {
    return changes.spanStartInSource(Objects.checkIndex(outputIndex, outputLength + 1));
  }

  /**
   * Where in the source an output span ending at {@code outputIndex} ends.
   *
   * @param outputIndex an index in the output, from 0 to {@link #outputLength()}
   * @return the index in the source
   * @throws IndexOutOfBoundsException if the index is outside the output
   */
  public int sourceEnd(int outputIndex) {
    return changes.spanEndInSource(Objects.checkIndex(outputIndex, outputLength + 1));
  }

  /**
   * Where in the output a source span starting at {@code sourceIndex} starts.
   *
   * @param sourceIndex an index in the source, from 0 to {@link #sourceLength()}
   * @return the index in the output
   * @throws IndexOutOfBoundsException if the index is outside the source
   */
  public int outputStart(int sourceIndex) {
    return changes.spanStartInOutput(Objects.checkIndex(sourceIndex, sourceLength + 1));
  }

  /**
   * Where in the output a source span ending at {@code sourceIndex} ends.
   *
   * @param sourceIndex an index in the source, from 0 to {@link #sourceLength()}
   * @return the index in the output
   * @throws IndexOutOfBoundsException if the index is outside the source
   */
  public int outputEnd(int sourceIndex) {
    return changes.spanEndInOutput(Objects.checkIndex(sourceIndex, sourceLength + 1));
  }

  /** The regions, for tests in this package. */
  Changes changes() {
    return changes;
  }

  /** The lengths and the changed regions, as {@code [s0,s1)->[o0,o1)}. */
  @Override
  public String toString() {
    return "OffsetMap{source=" + sourceLength + ", output=" + outputLength + ", changes=" + changes + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OffsetMap && ((OffsetMap) o).sourceLength == sourceLength
        && ((OffsetMap) o).outputLength == outputLength && ((OffsetMap) o).changes.equals(changes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sourceLength + outputLength) + changes.hashCode();
  }
}
