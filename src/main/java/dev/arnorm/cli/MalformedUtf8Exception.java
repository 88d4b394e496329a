package dev.arnorm.cli;

import java.io.IOException;

/** Input that is not valid UTF-8, with the byte offset of the first bad byte. */
final class MalformedUtf8Exception extends IOException {
  private final long offset;

  MalformedUtf8Exception(long offset) {
    super("malformed UTF-8 at byte offset " + offset);
    this.offset = offset;
  }

  /** Zero-based offset of the first byte that is not part of a valid UTF-8 sequence. */
  long offset() {
    return offset;
  }
}
