package dev.arnorm.unicode;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.util.VersionInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unicode facts the engine looks up per character, precomputed from ICU4J for the BMP so that the hot loops do
 * array reads instead of ICU calls. The tables are made ahead of time and read from {@link Definitions#RESOURCE};
 * astral
 * code points fall back to ICU at run time.
 */
public final class UnicodeData {
  public static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  public static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  /**
   * What the stored tables are made of. A class of its own so that the code writing {@link #RESOURCE} can
   * read it without loading {@link UnicodeData}, which reads that file.
   */
  public static final class Definitions {
    private Definitions() {}

    /**
     * Every Arabic combining mark: general category Mn in the Arabic blocks (Arabic, Supplement, Extended-A/B/C,
     * Presentation Forms-A/B), as ICU reports them. U+08E2 (disputed end of ayah) is a format character, not a
     * mark, and is not included.
     */
    public static final String ARABIC_MARKS_PATTERN =
        "[[:Mn:]&[[:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]"
            + "[:Block=Arabic_Extended_B:][:Block=Arabic_Extended_C:]"
            + "[:Block=Arabic_Presentation_Forms_A:][:Block=Arabic_Presentation_Forms_B:]]]";
    /**
     * Arabic letters: general category L in the Arabic blocks, without tatweel. Closed under canonical
     * decomposition (ۀ is ە + U+0654, both here or marks).
     */
    public static final String ARABIC_LETTERS_PATTERN =
        "[[:L:]&[[:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]"
            + "[:Block=Arabic_Extended_B:]]-[\\u0640]]";
    public static final String SPACE_SEPARATORS_PATTERN = "[:Zs:]";
    /** Arabic letters and marks, including presentation forms: what the html residue rules call Arabic. */
    public static final String ARABIC_SCRIPT_PATTERN =
        "[[[:sc=Arabic:][:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]]"
            + "&[[:L:][:M:]]]";
    public static final String LETTERS_PATTERN = "[:L:]";
    /**
     * The two Arabic presentation-form blocks, whose compatibility decompositions (NFKD) are stored for the
     * presentation-forms step; currency symbols (the rial sign) are left out, as that step keeps them.
     */
    public static final String PRESENTATION_FORMS = "[[\\uFB50-\\uFDFF][\\uFE70-\\uFEFF]-[:Sc:]]";
    /** The precomposed Hangul syllables, whose decompositions are computed, not stored. */
    public static final int HANGUL_FIRST = 0xAC00;
    public static final int HANGUL_LAST = 0xD7A3;
    /** The sets stored in {@link #RESOURCE}, in the order stored. */
    public static final List<String> SET_PATTERNS = List.of(ARABIC_MARKS_PATTERN, ARABIC_LETTERS_PATTERN,
        SPACE_SEPARATORS_PATTERN, ARABIC_SCRIPT_PATTERN, LETTERS_PATTERN);
    /**
     * {@link UnicodeData}'s sets and BMP tables, made from ICU4J ahead of time by {@link #fromIcu}: computing
     * them from ICU's property data each time the class loaded took about 100 ms, most of the CLI's start-up.
     * {@code UnicodeDataResourceTest} checks the file against the ICU4J on the classpath and rewrites it when
     * asked. A file made with another ICU4J version than the one running is not used: the tables are then
     * computed as the file would be, so that they always agree with the ICU4J that normalizes.
     *
     * <p>The layout, as {@link DataInputStream} reads it: {@link #FORMAT}, the ICU4J version and the Unicode
     * version (UTF); for each of {@link #SET_PATTERNS}, a range count and the ranges (int first, int last);
     * for the combining class, boundary-before and NFC_Quick_Check=Yes tables, the default value (byte), a
     * run count and the runs of other values (char first, char last, byte value); a count of decompositions
     * and each one (char, byte length, chars); the same for the compatibility decompositions of
     * {@link #PRESENTATION_FORMS}.
     */
    public static final String RESOURCE = "unicode-data.bin";
    /** The first entry of {@link #RESOURCE}: the format, bumped when the layout changes. */
    public static final String FORMAT = "arnorm unicode data 2";

    /** The bytes of {@link #RESOURCE}, computed from the ICU4J that is running. */
    public static byte[] fromIcu() {
      Normalizer2 nfc = Normalizer2.getNFCInstance();
      Normalizer2 nfd = Normalizer2.getNFDInstance();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(FORMAT);
        out.writeUTF(VersionInfo.ICU_VERSION.toString());
        out.writeUTF(UCharacter.getUnicodeVersion().toString());
        for (String pattern : SET_PATTERNS) {
          UnicodeSet set = new UnicodeSet(pattern);
          out.writeInt(set.getRangeCount());
          for (UnicodeSet.EntryRange r : set.ranges()) {
            out.writeInt(r.codepoint);
            out.writeInt(r.codepointEnd);
          }
        }
        byte[] ccc = new byte[0x10000];
        byte[] boundary = new byte[0x10000];
        byte[] nfcYes = new byte[0x10000];
        for (int c = 0; c < 0x10000; c++) {
          ccc[c] = (byte) nfc.getCombiningClass(c);
          boundary[c] = (byte) (nfc.hasBoundaryBefore(c) ? 1 : 0);
          nfcYes[c] = (byte) (UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) == 1 ? 1 : 0);
        }
        writeRuns(out, ccc, (byte) 0);
        writeRuns(out, boundary, (byte) 1);
        writeRuns(out, nfcYes, (byte) 1);
        Map<Integer, String> decompositions = new TreeMap<>();
        for (int c = 0; c < 0x10000; c++) {
          boolean hangul = c >= HANGUL_FIRST && c <= HANGUL_LAST;
          String d = Character.isSurrogate((char) c) || hangul ? null : nfd.getDecomposition(c);
          if (d != null) {
            decompositions.put(c, d);
          }
        }
        writeStrings(out, decompositions);
        Normalizer2 nfkd = Normalizer2.getNFKDInstance();
        Map<Integer, String> forms = new TreeMap<>();
        for (UnicodeSet.EntryRange r : new UnicodeSet(PRESENTATION_FORMS).ranges()) {
          for (int c = r.codepoint; c <= r.codepointEnd; c++) {
            String d = nfkd.getDecomposition(c);
            if (d != null) {
              forms.put(c, d);
            }
          }
        }
        writeStrings(out, forms);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
      }
      return bytes.toByteArray();
    }

    /** {@code table}'s runs of values other than {@code usual}. */
    private static void writeRuns(DataOutputStream out, byte[] table, byte usual) throws IOException {
      List<int[]> runs = new ArrayList<>();
      for (int c = 0; c < table.length; ) {
        int end = c;
        while (end + 1 < table.length && table[end + 1] == table[c]) {
          end++;
        }
        if (table[c] != usual) {
          runs.add(new int[] {c, end, table[c]});
        }
        c = end + 1;
      }
      out.writeByte(usual);
      out.writeInt(runs.size());
      for (int[] r : runs) {
        out.writeChar(r[0]);
        out.writeChar(r[1]);
        out.writeByte(r[2]);
      }
    }

    private static void writeStrings(DataOutputStream out, Map<Integer, String> strings) throws IOException {
      out.writeInt(strings.size());
      for (Map.Entry<Integer, String> e : strings.entrySet()) {
        out.writeChar(e.getKey());
        out.writeByte(e.getValue().length());
        out.writeChars(e.getValue());
      }
    }
  }

  /** {@link Definitions#ARABIC_MARKS_PATTERN}. */
  public static final UnicodeSet ARABIC_MARKS;
  /** {@link Definitions#ARABIC_LETTERS_PATTERN}. */
  public static final UnicodeSet ARABIC_LETTERS;
  public static final UnicodeSet SPACE_SEPARATORS;
  /** {@link Definitions#ARABIC_SCRIPT_PATTERN}. */
  public static final UnicodeSet ARABIC_SCRIPT;
  private static final UnicodeSet LETTERS;
  /** The Unicode version of the tables. */
  public static final String UNICODE_VERSION;
  /** Each character of {@link Definitions#PRESENTATION_FORMS} that has one, mapped to its NFKD form. */
  public static final Map<Integer, String> PRESENTATION_FORM_DECOMPOSITIONS;

  /** The format controls the invisible step removes (ZWNJ and ZWJ are not among them). */
  public static final UnicodeSet INVISIBLE = new UnicodeSet(
      // As ranges, not a pattern: parsing one loads ICU's pattern parser, about 4 ms at start-up.
      0x00AD, 0x00AD, 0x061C, 0x061C, 0x180E, 0x180E, 0x200B, 0x200B, 0x200E, 0x200F, 0x202A, 0x202E,
      0x2060, 0x2064, 0x2066, 0x206F, 0xFEFF, 0xFEFF).freeze();

  private static final int F_ARABIC_MARK = 1;
  private static final int F_ARABIC_LETTER = 2;
  private static final int F_SPACE_SEPARATOR = 4;
  private static final int F_INVISIBLE = 8;
  private static final int F_ARABIC_SCRIPT = 16;
  private static final int F_LETTER = 32;
  /** Set membership for the BMP, one lookup instead of a binary search per character. */
  private static final byte[] FLAGS = new byte[0x10000];

  private static final byte[] CCC = new byte[0x10000];
  private static final byte[] BOUNDARY_BEFORE = new byte[0x10000];
  private static final byte[] NFC_YES = new byte[0x10000];
  /** Canonical decompositions of the BMP, Hangul syllables left out: {@link #decomposition} computes those. */
  private static final String[] DECOMPOSITION = new String[0x10000];
  /** {@link #isMark} for the BMP: a nonzero combining class or an Arabic mark. */
  private static final boolean[] MARK = new boolean[0x10000];
  /** {@link #plainBmp}. */
  private static final boolean[] PLAIN = new boolean[0x10000];

  static {
    UnicodeSet[] sets = new UnicodeSet[Definitions.SET_PATTERNS.size()];
    Map<Integer, String> forms = new HashMap<>();
    String version;
    byte[] data = stored(UnicodeData.class.getResourceAsStream("/dev/arnorm/" + Definitions.RESOURCE),
        VersionInfo.ICU_VERSION.toString());
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data != null ? data : Definitions.fromIcu()));
      in.readUTF(); // the format and the ICU4J version, checked by stored()
      in.readUTF();
      version = in.readUTF();
      Arrays.fill(PLAIN, true);
      for (int i = 0; i < sets.length; i++) {
        UnicodeSet set = new UnicodeSet();
        for (int n = in.readInt(); n > 0; n--) {
          set.add(in.readInt(), in.readInt());
        }
        sets[i] = set.freeze();
      }
      for (byte[] table : new byte[][] {CCC, BOUNDARY_BEFORE, NFC_YES}) {
        Arrays.fill(table, in.readByte());
        for (int n = in.readInt(); n > 0; n--) {
          int from = in.readChar();
          int to = in.readChar();
          byte value = in.readByte();
          Arrays.fill(table, from, to + 1, value);
          Arrays.fill(PLAIN, from, to + 1, false); // a run holds other values than the plain default
          if (table == CCC && value != 0) {
            Arrays.fill(MARK, from, to + 1, true);
          }
        }
      }
      for (int n = in.readInt(); n > 0; n--) {
        char c = in.readChar();
        DECOMPOSITION[c] = readChars(in);
        PLAIN[c] = false;
      }
      for (int n = in.readInt(); n > 0; n--) {
        char c = in.readChar();
        forms.put((int) c, readChars(in));
      }
      if (in.read() != -1) {
        throw new IllegalStateException("dev/arnorm/" + Definitions.RESOURCE + ": data after the last table");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/arnorm/" + Definitions.RESOURCE, e);
    }
    ARABIC_MARKS = sets[0];
    ARABIC_LETTERS = sets[1];
    SPACE_SEPARATORS = sets[2];
    ARABIC_SCRIPT = sets[3];
    LETTERS = sets[4];
    UNICODE_VERSION = version;
    PRESENTATION_FORM_DECOMPOSITIONS = Collections.unmodifiableMap(forms);
    // Range by range, with Arrays.fill where it can: this runs at start-up, in the interpreter, where a
    // plain loop over the 65,536 characters took about 20 ms.
    for (UnicodeSet.EntryRange r : LETTERS.ranges()) {
      if (r.codepoint < 0x10000) {
        Arrays.fill(FLAGS, r.codepoint, Math.min(r.codepointEnd, 0xFFFF) + 1, (byte) F_LETTER);
      }
    }
    setFlag(ARABIC_MARKS, F_ARABIC_MARK);
    setFlag(ARABIC_LETTERS, F_ARABIC_LETTER);
    setFlag(SPACE_SEPARATORS, F_SPACE_SEPARATOR);
    setFlag(INVISIBLE, F_INVISIBLE);
    setFlag(ARABIC_SCRIPT, F_ARABIC_SCRIPT);
    for (UnicodeSet.EntryRange r : ARABIC_MARKS.ranges()) {
      if (r.codepoint < 0x10000) {
        Arrays.fill(MARK, r.codepoint, Math.min(r.codepointEnd, 0xFFFF) + 1, true);
        Arrays.fill(PLAIN, r.codepoint, Math.min(r.codepointEnd, 0xFFFF) + 1, false);
      }
    }
    Arrays.fill(PLAIN, Definitions.HANGUL_FIRST, Definitions.HANGUL_LAST + 1, false);
    Arrays.fill(PLAIN, Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1, false);
  }

  /**
   * All of {@code resource}, or null when it is missing, of another format, or made with another ICU4J
   * version than {@code icuVersion}.
   */
  public static byte[] stored(InputStream resource, String icuVersion) {
    if (resource == null) {
      return null;
    }
    try (InputStream in = resource) {
      byte[] data = in.readAllBytes();
      DataInputStream header = new DataInputStream(new ByteArrayInputStream(data));
      return header.readUTF().equals(Definitions.FORMAT) && header.readUTF().equals(icuVersion) ? data : null;
    } catch (IOException e) {
      return null; // unreadable or cut short: computed instead
    }
  }

  private static String readChars(DataInputStream in) throws IOException {
    char[] d = new char[in.readUnsignedByte()];
    for (int i = 0; i < d.length; i++) {
      d[i] = in.readChar();
    }
    return new String(d);
  }

  /** Adds {@code flag} to the BMP characters of {@code set}: small sets, the large one is filled above. */
  private static void setFlag(UnicodeSet set, int flag) {
    for (UnicodeSet.EntryRange r : set.ranges()) {
      for (int c = r.codepoint; c <= r.codepointEnd && c < 0x10000; c++) {
        FLAGS[c] |= flag;
      }
    }
  }

  private UnicodeData() {}

  private static int flags(int c) {
    return (ARABIC_MARKS.contains(c) ? F_ARABIC_MARK : 0) | (ARABIC_LETTERS.contains(c) ? F_ARABIC_LETTER : 0)
        | (SPACE_SEPARATORS.contains(c) ? F_SPACE_SEPARATOR : 0) | (INVISIBLE.contains(c) ? F_INVISIBLE : 0)
        | (ARABIC_SCRIPT.contains(c) ? F_ARABIC_SCRIPT : 0) | (LETTERS.contains(c) ? F_LETTER : 0);
  }

  private static boolean has(int cp, int flag) {
    return cp >= 0 && (cp < 0x10000 ? (FLAGS[cp] & flag) != 0 : (flags(cp) & flag) != 0);
  }

  public static boolean isArabicLetter(int cp) {
    return has(cp, F_ARABIC_LETTER);
  }

  public static boolean isSpaceSeparator(int cp) {
    return has(cp, F_SPACE_SEPARATOR);
  }

  public static boolean isInvisible(int cp) {
    return has(cp, F_INVISIBLE);
  }

  /** Arabic-script letter or mark, presentation forms included. */
  public static boolean isArabicScript(int cp) {
    return has(cp, F_ARABIC_SCRIPT);
  }

  public static boolean isLetter(int cp) {
    return has(cp, F_LETTER);
  }

  /** Canonical combining class, 0..254. */
  public static int ccc(int cp) {
    return cp < 0x10000 ? CCC[cp] & 0xFF : NFC.getCombiningClass(cp);
  }

  /** True when an NFC segment starts at {@code cp}: nothing before it can compose or reorder with it. */
  public static boolean hasBoundaryBefore(int cp) {
    return cp < 0x10000 ? BOUNDARY_BEFORE[cp] != 0 : NFC.hasBoundaryBefore(cp);
  }

  /** True when {@code cp} has NFC_Quick_Check = Yes. */
  public static boolean nfcYes(int cp) {
    return cp < 0x10000
        ? NFC_YES[cp] != 0
        : UCharacter.getIntPropertyValue(cp, UProperty.NFC_QUICK_CHECK) == 1;
  }

  /** The full canonical decomposition of {@code cp}, or null when it has none. */
  public static String decomposition(int cp) {
    if (cp >= Definitions.HANGUL_FIRST && cp <= Definitions.HANGUL_LAST) {
      return hangulDecomposition(cp);
    }
    return cp < 0x10000 ? DECOMPOSITION[cp] : NFD.getDecomposition(cp);
  }

  /**
   * A precomposed Hangul syllable's canonical decomposition, by the arithmetic of The Unicode Standard,
   * section 3.12 (Conjoining Jamo Behavior): its leading consonant, vowel and, for an LVT syllable, trailing
   * consonant.
   */
  private static String hangulDecomposition(int s) {
    int index = s - Definitions.HANGUL_FIRST;
    char l = (char) (0x1100 + index / 588);
    char v = (char) (0x1161 + index % 588 / 28);
    int t = index % 28;
    return t == 0 ? new String(new char[] {l, v}) : new String(new char[] {l, v, (char) (0x11A7 + t)});
  }

  /**
   * True for a combining mark: a nonzero combining class, or an Arabic nonspacing mark (U+10EFC has class 0).
   * Marks attach to the last non-mark before them, their base.
   */
  public static boolean isMark(int cp) {
    return cp < 0x10000 ? MARK[cp] : NFC.getCombiningClass(cp) != 0 || ARABIC_MARKS.contains(cp);
  }

  /**
   * For each BMP character, true when it has every default normalization fact and is no mark: not a
   * surrogate, combining class 0, NFC_Quick_Check Yes, a boundary before, no canonical decomposition, not an
   * Arabic mark. One read for what would be six lookups, for the loop that classes every BMP character when
   * a normalizer is built. The table itself, not a copy: not to be written to.
   */
  public static boolean[] plainBmp() {
    return PLAIN;
  }

  /**
   * True when every char of {@code s} is {@linkplain #plainBmp plain}: such a text is its own NFD and its own
   * NFC (nothing in it decomposes, composes or reorders), which callers that build tables check before
   * asking ICU for a normal form.
   */
  public static boolean allPlain(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!PLAIN[s.charAt(i)]) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #allPlain(CharSequence)}, for the code points {@code cps[from, to)}. */
  public static boolean allPlain(int[] cps, int from, int to) {
    for (int i = from; i < to; i++) {
      int c = cps[i];
      if (c >= 0x10000 || !PLAIN[c]) {
        return false;
      }
    }
    return true;
  }

  public static boolean isArabicMark(int cp) {
    return has(cp, F_ARABIC_MARK);
  }
}
