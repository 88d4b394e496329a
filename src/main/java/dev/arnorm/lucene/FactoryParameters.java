package dev.arnorm.lucene;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.Lexicon;
import dev.arnorm.Preset;
import dev.arnorm.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.lucene.util.ResourceLoader;

/**
 * The parameters the adapter's factories share: {@code preset} or {@code steps} (one of them; the factory's
 * default preset when neither), and {@code lexicon}, a resource the analysis loader resolves. Read as
 * Lucene's factories read theirs: taken out of the map, so that what is left is unknown and rejected.
 */
final class FactoryParameters {
  static final String PRESET = "preset";
  static final String STEPS = "steps";
  static final String LEXICON = "lexicon";

  /** The preset or steps, as an {@link ArabicNormalizer#parse} spec. */
  final String spec;
  /** The normalizer the spec names, without a lexicon. */
  final ArabicNormalizer base;
  /** The lexicon resource's name, or null. */
  final String lexicon;

  private FactoryParameters(String spec, ArabicNormalizer base, String lexicon) {
    this.spec = spec;
    this.base = base;
    this.lexicon = lexicon;
  }

  /**
   * Takes the adapter's parameters out of {@code args}.
   *
   * @throws IllegalArgumentException for both {@code preset} and {@code steps}, an unknown preset or step
   *     (naming it and the valid ones), or a lexicon without the spelling step
   */
  static FactoryParameters take(Map<String, String> args, String defaultPreset) {
    String preset = args.remove(PRESET);
    String steps = args.remove(STEPS);
    String lexicon = args.remove(LEXICON);
    if (preset != null && steps != null) {
      throw new IllegalArgumentException("give 'preset' or 'steps', not both (preset=" + preset + ", steps="
          + steps + ")");
    }
    String spec = steps != null ? steps : preset != null ? Preset.forId(preset).id() : defaultPreset;
    ArabicNormalizer n = ArabicNormalizer.parse(spec); // fails now, naming a bad id, rather than at first use
    if (lexicon != null && !n.steps().contains(dev.arnorm.Step.SPELLING)) {
      throw new IllegalArgumentException("'lexicon' needs the spelling step, which '" + spec + "' lacks");
    }
    return new FactoryParameters(spec, n, lexicon);
  }

  /** The normalizer, with the lexicon read through {@code loader} when one is named. */
  ArabicNormalizer normalizer(ResourceLoader loader) throws IOException {
    if (lexicon == null) {
      return base;
    }
    try (InputStream in = loader.openResource(lexicon);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return ArabicNormalizer.builder().add(base.steps().toArray(new dev.arnorm.Step[0]))
          .lexicon(Lexicon.parse(r, lexicon)).build();
    }
  }
}
