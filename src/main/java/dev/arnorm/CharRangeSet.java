package dev.arnorm;

import java.util.Collection;

/**
 * An immutable set of strings that answers {@code contains} for a range of a {@link CharSequence} without
 * allocating: open addressing over the strings' hash codes. Used by the fast scan to ask "could this word
 * start a spelling fix?" for every word it passes.
 */
final class CharRangeSet {
  private final String[] slots;
  private final int mask;

  CharRangeSet(Collection<String> strings) {
    int size = Integer.highestOneBit(Math.max(4, strings.size() * 4) - 1) << 1;
    slots = new String[size];
    mask = size - 1;
    for (String s : strings) {
      int i = s.hashCode() & mask;
      while (slots[i] != null && !slots[i].equals(s)) {
        i = (i + 1) & mask;
      }
      slots[i] = s;
    }
  }

  boolean contains(CharSequence s, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + s.charAt(k);
    }
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      String c = slots[i];
      if (c.length() == to - from && regionEquals(c, s, from)) {
        return true;
      }
    }
    return false;
  }

  /** The same question for {@code a[from, to)}. */
  boolean contains(char[] a, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + a[k];
    }
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      String c = slots[i];
      if (c.length() == to - from && regionEquals(c, a, from)) {
        return true;
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
  boolean contains(int[] cps, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) {
      if (cps[k] > 0xFFFF) {
        return false;
      }
      h = 31 * h + cps[k];
    }
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      String c = slots[i];
      if (c.length() == len && regionEquals(c, cps)) {
        return true;
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
