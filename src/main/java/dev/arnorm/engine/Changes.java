package dev.arnorm.engine;

import java.util.Arrays;

/**
 * The changed regions of a normalization, in order: each says that source chars {@code [s0, s1)} became
 * output chars {@code [o0, o1)}; between regions the text is unchanged and maps one to one. Either side of
 * a region may be empty (a deletion, an insertion). Appended to by {@link OffsetTracker} as the text is
 * normalized, and queried by {@code OffsetMap} and {@code NormalizingReader}; binary-searched, as Lucene's
 * {@code BaseCharFilter} searches its corrections.
 *
 * <p>Positions of a map, both ways, follow one rule. The pairs (source index, output index) that are
 * boundaries are the ends of every region and every index of the unchanged text between them. An index
 * that is a boundary has one or more partners (several where a side of a region is empty); the start of a
 * span takes the last of them and its end the first, so that a span never takes in text deleted just
 * outside it. An index strictly inside a region maps to the region: its start for a span's start, its end
 * for a span's end.
 */
public final class Changes {
  /** Four ints per region: source start and end, output start and end. */
  private int[] regions;
  private int count;

  /** No change: the map of a text normalizing left as it was. Never added to. */
  public static final Changes NONE = new Changes(new int[0], 0);

  public Changes() {
    this(new int[64], 0);
  }

  private Changes(int[] regions, int count) {
    this.regions = regions;
    this.count = count;
  }

  public int count() {
    return count;
  }

  /** Appends a region, which must start at or after the end of the last on both sides. */
  public void add(int s0, int s1, int o0, int o1) {
    if (4 * count == regions.length) {
      regions = Arrays.copyOf(regions, regions.length * 2);
    }
    int at = 4 * count++;
    regions[at] = s0;
    regions[at + 1] = s1;
    regions[at + 2] = o0;
    regions[at + 3] = o1;
  }

  /** An immutable-by-convention copy, trimmed to size. */
  public Changes copy() {
    return new Changes(Arrays.copyOf(regions, 4 * count), count);
  }

  public int sourceStart(int region) {
    return regions[4 * region];
  }

  public int sourceEnd(int region) {
    return regions[4 * region + 1];
  }

  public int outputStart(int region) {
    return regions[4 * region + 2];
  }

  public int outputEnd(int region) {
    return regions[4 * region + 3];
  }

  /** Side offsets within a region's four ints: the side a query comes from, and the other. */
  private static final int SOURCE = 0;
  private static final int OUTPUT = 2;

  /** The source index where an output span starting at {@code o} starts. */
  public int spanStartInSource(int o) {
    return startOf(o, OUTPUT, SOURCE);
  }

  /** The source index where an output span ending at {@code o} ends. */
  public int spanEndInSource(int o) {
    return endOf(o, OUTPUT, SOURCE);
  }

  /** The output index where a source span starting at {@code s} starts. */
  public int spanStartInOutput(int s) {
    return startOf(s, SOURCE, OUTPUT);
  }

  /** The output index where a source span ending at {@code s} ends. */
  public int spanEndInOutput(int s) {
    return endOf(s, SOURCE, OUTPUT);
  }

  /**
   * The last partner of {@code x} (on side {@code from}) on the other side, or the start of the region
   * that holds it strictly inside.
   */
  private int startOf(int x, int from, int to) {
    // The last region that starts at or before x.
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (regions[4 * mid + from] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int r = lo - 1;
    if (r < 0) {
      return x; // unchanged text before the first region
    }
    int at = 4 * r;
    int start = regions[at + from];
    int end = regions[at + from + 1];
    if (x < end) {
      return regions[at + to]; // a region that starts here or holds x strictly inside: its start
    }
    return regions[at + to + 1] + (x - end); // at or after its end, in the unchanged text that follows
  }

  /**
   * The first partner of {@code x} (on side {@code from}) on the other side, or the end of the region that
   * holds it strictly inside.
   */
  private int endOf(int x, int from, int to) {
    // The first region that ends at or after x.
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (regions[4 * mid + from + 1] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == count) {
      if (count == 0) {
        return x;
      }
      int at = 4 * (count - 1);
      return regions[at + to + 1] + (x - regions[at + from + 1]); // unchanged text after the last region
    }
    int at = 4 * lo;
    int start = regions[at + from];
    int end = regions[at + from + 1];
    if (x == end && end > start) {
      return regions[at + to + 1]; // a region that ends here: its other side ends here too
    }
    if (x > start) {
      return regions[at + to + 1]; // strictly inside
    }
    return regions[at + to] - (start - x); // at or before its start, in the unchanged text before it
  }

  /** The regions as {@code [s0,s1)->[o0,o1)}, for messages and tests. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int r = 0; r < count; r++) {
      int at = 4 * r;
      sb.append(r == 0 ? "" : ", ").append('[').append(regions[at]).append(',').append(regions[at + 1])
          .append(")->[").append(regions[at + 2]).append(',').append(regions[at + 3]).append(')');
    }
    return sb.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Changes && ((Changes) o).count == count
        && Arrays.equals(regions, 0, 4 * count, ((Changes) o).regions, 0, 4 * count);
  }

  @Override
  public int hashCode() {
    int h = count;
    for (int i = 0; i < 4 * count; i++) {
      h = 31 * h + regions[i];
    }
    return h;
  }
}
