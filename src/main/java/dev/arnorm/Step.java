package dev.arnorm;

import dev.arnorm.rules.StepId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The vocabulary of arnorm: each constant is one documented normalization rule with a stable id. Steps are
 * combined into an {@link ArabicNormalizer}; {@link #normalizer()} gives a normalizer for one step alone.
 *
 * <p>Every step works on canonical equivalence classes, not code point sequences: {@code أ} (U+0623) and
 * {@code ا} + U+0654 are the same input to every step, and every result is in NFC. No step splits a
 * surrogate pair; astral characters pass through unless a step names them (Arabic Extended-C marks).
 */
public enum Step {
  /**
   * Decodes HTML character references and cleans the residue of stripped ones. Decodes every HTML5 named
   * reference ({@code &quot;}, {@code &hellip;}; the legacy ones such as {@code &nbsp} also without the
   * semicolon), decimal {@code &#1605;} and hex {@code &#x645;}, and nested escaping ({@code &amp;quot;} to
   * {@code "}). A bare {@code &} left where a reference was stripped is removed or, between two Arabic words,
   * becomes a space ({@code العمل&معا} to {@code العمل معا}); legitimate ampersands ({@code AT&T},
   * {@code سي & تي}, {@code إيه تي&تي}, {@code ?a=1&b=2}) and unknown or invalid references stay. Does not
   * strip tags: {@code &lt;b&gt;} gives {@code <b>}.
   */
  HTML_ENTITIES("html-entities", Safety.LOSSLESS),
  /**
   * Arabic presentation forms and ligatures (U+FB50..U+FDFF, U+FE70..U+FEFF) to the letters they show, by
   * their Unicode compatibility decomposition: {@code ﻷ} (U+FEF7) to {@code لأ}, keeping the hamza;
   * {@code ﷲ} (U+FDF2) to {@code الله}; {@code ﷺ} (U+FDFA) to {@code صلى الله عليه وسلم}; {@code ﻣﺮﺣﺒﺎ} to
   * {@code مرحبا}. The rial sign ﷼ (a currency symbol) and characters with no decomposition (﴾ ﴿ ﷽) are
   * kept, and nothing outside the two blocks is touched (ﬁ, ², full-width Latin stay).
   */
  PRESENTATION_FORMS("presentation-forms", Safety.LOSSLESS),
  /**
   * Removes invisible format controls: ZWSP U+200B, LRM U+200E, RLM U+200F, ALM U+061C, the embeddings and
   * overrides U+202A..U+202E, word joiner and invisible operators U+2060..U+2064, the isolates
   * U+2066..U+2069, the deprecated format controls U+206A..U+206F, BOM/ZWNBSP U+FEFF, soft hyphen U+00AD and
   * U+180E. ZWNJ U+200C and ZWJ U+200D are kept: ZWNJ is part of Persian and Urdu spelling and ZWJ joins
   * emoji sequences. Example: {@code "\u200Fمرحبا\u200E"} to {@code مرحبا}.
   */
  INVISIBLE("invisible", Safety.LOSSLESS),
  /**
   * Unicode space separators (NBSP U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000) to U+0020; a run
   * of two or more spaces and tabs to one space; a single tab stays. Line breaks are kept exactly.
   * Example: {@code "مرحبا\u00A0  بكم"} to {@code "مرحبا بكم"}.
   */
  WHITESPACE("whitespace", Safety.LOSSLESS),
  /**
   * Removes tatweel (kashida, U+0640): {@code مـــرحبا} to {@code مرحبا}. A tatweel that carries a hamza or
   * madda (U+0653..U+0655), as in Quranic {@code ـٔ}, is its seat, not elongation, and is kept.
   */
  TATWEEL("tatweel", Safety.LOSSLESS),
  /**
   * Removes every Arabic combining mark: harakat and tanween U+064B..U+0652, U+0656..U+065F, dagger alef
   * U+0670, Quranic marks U+0610..U+061A, U+06D6..U+06DC, U+06DF..U+06E4, U+06E7..U+06E8, U+06EA..U+06ED,
   * Extended-A/B/C marks (U+0898..U+089F, U+08CA..U+08E1, U+08E3..U+08FF, U+10EFC..U+10EFF), including a mark
   * dangling after a space. A hamza or madda mark (U+0653..U+0655) that composes with its letter is part of
   * that letter and is kept: {@code ا} + U+0654 + {@code حمد} gives {@code أحمد}. Latin accents are not
   * Arabic marks: {@code résumé} stays. Example: {@code مُحَمَّدٌ} to {@code محمد}.
   */
  DIACRITICS("diacritics", Safety.FOLDING),
  /**
   * Alef variants to bare alef U+0627: {@code أ} U+0623, {@code إ} U+0625, {@code آ} U+0622, {@code ٱ}
   * U+0671, {@code ٲ} U+0672, {@code ٳ} U+0673, {@code ٵ} U+0675, and their decomposed forms ({@code ا}
   * followed by U+0653, U+0654 or U+0655). Example: {@code أحمد إلى آخر} to {@code احمد الى اخر}.
   */
  ALEF("alef", Safety.FOLDING),
  /**
   * Ya variants to Arabic yeh U+064A: alef maksura {@code ى} U+0649, Farsi yeh {@code ی} U+06CC, yeh barree
   * {@code ے} U+06D2. Example: {@code على} to {@code علي}.
   */
  YA("ya", Safety.FOLDING),
  /**
   * Teh marbuta {@code ة} U+0629 and teh marbuta goal {@code ۃ} U+06C3 to heh {@code ه} U+0647. Example:
   * {@code مدرسة} to {@code مدرسه}.
   */
  TEH_MARBUTA("teh-marbuta", Safety.FOLDING),
  /**
   * Hamza on a seat to the seat: {@code ؤ} U+0624 to {@code و}, {@code ئ} U+0626 to {@code ي} (and their
   * decomposed forms). A lone hamza {@code ء} U+0621 and hamza on alef (see {@link #ALEF}) are kept.
   * Example: {@code مسؤول} to {@code مسوول}.
   */
  HAMZA("hamza", Safety.FOLDING),
  /**
   * Persian and Urdu letter shapes of Arabic letters, as other keyboards type them, to the Arabic letter:
   * keheh {@code ک} U+06A9 and swash kaf {@code ڪ} U+06AA to kaf {@code ك} U+0643; heh doachashmee {@code ھ}
   * U+06BE, {@code ۀ} U+06C0, heh goal {@code ہ} U+06C1, ae {@code ە} U+06D5 to heh {@code ه} U+0647, dropping
   * the hamza of {@code ۀ}, {@code ۂ} and {@code هٔ}. Letters of their own (گ چ پ ژ ڤ) stay. Example:
   * {@code کتاب} to {@code كتاب}, {@code ھذه} to {@code هذه}.
   */
  PERSIAN_LETTERS("persian-letters", Safety.FOLDING),
  /**
   * Arabic-Indic digits U+0660..U+0669 and Extended Arabic-Indic (Persian) digits U+06F0..U+06F9 to ASCII
   * 0..9. Example: {@code ٢٠١٤} to {@code 2014}.
   */
  DIGITS("digits", Safety.FOLDING),
  /**
   * Arabic punctuation with one ASCII counterpart: comma {@code ،} U+060C to {@code ,}, semicolon {@code ؛}
   * U+061B to {@code ;}, question mark {@code ؟} U+061F to {@code ?}, percent {@code ٪} U+066A to {@code %},
   * decimal separator {@code ٫} U+066B to {@code .}, thousands separator {@code ٬} U+066C to {@code ,}.
   * Example: {@code كيف حالك؟} to {@code كيف حالك?}.
   */
  PUNCTUATION("punctuation", Safety.FOLDING),
  /**
   * Reduces a letter repeated three or more times for emphasis to the form that is a real word: one letter,
   * or two when only two make a word in the dictionary ({@code جمييييل} to {@code جميل}, {@code مممتاز} to
   * {@code ممتاز}, {@code اللللله} to {@code الله}). A word made only of heh, the written laugh
   * ({@code ههههههه}), becomes {@code ههه}. Digits, Latin and letters written twice are never touched.
   */
  ELONGATION("elongation", Safety.CORRECTION),
  /**
   * Fixes colloquial and common misspellings from a curated, versioned {@link Lexicon}, on whole words and
   * phrases, with the proclitics each entry allows and conditions on the neighbouring words: {@code انشاء الله}
   * to {@code إن شاء الله}, {@code لاكن} to {@code لكن}, {@code هاذا} to {@code هذا}, {@code بشيئ} to
   * {@code بشيء}, {@code الى} to {@code إلى}. Precision over recall: ambiguous words ({@code ان}, {@code اللذين})
   * are never guessed, and words with harakat are left alone.
   */
  SPELLING("spelling", Safety.CORRECTION),
  /**
   * Restores the standard spelling of words that comments write without a hamza on an alef, with a final
   * {@code ى} for {@code ي}, a final {@code ه} for {@code ة}, or a bare hamza seat: {@code اكثر} to
   * {@code أكثر}, {@code الاسلام} to {@code الإسلام}, {@code التى} to {@code التي}, {@code الحكومه} to
   * {@code الحكومة}. One lookup per word in a table of about 9,000 word forms derived from word frequencies
   * (wordfreq, CC BY-SA 4.0), where one spelling clearly wins and no guard sees a second word: words that are
   * right as written ({@code اعتقد} "he believed", {@code مجموعه} "its total", {@code الموسيقي} "the
   * musician") and words the context must decide ({@code ان}, {@code امام}) are not in it. Words with harakat
   * are left alone.
   */
  ORTHOGRAPHY("orthography", Safety.CORRECTION),
  /**
   * Exactly the rules of Lucene's {@code ArabicNormalizer}, for indexes built with it: {@code آ أ إ} to
   * {@code ا}, {@code ى} to {@code ي}, {@code ة} to {@code ه}, and removes tatweel U+0640 and the eight
   * harakat U+064B..U+0652. The one exception to canonical equivalence and NFC output: alone (the
   * {@code lucene} preset), it maps the UTF-16 code units as written, as Lucene does, so that it gives the
   * terms Lucene gave on any input, raw or NFC ({@code ا} + U+0654 keeps its U+0654, {@code أ} folds). In a
   * pipeline with other steps it sees their output, which is NFC, and gives what Lucene gives on that text.
   */
  LUCENE("lucene", Safety.FOLDING);

  private final String id;
  private final Safety safety;
  /** The same step as the layers below the API name it. */
  final StepId kind;

  Step(String id, Safety safety) {
    this.id = id;
    this.safety = safety;
    this.kind = StepId.valueOf(name());
  }

  /** The public step of an internal one. */
  static Step of(StepId kind) {
    return values()[kind.ordinal()];
  }

  /**
   * The stable id used in specs, presets, the CLI and the docs, e.g. {@code "teh-marbuta"}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * How much this step may change the meaning of the text.
   *
   * @return the safety class
   */
  public Safety safety() {
    return safety;
  }

  /**
   * A normalizer that applies this step alone.
   *
   * @return a normalizer of this step alone
   */
  public ArabicNormalizer normalizer() {
    return ArabicNormalizer.of(this);
  }

  /**
   * Builds this step's rule now, reading the data it is built from, rather than when the first normalizer
   * with this step is first used. In a fresh JVM the orthography table took 34 to 45 ms to build here and
   * the built-in spelling rule 29 to 42, which a server may rather pay at start, or on a thread of its
   * own beside other work (the CLI reads a pipeline's word tables this way while the rest of the pipeline
   * is built). The rule is built once per JVM and shared by every normalizer, so calling this again, or
   * from several threads, costs nothing more. Unlike {@code normalizer().isNormalized("")}, it builds no
   * normalizer's tables. The elongation step's dictionary is not read here: it is built when a word first
   * needs it.
   */
  public void preload() {
    kind.rule();
  }

  /**
   * The step with the given id.
   *
   * @param id a step id, case and surrounding whitespace ignored
   * @return the step
   * @throws IllegalArgumentException naming the id and listing the valid ones, if there is no such step
   * @throws NullPointerException if {@code id} is null
   */
  public static Step forId(String id) {
    Objects.requireNonNull(id, "id");
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (Step s : values()) {
      if (s.id.equals(wanted)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown step '" + id + "'; valid steps: " + validIds());
  }

  /** The valid ids, comma-separated, in declaration order. */
  static String validIds() {
    return Arrays.stream(values()).map(Step::id).collect(Collectors.joining(", "));
  }

  /** The id. */
  @Override
  public String toString() {
    return id;
  }
}
