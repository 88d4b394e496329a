package dev.arnorm.opensearch;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.Lexicon;
import dev.arnorm.Preset;
import dev.arnorm.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.Analysis;

/**
 * Reads the settings the char filter and the token filter share, as the Lucene factories of arnorm read
 * their parameters: {@code preset} or {@code steps} (one of them; the component's default preset when
 * neither), and {@code lexicon}, a spelling lexicon file under the node's config directory. Every mistake
 * fails the index creation with an {@link IllegalArgumentException} that names the component and what is
 * wrong, rather than normalizing differently from what was asked.
 */
final class ArnormSettings {
  static final String PRESET = "preset";
  static final String STEPS = "steps";
  static final String LEXICON = "lexicon";

  /** The keys a component's settings may hold: ours and its {@code type}. */
  private static final Set<String> KNOWN = Set.of(PRESET, STEPS, LEXICON, "type");
  /**
   * The prefix of the index-level keys that OpenSearch itself puts in the settings of a component that has
   * none of its own: {@code index.version.created} in an index, and the shard and replica counts too for
   * {@code _analyze} without an index. A component's own keys never have it.
   */
  private static final String OPENSEARCH_KEYS = "index.";

  private ArnormSettings() {}

  /**
   * The normalizer that a component's settings ask for.
   *
   * @param kind what the component is, for messages: {@code char_filter} or {@code filter}
   * @param name the component's name in the index settings
   * @param settings the component's settings
   * @param env the node's environment, whose config directory a lexicon path is resolved against
   * @param defaultPreset the preset when neither {@code preset} nor {@code steps} is given
   * @throws IllegalArgumentException for an unknown key, both {@code preset} and {@code steps}, an unknown
   *     preset or step, a lexicon without the spelling step, or a lexicon that cannot be read or parsed
   */
  static ArabicNormalizer normalizer(String kind, String name, Settings settings, Environment env,
      String defaultPreset) {
    String where = "[arnorm] " + kind + " [" + name + "]: ";
    // Anything else is most likely a misspelt key, which OpenSearch would otherwise ignore without a word.
    Set<String> unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(KNOWN);
    unknown.removeIf(key -> key.startsWith(OPENSEARCH_KEYS));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(where + "unknown settings " + unknown + "; valid settings: ["
          + PRESET + ", " + STEPS + ", " + LEXICON + "]");
    }
    String preset = settings.get(PRESET);
    // A list (["tatweel", "alef"]) or a comma-separated string; an empty one is kept empty, so that it is
    // rejected rather than taken as "not given".
    List<String> steps = settings.hasValue(STEPS) ? settings.getAsList(STEPS, List.of()) : null;
    String lexicon = settings.get(LEXICON);
    if (preset != null && steps != null) {
      throw new IllegalArgumentException(where + "give [" + PRESET + "] or [" + STEPS + "], not both (preset="
          + preset + ", steps=" + String.join(",", steps) + ")");
    }
    ArabicNormalizer base;
    String spec;
    try {
      spec = steps != null ? String.join(",", steps) : preset != null ? Preset.forId(preset).id() : defaultPreset;
      base = ArabicNormalizer.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
    if (lexicon == null) {
      return base;
    }
    if (!base.steps().contains(Step.SPELLING)) {
      throw new IllegalArgumentException(where + "[" + LEXICON + "] needs the spelling step, which '" + spec
          + "' lacks (use preset social, or add spelling to steps)");
    }
    Lexicon user = readLexicon(where, lexicon, env);
    return ArabicNormalizer.builder().add(base.steps().toArray(new Step[0])).lexicon(user).build();
  }

  /**
   * Reads a lexicon file. The path is resolved against the config directory, as OpenSearch resolves word
   * lists and synonym files, and must stay inside it: index settings are written through the REST API, and
   * must not become a way to read any file the node can read.
   */
  private static Lexicon readLexicon(String where, String lexicon, Environment env) {
    Path config = env.configDir().toAbsolutePath().normalize();
    Path file = Analysis.resolveAnalyzerPath(env, lexicon).toAbsolutePath().normalize();
    if (!file.startsWith(config)) {
      throw new IllegalArgumentException(where + "[" + LEXICON + "] must be a path inside the config directory, not ["
          + lexicon + "]");
    }
    try {
      return Lexicon.load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot read [" + LEXICON + "] [" + lexicon + "] in the config directory: "
          + e, e);
    } catch (IllegalArgumentException e) {
      // A bad line: the message names the file, the line and the problem.
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
  }
}
