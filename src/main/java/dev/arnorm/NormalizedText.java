package dev.arnorm;

import java.util.Objects;

/**
 * A normalized text with the map back to its source: what {@link ArabicNormalizer#normalizeWithOffsets}
 * returns. Immutable and thread-safe.
 */
public final class NormalizedText {
  private final String text;
  private final OffsetMap offsets;

  NormalizedText(String text, OffsetMap offsets) {
    this.text = text;
    this.offsets = offsets;
  }

  /**
   * The normalized text, equal to what {@link ArabicNormalizer#normalize(CharSequence)} returns.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The map between positions in {@link #text()} and in the source.
   *
   * @return the offsets
   */
  public OffsetMap offsets() {
    return offsets;
  }

  /**
   * The source span that an output span came from: {@code [offsets().sourceStart(start),
   * offsets().sourceEnd(end))}.
   *
   * @param source the text that was normalized
   * @param start the start of the span in {@link #text()}
   * @param end the end of the span, exclusive
   * @return the source chars the span came from
   * @throws IndexOutOfBoundsException if the span is not inside the text, or {@code source} is not as long
   *     as the text that was normalized
   */
  public String sourceOf(CharSequence source, int start, int end) {
    Objects.checkFromToIndex(start, end, text.length());
    if (source.length() != offsets.sourceLength()) {
      throw new IndexOutOfBoundsException(
          "the source has " + source.length() + " chars; " + offsets.sourceLength() + " were normalized");
    }
    return source.subSequence(offsets.sourceStart(start), Math.max(offsets.sourceStart(start),
        offsets.sourceEnd(end))).toString();
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NormalizedText && ((NormalizedText) o).text.equals(text)
        && ((NormalizedText) o).offsets.equals(offsets);
  }

  @Override
  public int hashCode() {
    return 31 * text.hashCode() + offsets.hashCode();
  }
}
