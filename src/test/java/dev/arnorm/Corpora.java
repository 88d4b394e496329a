package dev.arnorm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the real-text corpora copied into src/test/resources/corpora (licenses beside them). */
final class Corpora {
  private Corpora() {}

  static String text(String name) {
    try (InputStream in = Corpora.class.getResourceAsStream("/corpora/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test corpus " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String name) {
    return text(name).lines().toList();
  }

  static final List<String> NEWS = List.of(
      "elaph-2014-truce.txt", "wikinews-plain.txt", "wikinews-vocalized.txt", "ud-pud-sentences.txt");
}
