package dev.arnorm.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of strings that answers {@code contains} for a range of a {@link CharSequence} without
 * allocating: open addressing over the strings' hash codes. Used by the fast scan to ask "could this word
 * start a spelling fix?" for every word it passes.
 */
public final class CharRangeSet {
  private final String[] slots;
  /** The hash code of the string in each slot: a miss is told by an int compare, not by its chars. */
  private final int[] hashes;
  /** A number kept with each string (a trigger's span, see Rule#wordTriggers); 0 when built from a set. */
  private final int[] values;
  private final int mask;
  /** The largest value of the set's strings; 0 for none. */
  private int maxValue;
  /**
   * One bit per value of {@link #filterBit} of the hash: most words of a text are not in the set, and this
   * 32 KiB array (cache-resident, unlike the slots) tells most of them so without a probe.
   */
  private final long[] filter = new long[1 << (FILTER_BITS - 6)];
  private static final int FILTER_BITS = 18;

  /** A set of the strings (duplicates are kept once), each with value 0. */
  public static CharRangeSet of(Collection<String> strings) {
    CharRangeSet set = new CharRangeSet(strings.size());
    for (String s : strings) {
      set.add(s, 0);
    }
    return set;
  }

  /**
   * A set of the keys of all the maps, each with the largest value any of them gives it ({@link #valueOfHash}).
   * Built straight from the maps: merging them into one map first cost {@code social}'s start about 12 ms
   * (its two word steps' triggers; the orthography's alone are 10.6k).
   */
  public static CharRangeSet ofAll(List<Map<String, Integer>> maps) {
    int n = 0;
    for (Map<String, Integer> m : maps) {
      n += m.size();
    }
    CharRangeSet set = new CharRangeSet(n);
    for (Map<String, Integer> m : maps) {
      for (Map.Entry<String, Integer> e : m.entrySet()) {
        set.add(e.getKey(), e.getValue());
      }
    }
    return set;
  }

  private CharRangeSet(int count) {
    int size = Integer.highestOneBit(Math.max(4, count * 4) - 1) << 1;
    slots = new String[size];
    hashes = new int[size];
    values = new int[size];
    mask = size - 1;
  }

  private void add(String s, int value) {
    int h = s.hashCode();
    int i = slot(h);
    while (slots[i] != null && !slots[i].equals(s)) {
      i = (i + 1) & mask;
    }
    values[i] = slots[i] == null ? value : Math.max(values[i], value); // a string given twice keeps the larger
    slots[i] = s;
    hashes[i] = h;
    maxValue = Math.max(maxValue, value);
    int b = filterBit(h);
    filter[b >>> 6] |= 1L << b;
  }

  /** The largest value any string of the set has (0 for an empty set). */
  public int maxValue() {
    return maxValue;
  }

  /** The filter's bit for hash {@code h}: its high bits, mixed by a multiplication, independent of slots. */
  private static int filterBit(int h) {
    return (h * 0x9E3779B9) >>> (32 - FILTER_BITS);
  }

  private boolean mayContain(int h) {
    int b = filterBit(h);
    return (filter[b >>> 6] & (1L << b)) != 0;
  }

  /**
   * The first slot for hash {@code h}: its high bits folded in, since words of one script differ little in
   * the low bits of {@link String#hashCode} and would cluster.
   */
  private int slot(int h) {
    return (h ^ (h >>> 16)) & mask;
  }

  /**
   * -1 when no string of the set has hash code {@code h}; else the largest value of the strings that have
   * it, one of which may be the string hashed (the UTF-8 loop asks this of a word it hashed as it wrote it,
   * and hands a maybe to the chain, which decides).
   */
  public int valueOfHash(int h) {
    if (!mayContain(h)) {
      return -1;
    }
    int v = -1;
    for (int i = slot(h); slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h) {
        v = Math.max(v, values[i]);
      }
    }
    return v;
  }

  public boolean contains(CharSequence s, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + s.charAt(k);
    }
    if (!mayContain(h)) {
      return false;
    }
    for (int i = slot(h); slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h) {
        String c = slots[i];
        if (c.length() == to - from && regionEquals(c, s, from)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The same question for {@code a[from, to)}. */
  public boolean contains(char[] a, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + a[k];
    }
    if (!mayContain(h)) {
      return false;
    }
    for (int i = slot(h); slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h) {
        String c = slots[i];
        if (c.length() == to - from && regionEquals(c, a, from)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean regionEquals(String c, char[] a, int from) {
    for (int k = 0; k < c.length(); k++) {
      if (c.charAt(k) != a[from + k]) {
        return false;
      }
    }
    return true;
  }

  /** The same question for code points (BMP only: a word of astral code points is never in the set). */
  public boolean contains(int[] cps, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) {
      if (cps[k] > 0xFFFF) {
        return false;
      }
      h = 31 * h + cps[k];
    }
    if (!mayContain(h)) {
      return false;
    }
    for (int i = slot(h); slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h) {
        String c = slots[i];
        if (c.length() == len && regionEquals(c, cps)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean regionEquals(String c, int[] cps) {
    for (int k = 0; k < c.length(); k++) {
      if (c.charAt(k) != cps[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean regionEquals(String c, CharSequence s, int from) {
    for (int k = 0; k < c.length(); k++) {
      if (c.charAt(k) != s.charAt(from + k)) {
        return false;
      }
    }
    return true;
  }
}
