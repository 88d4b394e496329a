package dev.arnorm.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML5 named character references, loaded once from {@code html5-entities.txt} (generated from the
 * WHATWG table by src/build/generate-html5-entities.py) and validated at load.
 */
public final class Html5Entities {
  public static final String RESOURCE = "html5-entities.txt";
  public static final int EXPECTED = 2231;

  /** Names that need a semicolon, without it (e.g. "amp", "NotEqualTilde"). */
  private static final Map<String, String> WITH_SEMICOLON;
  /** Legacy names that browsers accept without a semicolon (e.g. "nbsp", "amp"). */
  private static final Map<String, String> LEGACY;
  public static final int MAX_NAME_LENGTH;
  /**
   * {@code String.hashCode} of every legacy name, sorted: a name whose hash is not here is not one, which
   * {@link #mayBeLegacy} tells without making a String (a clean text's {@code AT&T} allocates nothing).
   */
  private static final int[] LEGACY_HASHES;
  private static final int LEGACY_MAX_LENGTH;

  static {
    byte[] text;
    try (InputStream in = Html5Entities.class.getResourceAsStream("/dev/arnorm/" + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + RESOURCE);
      }
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Parsed by hand, not by a Reader, split and parseInt: the table loads at the first reference of a run,
    // mid-text and mostly in the interpreter (20 ms that way, against 7).
    Map<String, String> full = new HashMap<>(4096);
    Map<String, String> legacy = new HashMap<>(256);
    int max = 0;
    int lineNo = 0;
    StringBuilder value = new StringBuilder();
    for (int at = 0; at < text.length; ) {
      lineNo++;
      int end = at;
      while (end < text.length && text[end] != '\n') {
        end++;
      }
      int next = end + 1;
      if (end > at && text[at] != '#') {
        int tab = at;
        while (tab < end && text[tab] != '\t') {
          tab++;
        }
        if (tab == at || tab >= end - 1) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 'name TAB hex code points'");
        }
        String name = new String(text, at, tab - at, StandardCharsets.US_ASCII);
        value.setLength(0);
        for (int k = tab + 1; k < end; k++) {
          int cp = 0;
          int from = k;
          for (; k < end && text[k] != ' '; k++) {
            int d = Character.digit(text[k], 16);
            if (d < 0 || k - from == 6) {
              throw new IllegalStateException(RESOURCE + " line " + lineNo + ": bad code point");
            }
            cp = cp << 4 | d;
          }
          if (k == from || !Character.isValidCodePoint(cp)) {
            throw new IllegalStateException(RESOURCE + " line " + lineNo + ": bad code point");
          }
          value.appendCodePoint(cp);
        }
        if (name.endsWith(";")) {
          full.put(name.substring(0, name.length() - 1), value.toString());
        } else {
          legacy.put(name, value.toString());
        }
        max = Math.max(max, name.length());
      }
      at = next;
    }
    if (full.size() + legacy.size() != EXPECTED) {
      throw new IllegalStateException(RESOURCE + ": " + (full.size() + legacy.size())
          + " entries, expected " + EXPECTED);
    }
    WITH_SEMICOLON = Collections.unmodifiableMap(full);
    LEGACY = Collections.unmodifiableMap(legacy);
    MAX_NAME_LENGTH = max;
    int[] hashes = new int[legacy.size()];
    int longest = 0;
    int i = 0;
    for (String name : legacy.keySet()) {
      hashes[i++] = name.hashCode();
      longest = Math.max(longest, name.length());
    }
    Arrays.sort(hashes);
    LEGACY_HASHES = hashes;
    LEGACY_MAX_LENGTH = longest;
  }

  private Html5Entities() {}

  /**
   * False when no name, with or without its semicolon, starts with the ASCII name {@code s[from, to)} (or
   * is it): an {@code &} whose name so far is no such start begins no reference, whatever follows. True
   * when one may: told by the name's hash among those of every start of every name, so a collision only
   * makes the answer cautious.
   */
  public static boolean mayBeNamePrefix(CharSequence s, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + s.charAt(k);
    }
    return mayStartName(h);
  }

  /** {@link #mayBeNamePrefix} by the {@code String.hashCode} of the name so far, which is all it reads. */
  public static boolean mayStartName(int hash) {
    return Arrays.binarySearch(Prefixes.HASHES, hash) >= 0;
  }

  /**
   * {@code String.hashCode} of every start of every name, sorted, as {@link #LEGACY_HASHES} is; made on the
   * first {@link #mayBeNamePrefix}, which only an {@code &} right before a letter or digit asks.
   */
  private static final class Prefixes {
    static final int[] HASHES;

    static {
      int n = 0;
      for (Map<String, String> m : List.of(WITH_SEMICOLON, LEGACY)) {
        for (String name : m.keySet()) {
          n += name.length();
        }
      }
      int[] hashes = new int[n];
      int i = 0;
      for (Map<String, String> m : List.of(WITH_SEMICOLON, LEGACY)) {
        for (String name : m.keySet()) {
          int h = 0;
          for (int k = 0; k < name.length(); k++) {
            h = 31 * h + name.charAt(k);
            hashes[i++] = h;
          }
        }
      }
      Arrays.sort(hashes);
      HASHES = hashes;
    }
  }

  /** The text of {@code &name;}, or null. */
  public static String withSemicolon(String name) {
    return WITH_SEMICOLON.get(name);
  }

  /** The text of {@code &name} written without a semicolon, or null when browsers require one. */
  public static String legacy(String name) {
    return LEGACY.get(name);
  }

  /** False when the name {@code cps[from, to)} (ASCII) is certainly not a legacy name; true when it may be. */
  public static boolean mayBeLegacy(int[] cps, int from, int to) {
    if (to - from > LEGACY_MAX_LENGTH) {
      return false;
    }
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + cps[k];
    }
    return Arrays.binarySearch(LEGACY_HASHES, h) >= 0;
  }

  public static int size() {
    return WITH_SEMICOLON.size() + LEGACY.size();
  }
}
