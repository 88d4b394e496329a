package dev.arnorm.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arnorm.engine.DirectTable;
import dev.arnorm.engine.Engine;
import dev.arnorm.rules.StepId;
import dev.arnorm.unicode.UnicodeData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CleanRun#run}, which crosses most of a clean run a chunk at a time through
 * {@link DirectTable#utf8Pairs()}, ends where the plain loop, one decoded character at a time, ends: on
 * bytes that put every case of the pair table at every distance from a chunk's end (kept marks in and out
 * of order, blanks meeting, three- and four-byte characters, stray and overlong bytes), from any start and
 * any state the byte loop can pass, for the presets' tables, every step's and random pipelines'.
 */
class CleanRunProperties {

  /**
   * The clean run one character at a time, written from its definition rather than from the code: the run
   * the chunks must agree with.
   */
  static int oneByOne(byte[] b, int j, int to, byte[] kinds, boolean blank, int ccc) {
    while (j < to) {
      int lead = b[j] & 0xFF;
      int cp;
      int len;
      if (lead < 0x80) {
        cp = lead;
        len = 1;
      } else if (lead >= 0xC2 && lead <= 0xDF && j + 1 < to && (b[j + 1] & 0xC0) == 0x80) {
        cp = (lead & 0x1F) << 6 | (b[j + 1] & 0x3F);
        len = 2;
      } else {
        return j; // three or four bytes, an overlong lead, a stray second byte, a lead cut off
      }
      switch (kinds[cp]) {
        case DirectTable.COPY:
        case DirectTable.COPY_WORD:
          blank = false;
          ccc = 0;
          break;
        case DirectTable.COPY_BLANK:
          if (blank) {
            return j; // two blanks meet
          }
          blank = true;
          ccc = 0;
          break;
        case DirectTable.MARK_KEEP:
          if (UnicodeData.ccc(cp) < ccc) {
            return j; // out of canonical order, or no base before it
          }
          ccc = UnicodeData.ccc(cp);
          blank = false;
          break;
        default:
          return j;
      }
      j += len;
    }
    return j;
  }

  private static final List<Engine> ENGINES = engines();

  private static List<Engine> engines() {
    List<List<StepId>> lists = new ArrayList<>();
    lists.add(List.of(StepId.HTML_ENTITIES, StepId.PRESENTATION_FORMS, StepId.INVISIBLE, StepId.WHITESPACE,
        StepId.TATWEEL)); // light
    lists.add(List.of(StepId.WHITESPACE));
    lists.add(List.of(StepId.DIACRITICS));
    for (StepId s : StepId.values()) {
      if (s != StepId.SPELLING && s != StepId.ORTHOGRAPHY && s != StepId.ELONGATION) {
        lists.add(List.of(s));
      }
    }
    Random random = new Random(20261206);
    List<StepId> all = new ArrayList<>(Arrays.asList(StepId.values()));
    all.removeAll(List.of(StepId.SPELLING, StepId.ORTHOGRAPHY, StepId.ELONGATION));
    for (int i = 0; i < 8; i++) {
      List<StepId> l = new ArrayList<>();
      for (StepId s : all) {
        if (random.nextBoolean()) {
          l.add(s);
        }
      }
      lists.add(l);
    }
    List<Engine> out = new ArrayList<>();
    for (List<StepId> l : lists) {
      out.add(new Engine(l, null));
    }
    return out;
  }

  /**
   * Pieces of UTF-8: words, single spaces and marks after a base, which the pairs vouch for, so that runs
   * cross chunks; and, rarer, every kind of stop and of bytes the pairs must not vouch for.
   */
  private static final List<byte[]> CLEAN = pieces("كلمة", "الكتاب", "في", "من", "مستشفى", "abc", "123", "،",
      "٣", "é", " ", " ", " ", "ب\u064B", "ب\u064E\u0651", "\u064B");
  private static final List<byte[]> STOPS = pieces("\t", "  ", " \t", "\u00A0", " \u00A0", "\u00A0 ", "\n",
      "&", "ـ", "\u0651\u064E", "ب\u0651\u064E", "\u0301", "e\u0301", "\u0654", "ا\u0654", " \u064E",
      "\u200F", "\u200C", "\uFEFB", "\u0610", "\uD83D\uDE00");
  private static final List<byte[]> BAD = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF},
      new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xC1, (byte) 0xBF}, new byte[] {(byte) 0xD8},
      new byte[] {(byte) 0xD8, (byte) 0xA7, (byte) 0x80}, new byte[] {(byte) 0xE0, (byte) 0xA0},
      new byte[] {(byte) 0xFF});

  private static List<byte[]> pieces(String... s) {
    List<byte[]> out = new ArrayList<>();
    for (String p : s) {
      out.add(p.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Provide
  Arbitrary<Engine> engine() {
    return Arbitraries.of(ENGINES);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> clean = Arbitraries.of(CLEAN);
    Arbitrary<byte[]> any = Arbitraries.oneOf(Arbitraries.of(STOPS), Arbitraries.of(BAD));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, clean), net.jqwik.api.Tuple.of(1, any))
        .list().ofMaxSize(160).map(l -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          l.forEach(out::writeBytes);
          return out.toByteArray();
        });
  }

  @Provide
  Arbitrary<Integer> ccc() {
    // After a base, after marks of a low and a high class, and where no base stands (a line's start).
    return Arbitraries.of(0, 0, 27, 33, 230, Engine.NO_MARKS);
  }

  @Property(tries = 6000)
  void chunksEndWhereTheCharacterLoopEnds(@ForAll("engine") Engine engine, @ForAll("bytes") byte[] b,
      @ForAll int start, @ForAll int cut, @ForAll boolean blank, @ForAll("ccc") int ccc,
      @ForAll boolean chunkFirst) {
    int to = b.length == 0 ? 0 : b.length - Math.floorMod(cut, Math.min(b.length, 4));
    int j = to == 0 ? 0 : Math.floorMod(start, to + 1);
    byte[] kinds = engine.table.cls;
    assertEquals(oneByOne(b, j, to, kinds, blank, ccc),
        CleanRun.run(b, j, to, kinds, engine.table.utf8Pairs(), blank, ccc, chunkFirst),
        () -> HexFormat.of().formatHex(b) + " from " + j + " to " + to + ", blank " + blank + ", ccc " + ccc);
  }
}
