package dev.arnorm;

import dev.arnorm.engine.CodeUnitMap;
import dev.arnorm.engine.Engine;
import dev.arnorm.engine.OffsetTracker;
import dev.arnorm.rules.SpellingRule;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.StepId;
import dev.arnorm.stream.BadUtf8Exception;
import dev.arnorm.stream.CodeUnitStream;
import dev.arnorm.stream.Utf8Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable, thread-safe Arabic text normalizer: an ordered list of {@link Step}s compiled once into a
 * single-pass engine.
 *
 * <pre>{@code
 * String clean = ArabicNormalizer.LIGHT.normalize(scraped);            // lossless repair
 * String key = ArabicNormalizer.SEARCH.normalize("أَحْمَدُ");             // "احمد"
 * ArabicNormalizer mine = ArabicNormalizer.parse("tatweel,alef");     // any steps, in order
 * ArabicNormalizer same = ArabicNormalizer.builder().add(Step.TATWEEL).add(Step.ALEF).build();
 * }</pre>
 *
 * <p>Steps apply in order, each to the output of the one before, exactly as if run one by one; the engine
 * fuses them so the text is read once. One exception: {@code digits} and {@code punctuation} listed after
 * {@code html-entities} run just before it, so that the entity decoder sees the ASCII digits and {@code ;}
 * they make ({@code &#٣٢} is a reference once digits are folded); no other step treats those characters. Canonically equivalent inputs (NFC, NFD, decomposed hamza, marks in
 * any canonical order) give identical output, and output is NFC, with one documented exception: the
 * {@code lucene} step alone reproduces Lucene on the code units as written (see {@link Step#LUCENE}). Text that needs no change is returned as
 * the very same {@code String} instance without allocation. Data is never rejected: odd text passes through,
 * lone surrogates included, and no step splits a surrogate pair.
 *
 * <p>{@link #toString()} is the spec (comma-separated step ids), and {@link #parse} of it gives an equal
 * normalizer.
 */
public final class ArabicNormalizer {
  /** Lossless repair only (the default): html-entities, presentation-forms, invisible, tatweel, whitespace. */
  public static final ArabicNormalizer LIGHT = new ArabicNormalizer(Preset.LIGHT.steps());
  /** Light plus every folding step: for indexing and matching. */
  public static final ArabicNormalizer SEARCH = new ArabicNormalizer(Preset.SEARCH.steps());
  /** Light plus elongation and spelling: for user-generated text shown to readers. */
  public static final ArabicNormalizer SOCIAL = new ArabicNormalizer(Preset.SOCIAL.steps());
  /** Exactly what Lucene's {@code ArabicNormalizer} does, on any input (not canonically: see {@link Step#LUCENE}). */
  public static final ArabicNormalizer LUCENE = new ArabicNormalizer(Preset.LUCENE.steps());

  private final List<Step> steps;
  private final Lexicon lexicon;
  /**
   * For a pipeline of {@code lucene} alone: Lucene's map applied to the code units as written, in place of
   * the engine (which works on canonical equivalence classes); null otherwise.
   */
  private final boolean luceneAlone;
  /** Compiled on first use, so that the presets cost nothing until used. */
  private volatile Engine engine;

  /** One normalizer per single step, compiled on first use and shared. */
  private static final class SingleSteps {
    static final java.util.Map<Step, ArabicNormalizer> BY_STEP = new java.util.EnumMap<>(Step.class);

    static {
      for (Step s : Step.values()) {
        BY_STEP.put(s, new ArabicNormalizer(List.of(s)));
      }
    }
  }

  private ArabicNormalizer(List<Step> steps) {
    this(steps, null);
  }

  private ArabicNormalizer(List<Step> steps, Lexicon lexicon) {
    this.steps = List.copyOf(steps);
    this.lexicon = lexicon;
    this.luceneAlone = this.steps.stream().allMatch(s -> s == Step.LUCENE);
  }

  /**
   * A normalizer applying {@code steps} in the given order. A step may appear more than once.
   *
   * @param steps the steps, in order
   * @return the normalizer
   * @throws IllegalArgumentException if no step is given
   */
  public static ArabicNormalizer of(Step... steps) {
    return builder().add(steps).build();
  }

  /**
   * Parses a spec: a preset name ({@code "search"}) or comma-separated step ids ({@code "tatweel,alef"}),
   * whitespace around ids ignored. {@code parse(n.toString())} equals {@code n}.
   *
   * @param spec a preset name or comma-separated step ids
   * @return the normalizer the spec names
   * @throws IllegalArgumentException for an empty spec or an unknown id, naming it and listing the valid ids
   * @throws NullPointerException if {@code spec} is null
   */
  public static ArabicNormalizer parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String trimmed = spec.trim();
    for (Preset p : Preset.values()) {
      if (p.id().equals(trimmed)) {
        return p.normalizer();
      }
    }
    Builder b = builder();
    for (String id : trimmed.split(",", -1)) {
      if (id.isBlank()) {
        throw new IllegalArgumentException(
            "empty step id in spec '" + spec + "'; valid steps: " + Step.validIds());
      }
      b.add(Step.forId(id));
    }
    return b.build();
  }

  /**
   * A builder for a normalizer with a custom list of steps.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The compiled engine, built on first use (benign race avoided: one engine per normalizer). */
  Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          e = new Engine(kinds(steps), lexicon == null ? null : new SpellingRule(lexicon.data));
          engine = e;
        }
      }
    }
    return e;
  }

  /**
   * The steps, in the order they are applied.
   *
   * @return the steps, an immutable list
   */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Normalizes {@code text}.
   *
   * @param text the text to normalize
   * @return the normalized text; {@code text} itself when it is a {@code String} that needs no change
   */
  public String normalize(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return luceneAlone ? CodeUnitMap.LUCENE.apply(text) : engine().normalize(text);
  }

  /**
   * Normalizes {@code text} and appends the result to {@code out}.
   *
   * @param text the text to normalize
   * @param out where the normalized text is appended
   * @throws IOException if {@code out} throws
   */
  public void normalize(CharSequence text, Appendable out) throws IOException {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(out, "out");
    if (luceneAlone) {
      CodeUnitMap.LUCENE.apply(text, out, StepCounter.NONE);
      return;
    }
    engine().normalize(text, out, StepCounter.NONE);
  }

  /**
   * Streams {@code in} to {@code out} in bounded memory (a few kilobytes, whatever the length of a line),
   * giving the same text as {@link #normalize(CharSequence)} of the whole input. Neither stream is closed;
   * {@code out} is not flushed.
   *
   * @param in the text to normalize
   * @param out where the normalized text is written
   * @throws IOException if reading or writing fails
   */
  public void normalize(Reader in, Writer out) throws IOException {
    normalize(in, out, null);
  }

  /**
   * Streams UTF-8 {@code in} to UTF-8 {@code out} in bounded memory, whatever the length of a line (a line of
   * up to a 256th of the maximum heap, at least 512 KiB and at most 16 MiB, is held whole, with a few times
   * that for its output or its decoded chars; a longer one is streamed through the chain, several times
   * slower),
   * giving the UTF-8 of {@link #normalize(CharSequence)} of the whole decoded input. The
   * fastest way to normalize files: most lines are normalized on their bytes, without being decoded to
   * chars and encoded again. Neither stream is closed; {@code out} is not flushed. Input is checked
   * strictly: no replacement characters are made up.
   *
   * @param in UTF-8 bytes to normalize
   * @param out where the UTF-8 of the normalized text is written
   * @throws MalformedUtf8Exception if {@code in} is not valid UTF-8 (what came before the block holding the
   *     first bad byte has been written)
   * @throws IOException if reading or writing fails
   */
  public void normalize(InputStream in, OutputStream out) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    if (luceneAlone) {
      try {
        CodeUnitStream.run(CodeUnitMap.LUCENE, in, out);
      } catch (BadUtf8Exception e) {
        throw new MalformedUtf8Exception(e.offset());
      }
      return;
    }
    try {
      new Utf8Stream(engine()).run(in, out);
    } catch (BadUtf8Exception e) {
      throw new MalformedUtf8Exception(e.offset());
    }
  }

  /**
   * As {@link #normalize(InputStream, OutputStream)}, with the work spread over {@code executor}: the input
   * is cut into blocks of about 4 MiB at line breaks, up to {@code parallelism} blocks are normalized at
   * once, and they are written in order. The output is byte for byte what the one-thread method writes (no
   * step reaches across a line break). For large inputs, such as files: a block is normalized once it is
   * full or the input has ended, so a stream that delivers lines slowly (a pipe from {@code tail -f}) is
   * better served by {@link #normalize(InputStream, OutputStream)}, which writes lines as they come. An input
   * that fits in one block is normalized on the calling thread, which also reads, cuts and writes.
   *
   * <p>Memory stays bounded: at most {@code parallelism + 2} blocks, each with its input and its output
   * (about the input's size on ordinary text; more where the text expands, as a run of ligatures does), and
   * no more than half the maximum heap holds at three times a block each (fewer blocks at once then, rather
   * than an {@code OutOfMemoryError}). A line longer than a block makes its block grow up to 16 MiB, and a longer
   * one is streamed on the calling thread. The executor is the caller's (a fixed pool of {@code
   * parallelism} threads, or {@link java.util.concurrent.ForkJoinPool#commonPool()}); it is not shut down.
   *
   * @param in UTF-8 bytes to normalize
   * @param out where the UTF-8 of the normalized text is written
   * @param executor where blocks are normalized
   * @param parallelism how many blocks may be normalized at once, 1 or more; 1 normalizes on the calling
   *     thread alone
   * @throws MalformedUtf8Exception if {@code in} is not valid UTF-8, once every block before the one that
   *     holds the first bad byte has been written
   * @throws IOException if reading or writing fails
   * @throws java.util.concurrent.RejectedExecutionException if {@code executor} refuses a block
   */
  public void normalize(InputStream in, OutputStream out, java.util.concurrent.Executor executor, int parallelism)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(executor, "executor");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be 1 or more, not " + parallelism);
    }
    if (parallelism == 1) {
      normalize(in, out);
      return;
    }
    new ParallelBlocks(this, executor, parallelism).run(in, out);
  }

  /**
   * Like {@link #normalize(Reader, Writer)}, and adds to {@code stats} how many characters each step changed.
   *
   * @param stats the tally to add to, or null for none
   * @param in the text to normalize
   * @param out where the normalized text is written
   * @throws IOException if reading or writing fails
   */
  public void normalize(Reader in, Writer out, NormalizationStats stats) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    StepCounter counter = stats == null ? StepCounter.NONE : stats.counter();
    if (luceneAlone) {
      CodeUnitMap.LUCENE.apply(in, out, counter);
      return;
    }
    engine().normalize(in, out, counter);
  }

  /**
   * Normalizes {@code text}, adding to {@code stats} how many characters each step changed.
   *
   * @param text the text to normalize
   * @param stats the tally to add to, or null for none
   * @return the normalized text
   */
  public String normalize(CharSequence text, NormalizationStats stats) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stats, "stats");
    StringBuilder sb = new StringBuilder(text.length());
    try {
      if (luceneAlone) {
        CodeUnitMap.LUCENE.apply(text, sb, stats.counter());
        return sb.toString();
      }
      engine().normalize(text, sb, stats.counter());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return sb.toString();
  }

  /**
   * Normalizes {@code text} and records where each part of the output came from ({@link OffsetMap}): for
   * highlighting or for pointing at the source of a match. Slower than {@link #normalize(CharSequence)}
   * (the text goes through the engine's chain of stages, one code point at a time), which pays nothing
   * for offsets. Text that needs no change is checked at the normal speed and gets an empty map.
   *
   * @param text the text to normalize
   * @return the normalized text, equal to {@link #normalize(CharSequence)}, and its offsets
   */
  public NormalizedText normalizeWithOffsets(CharSequence text) {
    String plain = normalize(text);
    if (plain == text || plain.contentEquals(text)) {
      return new NormalizedText(plain, OffsetMap.identity(text.length()));
    }
    OffsetTracker t = tracker();
    t.feed(text, 0, text.length());
    t.end();
    return new NormalizedText(t.text(), new OffsetMap(t.changes().copy(), text.length(),
        t.finalOutput()));
  }

  /**
   * A reader of the normalized text of {@code in}, which maps the offsets of what it has read back to the
   * source ({@link NormalizingReader}). It reads {@code in} in blocks and closes it when closed.
   *
   * @param in the text to normalize
   * @return a reader of the normalized text
   */
  public NormalizingReader reader(Reader in) {
    return new NormalizingReader(Objects.requireNonNull(in, "in"), tracker());
  }

  private OffsetTracker tracker() {
    return luceneAlone ? new OffsetTracker(null, CodeUnitMap.LUCENE) : new OffsetTracker(engine(), null);
  }

  /**
   * The length of a prefix of {@code text} that needs no change by itself, found with one table lookup per
   * character and no allocation (as ICU4J's {@code Normalizer2.spanQuickCheckYes}). When it is {@code
   * text.length()}, normalizing leaves the text as it is. Otherwise the text may change at that index (a
   * mark there may compose with the letter before it), or may not: {@link #isNormalized} decides. A quick
   * first test before normalizing many short strings, such as a token filter's terms.
   *
   * @param text the text to check
   * @return the length of the prefix that needs no change
   */
  public int spanQuickCheckYes(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return luceneAlone ? CodeUnitMap.LUCENE.scan(text) : engine().scanClean(text);
  }

  /**
   * True when {@link #normalize(CharSequence)} would return {@code text} unchanged.
   *
   * @param text the text to check
   * @return whether normalizing would leave {@code text} as it is
   */
  public boolean isNormalized(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (spanQuickCheckYes(text) == text.length()) {
      return true;
    }
    return !luceneAlone && engine().normalize(text).contentEquals(text);
  }

  /**
   * The spec: the step ids, comma-separated, e.g. {@code "tatweel,alef"}. A lexicon added with
   * {@link Builder#lexicon} is not part of the spec.
   */
  @Override
  public String toString() {
    return steps.stream().map(Step::id).collect(Collectors.joining(","));
  }

  /** Two normalizers are equal when they apply the same steps in the same order, with the same lexicon. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ArabicNormalizer && ((ArabicNormalizer) o).steps.equals(steps)
        && java.util.Objects.equals(((ArabicNormalizer) o).lexicon, lexicon);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  /** The steps as the engine names them. */
  private static List<StepId> kinds(List<Step> steps) {
    List<StepId> out = new ArrayList<>(steps.size());
    for (Step s : steps) {
      out.add(s.kind);
    }
    return out;
  }

  /** Collects steps in order; {@link #build()} takes a snapshot. Not thread-safe. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();
    private Lexicon lexicon;

    private Builder() {}

    /**
     * Appends steps, in order.
     *
     * @param more the steps to append
     * @return this builder
     */
    public Builder add(Step... more) {
      Objects.requireNonNull(more, "steps");
      for (Step s : more) {
        steps.add(Objects.requireNonNull(s, "step"));
      }
      return this;
    }

    /**
     * Appends the steps of a preset, in order.
     *
     * @param preset the preset whose steps to append
     * @return this builder
     */
    public Builder add(Preset preset) {
      steps.addAll(Objects.requireNonNull(preset, "preset").steps());
      return this;
    }

    /**
     * Adds a user lexicon to the built-in one for the {@code spelling} step: its entries are added, and
     * replace built-in entries with the same wrong form. Load one with {@link Lexicon#load}.
     *
     * @param userLexicon the entries to add
     * @return this builder
     */
    public Builder lexicon(Lexicon userLexicon) {
      this.lexicon = Objects.requireNonNull(userLexicon, "userLexicon");
      return this;
    }

    /**
     * The normalizer. Returns the preset's shared instance when the steps are exactly a preset's.
     *
     * @return the normalizer
     * @throws IllegalArgumentException if no step was added
     */
    public ArabicNormalizer build() {
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a normalizer needs at least one step; valid steps: "
            + Step.validIds());
      }
      if (lexicon != null) {
        if (!steps.contains(Step.SPELLING)) {
          throw new IllegalArgumentException("a lexicon needs the spelling step; steps: " + steps);
        }
        return new ArabicNormalizer(steps, Lexicon.builtIn().plus(lexicon));
      }
      for (Preset p : Preset.values()) {
        if (p.steps().equals(steps)) {
          return p.normalizer();
        }
      }
      if (steps.size() == 1) {
        return SingleSteps.BY_STEP.get(steps.get(0));
      }
      return new ArabicNormalizer(steps);
    }
  }
}
