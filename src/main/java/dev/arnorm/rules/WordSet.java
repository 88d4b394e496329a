package dev.arnorm.rules;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An immutable set of words held as ranges of one char array, found through an open-addressing table of
 * their indexes. The dictionary's 108k stems load in a few passes over that array, with no String, map
 * node or resize per word: as a {@code HashSet<String>} they were most of the 190 to 250 ms a {@code search}
 * run waited for its first elongated word (docs/performance.md), in a JVM that had just started. Safe to
 * read from any number of threads once built.
 */
final class WordSet {
  private final char[] chars;
  /** Word {@code i} is {@code chars[starts[i], ends[i])}; duplicates are in these arrays but not in the table. */
  private final int[] starts;
  private final int[] ends;
  /** A word's index + 1, 0 for an empty slot; a power of two in length, at most half full. */
  private final int[] table;
  private final int size;

  /** @param hashes each word's {@link String#hashCode} */
  private WordSet(char[] chars, int[] starts, int[] ends, int[] hashes, int count) {
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
    this.table = new int[Math.max(2, Integer.highestOneBit(Math.max(1, count) * 2 - 1) << 1)];
    int mask = table.length - 1;
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      int slot = spread(hashes[i]) & mask;
      boolean seen = false;
      for (int t; (t = table[slot]) != 0; slot = (slot + 1) & mask) {
        if (hashes[t - 1] == hashes[i] && sameWord(t - 1, chars, starts[i], ends[i])) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        table[slot] = i + 1;
        distinct++;
      }
    }
    this.size = distinct;
  }

  /**
   * The lines of {@code text} (separated by {@code \n}, a {@code \r} before it dropped) that are neither
   * empty nor comments starting with {@code #}. The set keeps {@code text} as it is, without a copy.
   */
  static WordSet ofLines(char[] text) {
    // One pass, which also hashes: it runs in a JVM that has just started, largely in the interpreter.
    int capacity = Math.max(16, text.length / 5); // a stem and its line break average about six chars
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int[] hashes = new int[capacity];
    int count = 0;
    for (int from = 0; from < text.length; ) {
      int to = from;
      int h = 0;
      char c;
      while (to < text.length && (c = text[to]) != '\n') {
        h = 31 * h + c;
        to++;
      }
      int end = to;
      if (end > from && text[end - 1] == '\r') {
        end--;
        h = (h - '\r') * INVERSE_31; // the hash without the \r
      }
      if (end > from && text[from] != '#') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        starts[count] = from;
        ends[count] = end;
        hashes[count] = h;
        count++;
      }
      from = to + 1;
    }
    return new WordSet(text, starts, ends, hashes, count);
  }

  /** 31 * INVERSE_31 == 1 in int arithmetic (31 is odd, so it has an inverse modulo 2^32). */
  private static final int INVERSE_31 = 0xBDEF7BDF;

  /** The number of distinct words. */
  int size() {
    return size;
  }

  boolean contains(String w) {
    int mask = table.length - 1;
    for (int slot = spread(w.hashCode()) & mask, t; (t = table[slot]) != 0; slot = (slot + 1) & mask) {
      int from = starts[t - 1];
      int length = ends[t - 1] - from;
      if (length == w.length() && matches(w, from, length)) {
        return true;
      }
    }
    return false;
  }

  /** Each distinct word, as a String, in no particular order. */
  void forEach(Consumer<String> action) {
    for (int t : table) {
      if (t != 0) {
        action.accept(new String(chars, starts[t - 1], ends[t - 1] - starts[t - 1]));
      }
    }
  }

  private boolean matches(String w, int from, int length) {
    for (int k = 0; k < length; k++) {
      if (chars[from + k] != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean sameWord(int i, char[] other, int from, int to) {
    return Arrays.equals(chars, starts[i], ends[i], other, from, to);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Collects words one after another in one growing char array. */
  static final class Builder {
    private char[] chars;
    private int length;
    private int[] starts;
    private int[] ends;
    private int[] hashes;
    private int count;

    Builder(int words, int chars) {
      this.chars = new char[Math.max(16, chars)];
      this.starts = new int[Math.max(16, words)];
      this.ends = new int[Math.max(16, words)];
      this.hashes = new int[Math.max(16, words)];
    }

    Builder add(String w) {
      if (length + w.length() > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + w.length()));
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      w.getChars(0, w.length(), chars, length);
      starts[count] = length;
      length += w.length();
      ends[count] = length;
      hashes[count] = w.hashCode();
      count++;
      return this;
    }

    WordSet build() {
      return new WordSet(chars, starts, ends, hashes, count);
    }
  }

  /** The number of chars the words take, for a builder of a set like this one. */
  int chars() {
    return chars.length;
  }
}
