package dev.arnorm.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * An immutable set of words held as ranges of one char array, found through an open-addressing table of
 * their indexes. The dictionary's 108k stems load in one pass over their UTF-8, with no String, map node
 * or resize per word: in a {@code HashSet<String>} (and a folded copy), a {@code search} run in a JVM just
 * started waited 170-183 ms for its first elongated word, now 116-124, and the heap they take went from
 * 16.7 to 7.6 MB (docs/performance.md). Safe to read from any number of threads once built.
 * ({@link CharRangeSet} answers for ranges of a text and keeps its few thousand triggers as Strings; this
 * set keeps none, which is what its size asks for.)
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
        if (hashes[t - 1] == hashes[i] && sameWord(t - 1, i)) {
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
   * The lines of the UTF-8 text (separated by {@code \n}, a {@code \r} before it dropped) that are neither
   * empty nor comments starting with {@code #}: decoded by a loop of its own (two bytes a char for Arabic),
   * then split and hashed in one pass over the dictionary's 1.2 MB, which runs when the JVM has just started,
   * largely in the interpreter (decoding with {@code new String} first took about 35 ms).
   *
   * @throws IllegalArgumentException for bytes that are not UTF-8
   */
  static WordSet ofUtf8Lines(byte[] utf8) {
    char[] text = new char[utf8.length];
    int n = 0;
    for (int i = 0; i < utf8.length; ) {
      int b = utf8[i];
      if (b >= 0) {
        text[n++] = (char) b;
        i++;
      } else if ((b & 0xE0) == 0xC0 && i + 1 < utf8.length && (utf8[i + 1] & 0xC0) == 0x80 && (b & 0x1E) != 0) {
        text[n++] = (char) ((b & 0x1F) << 6 | utf8[i + 1] & 0x3F);
        i += 2;
      } else {
        // Three or four bytes, or malformed: rare in the dictionary, decoded by the JDK, which says what is wrong.
        int len = (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
        String s = decodeStrictly(utf8, i, Math.min(len, utf8.length - i));
        s.getChars(0, s.length(), text, n);
        n += s.length();
        i += len;
      }
    }
    return ofLines(n == text.length ? text : Arrays.copyOf(text, n)); // Arabic: two bytes a char
  }

  /**
   * The words of a gzipped resource of this package ({@code dev/arnorm/NAME}), one a line.
   *
   * @throws IllegalStateException when it is missing
   * @throws java.io.UncheckedIOException when it cannot be read
   */
  static WordSet ofGzipResource(String name) {
    try (InputStream raw = WordSet.class.getResourceAsStream("/dev/arnorm/" + name)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + name);
      }
      return ofUtf8Lines(new GZIPInputStream(raw, 1 << 16).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The set with every word folded by {@code fold}, through {@link #mapped} when its table allows. */
  WordSet folded(ElongationRule.LetterFold fold, RangeFilter keep) {
    char[] arabic = fold.charForChar();
    if (arabic != null) {
      return mapped(arabic, fold, keep);
    }
    Builder f = new Builder(size, chars.length);
    StringBuilder folded = new StringBuilder();
    forEachRange((text, from, to) -> {
      folded.setLength(0);
      if (!fold.foldInto(text, from, to, folded)) {
        folded.setLength(0);
        folded.append(fold.apply(new String(text, from, to - from)));
      }
      if (keep.test(folded.toString().toCharArray(), 0, folded.length())) {
        f.add(folded);
      }
    });
    return f.build();
  }

  private static String decodeStrictly(byte[] utf8, int from, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8, from, length)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("malformed UTF-8 at byte " + from, e);
    }
  }

  /** The words of {@code text}, one a line, kept in it without a copy. */
  private static WordSet ofLines(char[] text) {
    // One pass, which also hashes: it runs in a JVM that has just started, largely in the interpreter.
    Builder words = new Builder(text, text.length, text.length / 5); // a stem and its line break average about six chars
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
        words.range(from, end, h);
      }
      from = to + 1;
    }
    return words.build();
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

  /**
   * The set of these words mapped char for char: a char of the Arabic block U+0600..U+06FF through
   * {@code arabic} ({@link #UNDECIDED} where the map cannot tell), a char before the block as itself. A word
   * holding an undecided char, or a char after the block, goes through {@code other} instead. Words
   * {@code keep} rejects are left out. One loop over the chars into a new array with the same ranges:
   * folding the dictionary's 108k stems a word at a time, through a StringBuilder, took 55-60 ms of a
   * {@code search} run's first elongated word.
   */
  WordSet mapped(char[] arabic, UnaryOperator<String> other, RangeFilter keep) {
    char[] out = new char[chars.length];
    Builder mapped = new Builder(out, out.length, size);
    List<String> undecided = new ArrayList<>();
    for (int t : table) {
      if (t == 0) {
        continue;
      }
      int from = starts[t - 1];
      int to = ends[t - 1];
      int h = 0;
      int k = from;
      for (; k < to; k++) {
        char c = chars[k];
        char m = c < 0x0600 ? c : c < 0x0700 ? arabic[c - 0x0600] : UNDECIDED;
        if (m == UNDECIDED) {
          break;
        }
        out[k] = m;
        h = 31 * h + m;
      }
      if (k < to) {
        undecided.add(other.apply(new String(chars, from, to - from)));
      } else if (keep.test(out, from, to)) {
        mapped.range(from, to, h);
      }
    }
    // After the loop: add() may move the array the loop writes to.
    for (String w : undecided) {
      if (keep.test(w.toCharArray(), 0, w.length())) {
        mapped.add(w);
      }
    }
    return mapped.build();
  }

  /** In the map of {@link #mapped}: the char's fold is not a char the map can give. */
  static final char UNDECIDED = '\uFFFF';

  /** A test of a word given as {@code text[from, to)}. */
  interface RangeFilter {
    boolean test(char[] text, int from, int to);
  }

  /** Each distinct word as {@code text[from, to)}, in no particular order: no String is made. */
  void forEachRange(RangeConsumer action) {
    for (int t : table) {
      if (t != 0) {
        action.accept(chars, starts[t - 1], ends[t - 1]);
      }
    }
  }

  /** Takes a word as a range of a char array, which it must not change. */
  interface RangeConsumer {
    void accept(char[] text, int from, int to);
  }

  private boolean matches(String w, int from, int length) {
    for (int k = 0; k < length; k++) {
      if (chars[from + k] != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean sameWord(int a, int b) {
    return Arrays.equals(chars, starts[a], ends[a], chars, starts[b], ends[b]);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Collects words as ranges of one char array: its own, growing as words are added, or a text given. */
  static final class Builder {
    private char[] chars;
    private int length;
    private int[] starts;
    private int[] ends;
    private int[] hashes;
    private int count;

    /** A builder of words that {@link #add} copies into its own array. */
    Builder(int words, int chars) {
      this(new char[Math.max(16, chars)], 0, words);
    }

    /** A builder of ranges of {@code text} ({@link #range}), {@code length} of its chars in use. */
    private Builder(char[] text, int length, int words) {
      this.chars = text;
      this.length = length;
      this.starts = new int[Math.max(16, words)];
      this.ends = new int[Math.max(16, words)];
      this.hashes = new int[Math.max(16, words)];
    }

    Builder add(CharSequence w) {
      int n = w.length();
      if (length + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
      }
      int h = 0;
      for (int k = 0; k < n; k++) {
        char c = w.charAt(k);
        chars[length + k] = c;
        h = 31 * h + c; // String.hashCode's formula, for a CharSequence that is no String
      }
      range(length, length + n, h);
      length += n;
      return this;
    }

    /** Adds the word {@code chars[from, to)}, whose {@link String#hashCode} is {@code hash}. */
    void range(int from, int to, int hash) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      starts[count] = from;
      ends[count] = to;
      hashes[count] = hash;
      count++;
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
