package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The benchmark texts, each about 1 MB of chars, built once from the bundled corpora. */
final class Inputs {
  static final int SIZE = 1 << 20;

  private Inputs() {}

  static String resource(String name) {
    try (InputStream in = Inputs.class.getResourceAsStream("/bench-data/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing benchmark data " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text repeated (whole lines, joined by newlines) to about {@link #SIZE} chars. */
  static String toSize(String text) {
    StringBuilder sb = new StringBuilder(SIZE + text.length());
    while (sb.length() < SIZE) {
      sb.append(text);
      if (!text.endsWith("\n")) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static String corpus(String name) {
    switch (name) {
      case "elaph":
        return toSize(resource("elaph-2014-truce.txt"));
      case "wikinews-plain":
        return toSize(resource("wikinews-plain.txt"));
      case "wikinews-vocalized":
        return toSize(resource("wikinews-vocalized.txt"));
      case "ud":
        return toSize(resource("ud-pud-sentences.txt"));
      case "web-residue":
        return webResidue(toSize(resource("wikinews-plain.txt")));
      default:
        if (name.contains("/")) {
          return file(name); // a real corpus outside the project, taken as it is (see docs/performance.md)
        }
        throw new IllegalArgumentException(name + ": a bundled sample's name, or a file path with a '/'");
    }
  }

  /** The UTF-8 text of the file at {@code path}, whole. */
  static String file(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * News text with the debris of scraped pages, seeded so every run sees the same text: entities
   * ({@code &quot;}, {@code &nbsp;}, numeric), presentation forms (lam-alef and ﷲ ligatures, final forms),
   * tatweel, and bidi marks.
   */
  static String webResidue(String text) {
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder(text.length() + text.length() / 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int dice = r.nextInt(100);
      if (c == ' ' && dice < 8) {
        sb.append(dice < 3 ? "&nbsp;" : dice < 5 ? "\u00A0" : dice < 6 ? " \u200F" : "&quot; ");
      } else if (c == 'ل' && i + 1 < text.length() && text.charAt(i + 1) == 'ا' && dice < 50) {
        sb.append('\uFEFB');
        i++;
      } else if (text.startsWith("الله", i) && dice < 50) {
        sb.append('\uFDF2');
        i += 3;
      } else if (c >= 'ب' && c <= 'ي' && dice < 2) {
        sb.append(c).append("ـــ");
      } else if (c == 'م' && dice < 5) {
        sb.append("&#1605;");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Text in which {@code percent} of the characters need a change by the given preset: already-normalized
   * news (0%), then characters replaced by variants the preset changes. For search: alef with hamza, alef
   * maksura, teh marbuta, hamza seats, keheh, Arabic-Indic digits; for light: presentation forms of the
   * letter and NBSP for spaces.
   */
  static String withChangeShare(ArabicNormalizer preset, int percent) {
    String clean = preset.normalize(toSize(resource("wikinews-plain.txt")));
    if (percent == 0) {
      return clean;
    }
    boolean search = preset == ArabicNormalizer.SEARCH;
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder(clean.length());
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      char v = r.nextInt(100) < percent ? (search ? searchVariant(c) : lightVariant(c)) : c;
      sb.append(v);
    }
    return sb.toString();
  }

  private static char searchVariant(char c) {
    switch (c) {
      case 'ا': return 'أ';
      case 'ي': return 'ى';
      case 'ه': return 'ة';
      case 'و': return 'ؤ';
      case 'ك': return 'ک';
      case ' ': return '\u00A0';
      case ',': return '،';
      default:
        if (c >= '0' && c <= '9') {
          return (char) ('٠' + c - '0');
        }
        // Other letters: their presentation form, which search folds back. (Replacing them all with إ, as
        // the first version did, folded to runs of ا that made elongation fire on nonsense words.)
        return lightVariant(c);
    }
  }

  private static char lightVariant(char c) {
    if (c == ' ') {
      return '\u00A0';
    }
    // The isolated presentation form of the letter, where Unicode has one.
    for (int pf = 0xFE80; pf <= 0xFEFC; pf++) {
      String d = com.ibm.icu.text.Normalizer2.getNFKDInstance().getDecomposition(pf);
      if (d != null && d.length() == 1 && d.charAt(0) == c) {
        return (char) pf;
      }
    }
    return c;
  }
}
