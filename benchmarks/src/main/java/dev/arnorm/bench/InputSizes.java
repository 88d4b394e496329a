package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import java.nio.charset.StandardCharsets;

/** Prints each benchmark input's length in chars and UTF-8 bytes (tab-separated), for the report. */
public final class InputSizes {
  private InputSizes() {}

  public static void main(String[] args) {
    for (String c : new String[] {"elaph", "wikinews-plain", "wikinews-vocalized", "ud", "web-residue"}) {
      print("corpus=" + c, Inputs.corpus(c));
    }
    for (int p : new int[] {0, 10, 50, 100}) {
      print("light%=" + p, Inputs.withChangeShare(ArabicNormalizer.LIGHT, p));
      print("search%=" + p, Inputs.withChangeShare(ArabicNormalizer.SEARCH, p));
    }
  }

  private static void print(String name, String text) {
    System.out.println(name + "\t" + text.length() + "\t" + text.getBytes(StandardCharsets.UTF_8).length);
  }
}
