package dev.arnorm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Named, documented lists of steps. The order is part of the definition: steps that remove characters come
 * before {@code whitespace}, so that the spaces they leave next to each other are merged and the preset is
 * idempotent.
 */
public enum Preset {
  /**
   * Lossless repair only, the default: html-entities, presentation-forms, invisible, tatweel, whitespace.
   * The text reads the same; the output is NFC.
   */
  LIGHT("light", Step.HTML_ENTITIES, Step.PRESENTATION_FORMS, Step.INVISIBLE, Step.TATWEEL,
      Step.WHITESPACE),
  /**
   * For indexing and matching: light plus every folding step (diacritics, alef, ya, teh-marbuta,
   * persian-letters, hamza, digits, punctuation) and elongation. Letter folds run before hamza, because
   * folding a letter can put it under a hamza ({@code ۓ}, yeh barree with hamza, becomes {@code ئ} under ya),
   * which hamza then folds; elongation runs on the folded letters.
   */
  SEARCH("search", Step.HTML_ENTITIES, Step.PRESENTATION_FORMS, Step.INVISIBLE, Step.DIACRITICS, Step.TATWEEL,
      Step.WHITESPACE, Step.ALEF, Step.YA, Step.TEH_MARBUTA, Step.PERSIAN_LETTERS, Step.HAMZA,
      Step.DIGITS, Step.PUNCTUATION, Step.ELONGATION),
  /**
   * For user-generated text shown to readers: light plus elongation, spelling and orthography. Elongation
   * runs first, so that {@code لااااكن} becomes {@code لاكن} and then {@code لكن}; the curated lexicon runs
   * before the frequency table, so that its phrases ({@code انشاء الله}) are seen whole.
   */
  SOCIAL("social", Step.HTML_ENTITIES, Step.PRESENTATION_FORMS, Step.INVISIBLE, Step.TATWEEL,
      Step.WHITESPACE, Step.ELONGATION, Step.SPELLING, Step.ORTHOGRAPHY),
  /** Exactly what Lucene's {@code ArabicNormalizer} does, for migrating existing indexes. */
  LUCENE("lucene", Step.LUCENE);

  private final String id;
  private final List<Step> steps;

  Preset(String id, Step... steps) {
    this.id = id;
    this.steps = List.of(steps);
  }

  /**
   * The preset's name as used by {@code --preset} and {@link ArabicNormalizer#parse}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The steps, in the order they are applied.
   *
   * @return the steps, in order
   */
  public List<Step> steps() {
    return steps;
  }

  /**
   * The normalizer for this preset; the same instance on every call.
   *
   * @return the preset's shared normalizer
   */
  public ArabicNormalizer normalizer() {
    switch (this) {
      case LIGHT:
        return ArabicNormalizer.LIGHT;
      case SEARCH:
        return ArabicNormalizer.SEARCH;
      case SOCIAL:
        return ArabicNormalizer.SOCIAL;
      case LUCENE:
        return ArabicNormalizer.LUCENE;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The preset with the given name.
   *
   * @param id a preset id, case and surrounding whitespace ignored
   * @return the preset
   * @throws IllegalArgumentException naming it and listing the valid presets, if there is none
   */
  public static Preset forId(String id) {
    Objects.requireNonNull(id, "id");
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (Preset p : values()) {
      if (p.id.equals(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown preset '" + id + "'; valid presets: " + validIds());
  }

  static String validIds() {
    return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
  }

  /** The id. */
  @Override
  public String toString() {
    return id;
  }
}
