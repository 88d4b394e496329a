package dev.arnorm;

import java.io.IOException;

/**
 * Input that is not valid UTF-8, with the byte offset of the first bad byte: thrown by {@link Utf8Reader}
 * and by {@link ArabicNormalizer#normalize(java.io.InputStream, java.io.OutputStream)}.
 */
public final class MalformedUtf8Exception extends IOException {
  private static final long serialVersionUID = 1L;

  /** The byte offset of the first bad byte (serialized with the exception). */
  private final long offset;

  MalformedUtf8Exception(long offset) {
    super("malformed UTF-8 at byte offset " + offset);
    this.offset = offset;
  }

  /**
   * Zero-based offset, from the start of the stream, of the first byte that is not part of a valid UTF-8
   * sequence (for a sequence cut short, its first byte).
   *
   * @return the offset, counted in bytes from the start of the stream
   */
  public long offset() {
    return offset;
  }
}
