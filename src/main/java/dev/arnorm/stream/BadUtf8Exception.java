package dev.arnorm.stream;

import java.io.IOException;

/**
 * Input that is not valid UTF-8, at a byte offset: what the internal readers and the UTF-8 stream throw.
 * The API turns it into its public {@code MalformedUtf8Exception} at its boundary.
 */
public final class BadUtf8Exception extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  /** @param offset the byte offset of the first bad byte, from the start of the stream */
  public BadUtf8Exception(long offset) {
    super("malformed UTF-8 at byte offset " + offset);
    this.offset = offset;
  }

  /** The byte offset of the first bad byte, from the start of the stream. */
  public long offset() {
    return offset;
  }
}
