package dev.arnorm.stream;

import dev.arnorm.engine.Engine;
import dev.arnorm.engine.Output;
import dev.arnorm.unicode.UnicodeData;

/** Writing UTF-8 into a byte array, for {@link Utf8Stream}: a char, a kept mark in its place, a String. */
public final class Utf8Bytes {
  private Utf8Bytes() {}

  /**
   * Writes {@code s} as UTF-8 at {@code o[p]}, which has room for three bytes a char; returns the end. A
   * lone surrogate, which valid input cannot give, becomes {@code '?'}, as {@link String#getBytes} makes it.
   */
  public static int put(byte[] o, int p, String s) {
    for (int k = 0, n = s.length(); k < n; k++) {
      char c = s.charAt(k);
      if (!Character.isSurrogate(c)) {
        p = put(o, p, c);
      } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++k));
        o[p++] = (byte) (0xF0 | cp >> 18);
        o[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
        o[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        o[p++] = (byte) (0x80 | cp & 0x3F);
      } else {
        o[p++] = '?';
      }
    }
    return p;
  }

  /** Writes {@code x} (not a surrogate: the table maps to none) as UTF-8; returns the end. */
  public static int put(byte[] o, int p, char x) {
    if (x < 0x80) {
      o[p] = (byte) x;
      return p + 1;
    }
    if (x < 0x800) {
      o[p] = (byte) (0xC0 | x >> 6);
      o[p + 1] = (byte) (0x80 | x & 0x3F);
      return p + 2;
    }
    o[p] = (byte) (0xE0 | x >> 12);
    o[p + 1] = (byte) (0x80 | x >> 6 & 0x3F);
    o[p + 2] = (byte) (0x80 | x & 0x3F);
    return p + 3;
  }

  /**
   * Puts the kept mark {@code x} of combining class {@code cc} after the marks of its cluster whose class
   * is not greater (what {@code Output.insertMark} does to chars): a base has class 0. Returns -1,
   * and writes nothing, when that means moving more than {@link Engine#MAX_MARK_SHIFT} marks: an insertion
   * sort of a hostile run of marks would take quadratic time, and the chain sorts it in linear time.
   */
  public static int insertMark(byte[] o, int p, char x, int cc) {
    int at = p;
    int moved = 0;
    while (at > 0) {
      int s = at - 1;
      while (s > 0 && (o[s] & 0xC0) == 0x80) {
        s--;
      }
      if (UnicodeData.ccc(decode(o, s)) <= cc) {
        break;
      }
      if (++moved > Engine.MAX_MARK_SHIFT) {
        return -1;
      }
      at = s;
    }
    int n = x < 0x80 ? 1 : x < 0x800 ? 2 : 3;
    System.arraycopy(o, at, o, at + n, p - at);
    put(o, at, x);
    return p + n;
  }

  /** The BMP code point whose UTF-8 (as {@link #put} writes it) starts at {@code o[s]}. */
  public static int decode(byte[] o, int s) {
    int c = o[s];
    if (c >= 0) {
      return c;
    }
    if ((c & 0xE0) == 0xC0) {
      return (c & 0x1F) << 6 | (o[s + 1] & 0x3F);
    }
    return (c & 0x0F) << 12 | (o[s + 1] & 0x3F) << 6 | (o[s + 2] & 0x3F);
  }
}
