package dev.arnorm.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
    Map<String, String> full = new HashMap<>();
    Map<String, String> legacy = new HashMap<>();
    int max = 0;
    int lineNo = 0;
    try (InputStream in = Html5Entities.class.getResourceAsStream("/dev/arnorm/" + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/arnorm/" + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 'name TAB hex code points'");
        }
        String name = line.substring(0, tab);
        StringBuilder value = new StringBuilder();
        for (String hex : line.substring(tab + 1).split(" ")) {
          value.appendCodePoint(Integer.parseInt(hex, 16));
        }
        if (name.endsWith(";")) {
          full.put(name.substring(0, name.length() - 1), value.toString());
        } else {
          legacy.put(name, value.toString());
        }
        max = Math.max(max, name.length());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(RESOURCE + " line " + lineNo + ": bad code point", e);
    }
    if (full.size() + legacy.size() != EXPECTED) {
      throw new IllegalStateException(RESOURCE + ": " + (full.size() + legacy.size())
          + " entries, expected " + EXPECTED);
    }
    WITH_SEMICOLON = Map.copyOf(full);
    LEGACY = Map.copyOf(legacy);
    MAX_NAME_LENGTH = max;
    LEGACY_HASHES = LEGACY.keySet().stream().mapToInt(String::hashCode).sorted().toArray();
    LEGACY_MAX_LENGTH = LEGACY.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  private Html5Entities() {}

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
    return java.util.Arrays.binarySearch(LEGACY_HASHES, h) >= 0;
  }

  public static int size() {
    return WITH_SEMICOLON.size() + LEGACY.size();
  }
}
