package dev.arnorm.stream;

import dev.arnorm.engine.DirectTable;
import dev.arnorm.unicode.UnicodeData;

/**
 * The clean run of the UTF-8 byte loop ({@link Utf8Stream}'s copying form): how far the characters from a
 * point come out as they are, crossed a chunk of bytes at a time through {@link DirectTable#utf8Pairs()}
 * where it can, a character at a time where it must. {@code CleanRunProperties} compares it with a loop
 * one character at a time.
 */
final class CleanRun {
  private CleanRun() {}

  /**
   * The end of the run from {@code b[j]} of one- and two-byte characters that come out as they are: copies,
   * a blank after a non-blank, kept marks in canonical order. The run may be empty. Overlong two-byte forms
   * (C0, C1) decode below 0x80 and end it.
   *
   * <p>Most of it is crossed {@link #CHUNK} bytes at a time by {@link #chunks}, which does not decode;
   * a chunk it cannot vouch for is read here a character at a time, from where it left off, with the state
   * its last character leaves.
   *
   * @param chunkFirst try a chunk at once (the last run was long); else read up to a quarter chunk a
   *     character at a time first
   */
  static int run(byte[] b, int j, int to, byte[] kinds, byte[] pairs, boolean blank, int ccc,
      boolean chunkFirst) {
    // Unless the last run was long, a character at a time first: where changes are dense (harakat deleted,
    // letters folded) the run ends within a few bytes, and a chunk tried first would read 64 pairs for
    // nothing at each of them (a helper measured 14 reads per byte of vocalized text).
    int limit = chunkFirst ? j : Math.min(to, j + CHUNK / 4);
    while (true) {
      while (j < limit) {
        int c = b[j];
        int len = 1;
        if (c < 0) {
          if ((c & 0xE0) != 0xC0 || j + 1 >= to || (b[j + 1] & 0xC0) != 0x80) {
            return j;
          }
          c = (c & 0x1F) << 6 | (b[j + 1] & 0x3F);
          if (c < 0x80) {
            return j;
          }
          len = 2;
        }
        int k = kinds[c];
        if (k == DirectTable.COPY | k == DirectTable.COPY_WORD) {
          blank = false;
          ccc = 0;
        } else if (k == DirectTable.COPY_BLANK & !blank) {
          blank = true;
          ccc = 0;
        } else if (k == DirectTable.MARK_KEEP && UnicodeData.ccc(c) >= ccc) {
          ccc = UnicodeData.ccc(c);
          blank = false;
        } else {
          return j;
        }
        j += len;
      }
      if (j >= to) {
        return j;
      }
      if (!blank && j + CHUNK < to) {
        int start = j;
        j = chunks(b, j, to, pairs, ccc != 0);
        if (j != start) {
          int c = lastChar(b, j);
          ccc = kinds[c] == DirectTable.MARK_KEEP ? UnicodeData.ccc(c) : 0;
          blank = kinds[c] == DirectTable.COPY_BLANK;
        }
      }
      limit = Math.min(to, j + CHUNK);
    }
  }

  /** The bytes {@link #chunks} vouches for at a time: one branch per chunk, not per character. */
  static final int CHUNK = 64;

  /**
   * Where the clean run from {@code j} reaches, a whole chunk at a time, by {@link DirectTable#utf8Pairs}: the
   * end of the last chunk whose every byte pair allows it (or of the character its last byte starts). One
   * read of the pair table per byte and no branch inside a chunk: the character-at-a-time loop branches on
   * each character's length, mispredicted at every word's end, and on real news took twice the time. Two
   * kept marks in a row are a stop here, whatever their order, and so are two blanks (the table sees both);
   * a blank just before {@code j} is not seen, so the caller does not call this after one.
   *
   * @param afterMark a kept mark may not start the run: one ends just before {@code j}, or no base stands
   *     there (the line's start, or after a replacement a mark may not follow): any {@code ccc != 0}
   */
  static int chunks(byte[] b, int j, int to, byte[] pairs, boolean afterMark) {
    int vouched = j;
    if (j < to && (b[j] & 0xC0) == 0x80) {
      return j; // a stray second byte: the pairs vouch for one only after its lead
    }
    int before1 = 0; // the pair flags one and two bytes back: a mark two bytes back ends just before
    int before2 = afterMark ? DirectTable.PAIR_MARK : 0;
    int i = j;
    while (i + CHUNK < to) {
      int end = i + CHUNK;
      int stop = 0;
      int t = b[i] & 0xFF;
      for (; i < end; i++) {
        int u = b[i + 1] & 0xFF;
        int f = pairs[t << 8 | u];
        stop |= f & (DirectTable.PAIR_STOP | before2);
        before2 = before1;
        before1 = f;
        t = u;
      }
      if (stop != 0) {
        break;
      }
      // A character cut at the end is whole: its two bytes were the last pair.
      vouched = (b[end] & 0xC0) == 0x80 ? end + 1 : end;
    }
    return vouched;
  }

  /** The code point of the one- or two-byte character that ends at {@code b[j - 1]}. */
  static int lastChar(byte[] b, int j) {
    int c = b[j - 1];
    return c < 0 ? (b[j - 2] & 0x1F) << 6 | (c & 0x3F) : c;
  }
}
