package dev.arnorm;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of Arabic-heavy text for the property tests: the characters real scraped text mixes. */
final class ArabicText {
  private ArabicText() {}

  private static final List<String> PIECES = new ArrayList<>();

  static {
    add(0x0621, 0x063A); // hamza, alef forms, letters
    add(0x0641, 0x064A); // feh .. yeh, alef maksura
    add(0x064B, 0x065F); // harakat, tanween, shadda, sukun, hamza/madda marks, extended marks
    add(0x0670, 0x0675); // dagger alef, wasla, wavy hamza alefs, high hamza
    add(0x06D6, 0x06ED); // Quranic marks and small letters
    add(0x0610, 0x061A);
    add(0x0660, 0x066C); // digits, percent, separators
    add(0x06F0, 0x06F3);
    for (int cp : new int[] {0x0640, 0x0640, 0x060C, 0x061B, 0x061F, 0x06A9, 0x06AA, 0x06BE, 0x06CC, 0x06C0, 0x06C1,
        0x06C2, 0x06C3, 0x06D2, 0x06D3, 0x06D5, 0x08F0, 0x08CA, 0xFE70, 0xFE71, 0xFE7C, 0xFEF5, 0xFEF7,
        0xFEFB, 0xFE8D, 0xFE8E, 0xFE91, 0xFB56, 0xFC5E, 0xFDF2, 0xFDFA, 0xFDFC, 0xFD3E, 0x200B, 0x200C,
        0x200D, 0x200E, 0x200F, 0x061C, 0x202B, 0x2067, 0xFEFF, 0x00AD, 0x00A0, 0x2003, 0x3000, 0x0301,
        0x0323, 0x00E9, 0x0065, 0x0041, 0xAC00, 0x1100, 0x1161, 0x2126, 0x0958}) {
      PIECES.add(new String(Character.toChars(cp)));
    }
    for (String s : new String[] {" ", " ", " ", " ", "\t", "\n", "\r\n", "\r", "a", "b", "AT&T",
        "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69", "\uD803\uDEFD", "\u0627\u0654",
        "\u0648\u0654", "\u064A\u0654", "\u0627\u0653", "\u0627\u0655", "\u0647\u0654", "\u0649\u0654",
        "\u0640\u0654", "\u0627\u064E\u0654", "\u0651\u064E", "\u064E\u0651", "\u0627\u200D\u0654",
        "&", "&", "&", "&amp;", "&amp", "&nbsp", "&nbsp;", "&#1605;", "&#x645", "&#X64E;", "&quot;", "&lt;",
        "&#0;", "&#150;", "&#10;", "&#xD800;", "&amp;quot;", "&foo;", "&eacute;", "&NotEqualTilde;", "#", ";",
        "=", "?", "-", "\u060C", "تي", "R", "x", "1", "انشاء", "الله", "ان", "شاء", "ان شاء الله", "لاكن",
        "ولاكن", "شيئ", "بشيئ", "هههههه", "جمييييل", "مممتاز", "ياااا", "الى", "فى", "وفى", "تتتابع", "اللذي",
        "ماشاء", "بسم", "الرحمان", "الرحيم", "ووو", "ييي", " ", " ", "اكثر", "الاسلام", "التى", "الحكومه",
        "ايضا", "\u064B", "رييس", "اعتقد", "مجموعه", "أجنبى"}) {
      PIECES.add(s);
    }
  }

  private static void add(int from, int to) {
    for (int cp = from; cp <= to; cp++) {
      PIECES.add(new String(Character.toChars(cp)));
    }
  }

  /**
   * The atoms of hostile entity debris (issue 13): references and their fragments, invisible controls,
   * tatweel, Arabic-Indic digits and punctuation, marks in any order (astral ones too), letters, blanks.
   */
  private static final List<String> DEBRIS = List.of(
      "&", "&", "&", "&amp;", "&amp", "amp;", "&#", "&#x", "#", "x", ";", ";", "1", "3", "6", "9", "0", "a", "m",
      "p", "l", "t", "q", "u", "o", "&lt", "&lt;", "&quot;", "&nbsp;", "&nbsp", "&#1633;", "&#1548;", "&#x661;",
      "&#8207;", "&#1600;", "&#1614;", "&#35;", "&#59;", "&semi;", "&#38;", "\u200B", "\u200F", "\u00AD",
      "\u061C", "\uFEFF", "\u2066", "\u202B", "\u0640", "\u0640", "\u0661", "\u0663", "\u06F5", "\u060C",
      "\u061B", "\u064B", "\u064E", "\u0651", "\u0652", "\u0654", "\u0670", "\u06E5", "\uD834\uDD65",
      "\uD803\uDEFD", "\uD83D\uDE00", "ب", "ئ", "ي", "ى", "ة", "العمل", "معا", " ", " ", "\u00A0", "\t",
      "\n", "\r\n");

  /** Up to 30 atoms of {@link #DEBRIS}. */
  static Arbitrary<String> entityDebris() {
    return Arbitraries.of(DEBRIS).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  /** Up to 40 pieces: letters, marks, tatweel, presentation forms, invisibles, spaces, CRLF, astral. */
  static Arbitrary<String> strings() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  /** Like {@link #strings()}, sometimes with a lone surrogate. */
  static Arbitrary<String> withLoneSurrogates() {
    return Arbitraries.oneOf(strings(),
        strings().map(s -> s + "\uD800"),
        strings().map(s -> "\uDC00" + s));
  }

  static Arbitrary<List<Step>> stepLists() {
    return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(6);
  }

  /** A preset's steps two times in three, else a random list of steps. */
  static Arbitrary<List<Step>> pipelines() {
    Arbitrary<List<Step>> presets = Arbitraries.of(Preset.class).map(Preset::steps);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, presets),
        net.jqwik.api.Tuple.of(1, stepLists()));
  }

  static Arbitrary<ArabicNormalizer> normalizers() {
    List<ArabicNormalizer> all = new ArrayList<>();
    for (Preset p : Preset.values()) {
      all.add(p.normalizer());
    }
    for (Step s : Step.values()) {
      all.add(s.normalizer());
    }
    return Arbitraries.of(all);
  }

  /**
   * Every preset and single step but {@code lucene} alone, which maps code units as written, as Lucene does:
   * the one normalizer exempt from canonical equivalence and NFC output (see Step.LUCENE).
   */
  static Arbitrary<ArabicNormalizer> canonicalNormalizers() {
    return normalizers().filter(n -> !n.steps().stream().allMatch(s -> s == Step.LUCENE));
  }
}
