package dev.arnorm.stream;

import dev.arnorm.engine.Chain;
import dev.arnorm.engine.DirectTable;
import dev.arnorm.engine.Engine;
import dev.arnorm.rules.CharRangeSet;
import dev.arnorm.rules.StepCounter;
import dev.arnorm.rules.WordStage;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 in, UTF-8 out, a block of whole lines at a time ({@code ArabicNormalizer.normalize(InputStream,
 * OutputStream)}). Most lines never become chars: the direct path's hot loop runs on the bytes themselves,
 * one table lookup per character, and writes the output's bytes. A line it cannot finish is decoded
 * (strictly), normalized as a String and encoded; so is every line of a pipeline the loop does not serve.
 *
 * <p>Why this is the same text: normalizing is line by line (a line break ends every context, which is
 * also what {@link Engine#normalize(java.io.Reader, Appendable, StepCounter)} relies on), and the byte loop
 * is {@code Chain.copyRunWriting} on code points read from the bytes: the same table, the same
 * state, the same checks, and it gives up on a line wherever that loop would hand over to the chain. Each
 * of its lines starts in the state of a direct phase starting there. {@code Utf8StreamProperties} compares
 * it with {@code ArabicNormalizer.normalize(CharSequence)}.
 *
 * <p>Memory is bounded by the longest line held whole ({@link #longestLine}: a 256th of the heap, from 8
 * blocks of 64 KiB to 16 MiB, its line break included): the output of a line is up to three times its
 * size on the hot loop (a character of one byte may become one of three), more only where a step expands a
 * character (ﷺ becomes 18) in a piece of a block or less that the String path takes, and the buffers grow
 * only as far as the input needs, and stay so for the rest of the stream. A line longer than the block
 * grows the block to hold it; a longer line than that bound is streamed through a
 * {@link StrictUtf8Reader}, and through the chain alone. A piece of a held line that the engine must
 * take and that is longer than the block is held once more as a String and its output written
 * as it goes, or, when it may grow by more than half, streamed through a reader ({@link #piece}).
 */
public final class Utf8Stream {
  public static final int BLOCK = 1 << 16;

  private final Engine engine;
  private final int[] classAndMap;
  private final byte[] cls;
  /** {@link DirectTable#utf8Pairs()}, for {@link CleanRun}; null when the byte loop does not serve the pipeline. */
  private final byte[] pairs;
  private final boolean elongate;
  /** The byte loop serves this pipeline; when false every line goes through the engine as a String. */
  private final boolean bytes;
  /**
   * With word-lookup steps (spelling, orthography): the words that may start a fix. The loop hashes each
   * word as it writes it and stops at one that may be a trigger ({@link #wordLoop}); null without them.
   */
  private final CharRangeSet triggers;
  /** {@link Engine#wordSpan}: the most words after a trigger that a decision may look at. */
  private final int wordSpan;
  /** The span of the trigger the word loop last stopped at; {@link #wordSpan} after any other stop. */
  private int stopSpan;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  private final int block;
  /** The longest line held whole ({@link #longestLine}); a longer one is streamed. */
  private final int maxLine;
  /** Lines of up to 8 blocks are held whole whatever the heap (with 16, a 16 MB heap ran out once in 3). */
  public static final int LONGEST_LINE_IN_BLOCKS = 8;
  /** The longest line held whole, with a heap of 4 GiB or more. */
  public static final int LONGEST_LINE = 1 << 24;
  private byte[] out;
  private char[] chars;
  /** Stream offset of the current block's first byte. */
  private long base;

  public Utf8Stream(Engine engine) {
    this(engine, BLOCK, true, longestLine(Runtime.getRuntime().maxMemory()));
    this.adaptive = true;
  }

  /**
   * With input blocks of {@code block} bytes, lines of up to 8 held whole (tests use small ones to reach
   * every boundary), and the loop that copies runs ({@code sparse}) or, to test the other, the writing one.
   */
  public Utf8Stream(Engine engine, int block, boolean sparse) {
    this(engine, block, sparse, LONGEST_LINE_IN_BLOCKS * block);
  }

  /**
   * The longest line held whole with a heap of at most {@code maxMemory} bytes: a 256th of it, between
   * {@link #LONGEST_LINE_IN_BLOCKS} blocks and {@link #LONGEST_LINE}. By its buffers, a held line takes up to
   * about six times its length at its peak (the line, its output at three bytes a byte at most, and a piece
   * of it as a String of up to two bytes a char): under 3% of the heap. A longer line streams through the
   * chain alone: a 2 MB line of clean text took 12 ns a byte so, against 1.4 held whole (JMH).
   */
  static int longestLine(long maxMemory) {
    return (int) Math.max(LONGEST_LINE_IN_BLOCKS * (long) BLOCK, Math.min(maxMemory / 256, LONGEST_LINE));
  }

  private Utf8Stream(Engine engine, int block, boolean sparse, int maxLine) {
    this.sparse = sparse;
    this.block = block;
    this.maxLine = maxLine;
    // Grown to what the input needs: a short stream does not pay for a full block's buffers.
    this.out = new byte[256];
    this.chars = new char[0];
    this.engine = engine;
    this.classAndMap = engine.table.classAndMap;
    this.cls = engine.table.cls;
    this.elongate = engine.elongates();
    this.bytes = engine.hotLoopOnBytes();
    this.triggers = engine.wordTriggers();
    this.pairs = bytes && !elongate && triggers == null ? engine.table.utf8Pairs() : null;
    this.wordSpan = engine.wordSpan();
  }

  public void run(InputStream in, OutputStream os) throws IOException {
    sink = os;
    byte[] b = new byte[block];
    int len = 0;
    int scanned = 0; // b[0, scanned) holds no line break: each byte is looked at once as a long line grows
    while (true) {
      int r = in.read(b, len, b.length - len);
      if (r < 0) {
        if (len > 0) {
          int n = lines(b, 0, len); // before reading the field: lines may grow out
          os.write(out, 0, n);
        }
        return;
      }
      len += r;
      int end = len;
      while (end > scanned && b[end - 1] != '\n') {
        end--;
      }
      if (end == scanned) {
        scanned = len;
        if (len == b.length) {
          if (b.length < maxLine) {
            // A line longer than the block: the block grows to hold it whole, for the byte loop (a line of
            // 200k chars took the streamed path 7x the time per byte of news in lines).
            b = Arrays.copyOf(b, Math.min(maxLine, 2 * b.length));
          } else {
            // Longer still: streamed in bounded memory, then on with what follows it.
            len = longLine(b, len, in);
            scanned = 0;
          }
        }
        continue;
      }
      int n = lines(b, 0, end);
      os.write(out, 0, n);
      System.arraycopy(b, end, b, 0, len - end);
      base += end;
      len -= end;
      scanned = 0;
    }
  }

  /**
   * Normalizes the lines {@code b[from, to)} (whole lines; at the end of the input the last may have no
   * line break) into {@code out}; returns the length written.
   */
  private int lines(byte[] b, int from, int to) throws IOException {
    if (!bytes) {
      return piece(b, from, to, 0);
    }
    int p = 0;
    int i = from;
    // The end of the line of the last stop, and the first & on it at or after that stop (-1: none up to
    // the end): a long line with many stops is scanned once, not once per stop (which was quadratic within
    // a block: the CLI's social run on 88 MB of real news, lines of up to 36 KB, went 2.97 -> 2.5 s).
    int lineEnd = -1;
    int amp = -1;
    while (i < to) {
      ensure(p + 3 * (to - i));
      int q = hotLoop(b, i, to, p);
      if (q >= 0) {
        return q;
      }
      // The loop gave up at ~q. The engine takes that line alone; then the loop tries again from the next.
      // (Handing it a span of lines that doubled while the loop kept giving up sent 90% of real news
      // through the engine's slower String path: long lines there nearly all hold a stop. Line by line,
      // light on 88 MB of real news in-process went 659 -> 463 ms; synthetic web residue, with a stop on
      // every line, 5-8% slower.)
      int at = ~q;
      int end;
      if (at < lineEnd) {
        end = lineEnd;
        if (amp >= 0 && amp < at) {
          amp = LineScan.indexOf(b, '&', at, end);
        }
      } else {
        // One pass to the line's end, which finds its first & too.
        amp = -1;
        end = at;
        while (end < to) {
          byte x = b[end++];
          if (x == '\n') {
            break;
          }
          if (x == '&' && amp < 0) {
            amp = end - 1;
          }
        }
        lineEnd = end;
      }
      // With no & on the rest of the line (none before: the loop stops at one), no step looks further than
      // the blanks around the word that stopped the loop: the engine takes the piece from the blank before
      // it to the next word end, and the loop goes on after it. Long lines of real news otherwise went
      // whole through the String path for one tatweel or NBSP pair. With no word end after the stop
      // (blanks, often NBSP, end many lines of news), the piece runs to the line's end, where every
      // context ends.
      int blank = amp >= 0 ? -1 : LineScan.lastBlankOnLine(b, i, at);
      if (blank >= 0) {
        int after = triggers != null ? wordWindowEnd(b, at, end) : LineScan.nextWordEnd(b, at, end, cls);
        int o = blankOut(b, blank, at, p);
        if (o >= 0) {
          after = after < 0 ? end : after;
          p = piece(b, blank, after, o);
          i = after;
          continue;
        }
      }
      int lineIn = at;
      while (lineIn > i && b[lineIn - 1] != '\n') {
        lineIn--;
      }
      p = piece(b, lineIn, end, lineOut(p));
      i = end;
    }
    return p;
  }

  /**
   * {@link LineScan#nextWordEnd} for a pipeline with word-lookup steps: a decision at the stopped word may
   * look at the words after it (the rest of a phrase, and the word after it that a condition names): as many as
   * the trigger's span ({@link #stopSpan}), and at a word that stopped the loop for another reason, or any
   * token the chain might change, as many as the longest span. The window goes on, space-separated token
   * by token, until no decision in it can look further, and ends at the space after the last token; at the
   * line's end when the line ends first.
   */
  private int wordWindowEnd(byte[] b, int at, int end) {
    int k = LineScan.nextWordEnd(b, at, end, cls);
    if (k < 0) {
      return end;
    }
    // The stopped word's token may hold more words up to k (الى،انشاء before الله): their spans count too.
    int need = Math.max(stopSpan, tokenSpan(b, at, k));
    while (need > 0) {
      int from = k + 1;
      int to = from;
      while (to < end && b[to] != ' ' && b[to] != '\n') {
        to++;
      }
      if (to >= end || b[to] != ' ') {
        return end;
      }
      need = Math.max(need - 1, to > from ? tokenSpan(b, from, to) : wordSpan);
      k = to;
    }
    return k;
  }

  /**
   * 0 when every character of {@code b[from, to)} is one the table copies as it is (no blank, no mark), no
   * word in it may be a trigger and no letter comes three times in a row: the chain would leave it, and
   * nothing in it looks further. The largest span of the triggers it may hold, when that is all; else the
   * longest span of all ({@link #wordSpan}).
   */
  private int tokenSpan(byte[] b, int from, int to) {
    int h = 0;
    boolean inWord = false;
    int same = 0;
    int prev = -1;
    int span = 0;
    for (int k = from; k <= to; ) {
      int c = ' ';
      int len = 1;
      if (k < to) {
        c = b[k];
        if (c < 0) {
          if ((c & 0xE0) == 0xC0 && k + 1 < to && (b[k + 1] & 0xC0) == 0x80) {
            c = (c & 0x1F) << 6 | (b[k + 1] & 0x3F);
            len = 2;
          } else {
            return wordSpan; // three or four bytes, or malformed: not worth reading here
          }
        }
        int t = cls[c];
        if (t != DirectTable.COPY && t != DirectTable.COPY_WORD) {
          return wordSpan;
        }
      }
      boolean word = k < to && WordStage.isWordChar(c);
      if (word) {
        h = inWord ? 31 * h + c : c;
        same = c == prev ? same + 1 : 1;
        if (same >= 3 && elongate) {
          return wordSpan;
        }
      } else if (inWord) {
        span = Math.max(span, triggers.valueOfHash(h));
      }
      inWord = word;
      prev = c;
      k += len;
    }
    return span;
  }

  /**
   * Where the output of the blank {@code b[blank]} is, the loop having written {@code b[blank, at)} to end
   * at {@link #stopOut}: each character it wrote as a space or tab came from one that the table writes as
   * one, so counting them back finds it. -1 when the stretch holds a character the count cannot read.
   */
  private int blankOut(byte[] b, int blank, int at, int p) {
    int blanks = 0;
    for (int k = blank + 1; k < at; ) {
      int c = b[k];
      int len = 1;
      if (c < 0) {
        if ((c & 0xE0) == 0xC0) {
          c = (c & 0x1F) << 6 | (b[k + 1] & 0x3F);
          len = 2;
        } else if ((c & 0xF0) == 0xE0) {
          c = (c & 0x0F) << 12 | (b[k + 1] & 0x3F) << 6 | (b[k + 2] & 0x3F);
          len = 3;
        } else {
          return -1;
        }
      }
      int v = classAndMap[c];
      int t = v & 0xFF;
      if (t >= DirectTable.COPY && t <= DirectTable.MAP1_CLOSED) {
        char x = (char) (v >>> 8);
        blanks += x == ' ' || x == '\t' ? 1 : 0;
      }
      k += len;
    }
    for (int o = stopOut - 1; o >= p; o--) {
      if (out[o] == ' ' || out[o] == '\t') {
        if (blanks == 0) {
          return o;
        }
        blanks--;
      }
    }
    return -1;
  }

  /**
   * Where in {@code out} the line holding the character the hot loop stopped at starts: the loop wrote from
   * {@code out[p]} to {@link #stopOut}, and a line break it met it wrote as one {@code '\n'} byte (checked
   * when the loop is on: no other character becomes one).
   */
  private int lineOut(int p) {
    int o = stopOut;
    while (o > p && out[o - 1] != '\n') {
      o--;
    }
    return o;
  }

  /** Where {@link #run} writes: a piece longer than the block is written to it as it goes ({@link #piece}). */
  private OutputStream sink;

  /**
   * {@link #slowLines} of {@code b[from, to)} to {@code out[p]}. A piece longer than the block is not held
   * with its output: the output so far is written out, and the piece, decoded, goes through the engine's
   * String path writing to {@link #sink} as it goes (its output is handed over in pieces of 32 Ki chars
   * where no change can reach back). When it may grow by more than half ({@link DirectTable#mayGrowByHalf}: ﷺ becomes 18
   * chars, and so may {@code &#65018}), it is streamed through the chain instead, which holds none of its
   * output. Returns the end of the output in {@code out}, 0 after a piece written to the sink.
   */
  private int piece(byte[] b, int from, int to, int p) throws IOException {
    if (to - from <= block) {
      return slowLines(b, from, to, p);
    }
    sink.write(out, 0, p);
    String text = decode(b, from, to);
    Writer w = new OutputStreamWriter(sink, StandardCharsets.UTF_8); // flushed, not closed: sink stays open
    if (engine.table.mayGrowByHalf(text)) {
      engine.normalize(new StringReader(text), w, StepCounter.NONE);
    } else {
      // The String path: a long line with a stop on every word or an & took the chain 5-10x the time.
      engine.normalize(text, w, StepCounter.NONE);
    }
    w.flush();
    return 0;
  }

  /**
   * The engine's streaming path from UTF-8 {@code in}, whose first byte is at stream offset {@code offset}
   * (where a malformed byte is reported from), to {@link #sink}: in bounded memory, whatever its length.
   */
  private void streamed(InputStream in, long offset) throws IOException {
    Writer w = new OutputStreamWriter(sink, StandardCharsets.UTF_8); // flushed, not closed: sink stays open
    engine.normalize(new StrictUtf8Reader(in, offset), w, StepCounter.NONE);
    w.flush();
  }

  /** Where the output was when {@link #hotLoop} stopped. */
  private int stopOut;

  /**
   * The direct path's hot loop on UTF-8: from a line start {@code b[i]} to {@code to}, writing at
   * {@code out[p]}. Returns the end of what it wrote, or {@code ~k} when the character at {@code b[k]}
   * needs the chain (or is not valid UTF-8, which the strict decoding of its line then reports). It comes
   * in two forms that make the same output, chosen by how dense the changes have been: a
   * copy of every character, or runs of unchanged input copied whole (in the development loop, per MB:
   * `light` on clean news 4.6 ms written char by char, 3.5 in runs; `search` on vocalized news 4.9 char by
   * char, 6.8 in runs, whose short copies between deleted harakat cost more than they save).
   */
  private int hotLoop(byte[] b, int i, int to, int p) {
    stopSpan = wordSpan;
    return triggers != null ? wordLoop(b, i, to, p) : sparse ? pendingLoop(b, i, to, p) : writingLoop(b, i, to, p);
  }

  /**
   * {@link #writingLoop} for a pipeline with word-lookup steps: it also hashes each word (a run of word
   * characters, as written out) and stops at the start of one that may be a trigger, its output then ending
   * before that word; it stops at any mark too (a mark continues a word, and the chain orders marks).
   * Most words of a text are no trigger: they stay on bytes.
   */
  private int wordLoop(byte[] b, int i, int to, int p) {
    final int[] table = classAndMap;
    final byte[] o = out;
    final CharRangeSet words = triggers;
    int same = 0;
    char prev = 0;
    boolean blank = false;
    int wordStart = -1;
    int wordOut = 0;
    int h = 0;
    while (i < to) {
      int c = b[i];
      int len;
      if (c >= 0) {
        len = 1;
      } else {
        c &= 0xFF;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < to && (b[i + 1] & 0xC0) == 0x80) {
          c = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
          len = 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < to && (b[i + 1] & 0xC0) == 0x80
            && (b[i + 2] & 0xC0) == 0x80) {
          c = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
          if (c < 0x800 || Character.isSurrogate((char) c)) {
            return stopAt(i, p);
          }
          len = 3;
        } else {
          return stopAt(i, p);
        }
      }
      int v = table[c];
      int t = v & 0xFF;
      if (t == DirectTable.SPECIAL || t >= DirectTable.MARK_DEL) {
        return wordStart >= 0 ? stopAt(wordStart, wordOut) : stopAt(i, p);
      }
      char x = (char) (v >>> 8);
      same = x == prev ? same + 1 : 1;
      boolean isBlank = t == DirectTable.COPY_BLANK | t == DirectTable.MAP1_BLANK;
      boolean word = t == DirectTable.COPY_WORD
          || (t >= DirectTable.MAP1_BLANK && t <= DirectTable.MAP1_CLOSED && WordStage.isWordChar(x));
      if ((isBlank & blank) || (same >= 3 && elongate && word)) {
        return stopAt(i, p);
      }
      if (word) {
        if (wordStart < 0) {
          wordStart = i;
          wordOut = p;
          h = 0;
        }
        h = 31 * h + x;
      } else if (wordStart >= 0) {
        int span = words.valueOfHash(h);
        if (span >= 0) {
          stopSpan = span;
          return stopAt(wordStart, wordOut);
        }
        wordStart = -1;
      }
      blank = isBlank;
      prev = x;
      p = Utf8Bytes.put(o, p, x);
      i += len;
    }
    int span = wordStart >= 0 ? words.valueOfHash(h) : -1;
    if (span >= 0) {
      stopSpan = span;
      return stopAt(wordStart, wordOut);
    }
    return p;
  }

  /**
   * The last stretch the loops crossed had fewer than one change in {@link #DENSE} bytes: the next call
   * copies runs ({@link #pendingLoop}), else it writes every character ({@link #writingLoop}). Both loops
   * set it as they end, and as they stop after 256 bytes or more ({@link #stopAt(int, int, int, int)}).
   */
  private boolean sparse;
  public static final int DENSE = 32;
  /** The loops choose the form for the next call by the changes of the last (off in tests of one form). */
  private boolean adaptive;

  /**
   * {@link #hotLoop} for text where changes are sparse (repairs in clean news): the characters that come
   * out as they came in are copied a run at a time.
   */
  private int pendingLoop(byte[] b, int i, int to, int p) {
    final int start = i;
    int changes = 0;
    final int[] table = classAndMap;
    final byte[] o = out;
    int same = 0;
    char prev = 0;
    boolean blank = false;
    int ccc = Engine.NO_MARKS;
    // Characters that come out as they came in are not written one by one: b[pending, i) is copied whole
    // before the next one that changes, and at the end.
    int pending = i;
    final byte[] kinds = cls;
    final byte[] pairs = this.pairs;
    boolean longRuns = true;
    while (i < to) {
      if (!elongate) {
        int j = CleanRun.run(b, i, to, kinds, pairs, blank, ccc, longRuns);
        longRuns = j - i >= CleanRun.CHUNK;
        if (j != i) {
          // The run's last character (one or two bytes: CleanRun takes no longer ones) sets what the loop
          // carries on with; same and prev are elongation's, which is off here.
          i = j;
          int c = CleanRun.lastChar(b, j);
          int k = kinds[c];
          blank = k == DirectTable.COPY_BLANK;
          ccc = k == DirectTable.MARK_KEEP ? UnicodeData.ccc(c) : 0;
          same = 0;
          prev = 0;
          if (i >= to) {
            break;
          }
        }
      }
      // The UTF-8 reading is written out here, in writingLoop, in wordLoop and (one and two bytes only) in
      // CleanRun: a shared method returning the code point and its length packed in an int measured slower
      // (light on plain news 3.0 to 4.4 ms per MB).
      int c = b[i];
      int len;
      if (c >= 0) {
        len = 1;
      } else {
        c &= 0xFF;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < to && (b[i + 1] & 0xC0) == 0x80) {
          c = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
          len = 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < to && (b[i + 1] & 0xC0) == 0x80
            && (b[i + 2] & 0xC0) == 0x80) {
          c = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
          if (c < 0x800 || Character.isSurrogate((char) c)) {
            return stopAt(i, copy(b, pending, i, p), start, changes); // overlong, or a surrogate: malformed
          }
          len = 3;
        } else {
          return stopAt(i, copy(b, pending, i, p), start, changes); // four bytes (astral: the chain's), or malformed
        }
      }
      int v = table[c];
      int t = v & 0xFF;
      if (t == DirectTable.SPECIAL || t > DirectTable.MARK_KEEP) {
        return stopAt(i, copy(b, pending, i, p), start, changes);
      }
      char x = (char) (v >>> 8);
      if (t >= DirectTable.MARK_DEL) {
        if (t == DirectTable.MARK_KEEP) {
          int cc = UnicodeData.ccc(c);
          if (cc >= ccc) {
            ccc = cc;
            blank = false;
            prev = x;
            same = 1;
            i += len;
            continue; // a kept mark is itself: pending
          }
          if (ccc == Engine.NO_MARKS) {
            return stopAt(i, copy(b, pending, i, p), start, changes);
          }
          // Out of canonical order among the kept marks: put it where NFC would.
          int copied = copy(b, pending, i, p);
          p = Utf8Bytes.insertMark(o, copied, x, cc);
          if (p < 0) {
            return stopAt(i, copied, start, changes); // a long run of marks: the chain sorts it
          }
          same = 1;
        } else {
          p = copy(b, pending, i, p); // deleted
        }
        i += len;
        pending = i;
        changes++;
        continue;
      }
      same = x == prev ? same + 1 : 1;
      boolean isBlank = t == DirectTable.COPY_BLANK | t == DirectTable.MAP1_BLANK;
      if ((isBlank & blank) || (same >= 3 && elongate && WordStage.isWordChar(x))) {
        return stopAt(i, copy(b, pending, i, p), start, changes); // two blanks meet, or a letter comes a third time
      }
      blank = isBlank;
      prev = x;
      ccc = Engine.CCC_AFTER[t];
      if (x != c) {
        p = Utf8Bytes.put(o, copy(b, pending, i, p), x);
        pending = i + len;
        changes++;
      }
      i += len;
    }
    if (adaptive) {
      sparse = changes * DENSE < i - start;
    }
    return copy(b, pending, i, p);
  }

  /**
   * {@link #hotLoop} for text where changes are dense (a folding on most words, harakat deleted): every
   * character written as it is read, which costs less than copying the short runs between changes.
   */
  private int writingLoop(byte[] b, int i, int to, int p) {
    final int start = i;
    int changes = 0;
    final int[] table = classAndMap;
    final byte[] o = out;
    int same = 0;
    char prev = 0;
    boolean blank = false;
    int ccc = Engine.NO_MARKS;
    while (i < to) {
      int c = b[i];
      int len;
      if (c >= 0) {
        len = 1;
      } else {
        c &= 0xFF;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < to && (b[i + 1] & 0xC0) == 0x80) {
          c = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
          len = 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < to && (b[i + 1] & 0xC0) == 0x80
            && (b[i + 2] & 0xC0) == 0x80) {
          c = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
          if (c < 0x800 || Character.isSurrogate((char) c)) {
            // overlong, or a surrogate (which the table would also stop at): malformed
            return stopAt(i, p, start, changes);
          }
          len = 3;
        } else {
          return stopAt(i, p, start, changes); // four bytes (the chain takes astral code points), or malformed
        }
      }
      int v = table[c];
      int t = v & 0xFF;
      if (t == DirectTable.SPECIAL || t > DirectTable.MARK_KEEP) {
        return stopAt(i, p, start, changes);
      }
      char x = (char) (v >>> 8);
      if (t >= DirectTable.MARK_DEL) {
        if (t == DirectTable.MARK_KEEP) {
          int cc = UnicodeData.ccc(c);
          if (cc >= ccc) {
            ccc = cc;
            blank = false;
            prev = x;
            p = Utf8Bytes.put(o, p, x);
          } else if (ccc == Engine.NO_MARKS) {
            return stopAt(i, p, start, changes);
          } else {
            int q = Utf8Bytes.insertMark(o, p, x, cc); // out of canonical order among the kept marks: as NFC would put it
            if (q < 0) {
              return stopAt(i, p, start, changes); // a long run of marks: the chain sorts it
            }
            p = q;
          }
          same = 1;
        } else {
          changes++; // deleted
        }
        i += len;
        continue;
      }
      same = x == prev ? same + 1 : 1;
      boolean isBlank = t == DirectTable.COPY_BLANK | t == DirectTable.MAP1_BLANK;
      if ((isBlank & blank) || (same >= 3 && elongate && WordStage.isWordChar(x))) {
        return stopAt(i, p, start, changes); // two blanks meet, or a letter comes a third time: the chain's
      }
      blank = isBlank;
      prev = x;
      ccc = Engine.CCC_AFTER[t];
      changes += x != c ? 1 : 0;
      p = Utf8Bytes.put(o, p, x);
      i += len;
    }
    if (adaptive) {
      // One dense stretch (an article in presentation forms) must not cost the copying loop for the rest
      // of the stream: back to it once the changes are sparse again.
      sparse = changes * DENSE < i - start;
    }
    return p;
  }

  /** Copies the input's {@code b[from, to)}, which comes out unchanged, to {@code out[p]}; returns the end. */
  private int copy(byte[] b, int from, int to, int p) {
    System.arraycopy(b, from, out, p, to - from);
    return p + to - from;
  }

  /** The hot loop stops at {@code b[i]} with its output at {@code p}. */
  private int stopAt(int i, int p) {
    stopOut = p;
    return ~i;
  }

  /**
   * {@link #stopAt(int, int)} for the copying and writing loops, which choose the form of the next call by
   * the changes of this one ({@link #sparse}) when it crossed enough bytes to tell: a stream whose every
   * block ends in a stop (lines that end in blanks, handed over to their end) otherwise never chose again.
   */
  private int stopAt(int i, int p, int start, int changes) {
    if (adaptive && i - start >= DENSE * 8) {
      sparse = changes * DENSE < i - start;
    }
    return stopAt(i, p);
  }

  /** Makes {@code out} hold at least {@code size} bytes, keeping what it holds. */
  private void ensure(int size) {
    if (out.length < size) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, size));
    }
  }

  /** Decodes the lines {@code b[from, to)} strictly, normalizes them and writes them at {@code out[p]}. */
  private int slowLines(byte[] b, int from, int to, int p) throws IOException {
    String line = decode(b, from, to);
    String done = engine.normalize(line);
    if (done == line) { // unchanged (a legitimate AT&T): the input's bytes are the output's
      ensure(p + to - from);
      System.arraycopy(b, from, out, p, to - from);
      return p + to - from;
    }
    ensure(p + 3 * done.length());
    return Utf8Bytes.put(out, p, done);
  }

  /**
   * {@code b[from, to)} decoded strictly; a malformed byte is reported with its offset in the stream. Up to
   * a block, through {@link #chars}; a longer piece is checked through it a block at a time and then made a
   * String from its bytes, so that no chars buffer of its size is kept for the rest of the stream.
   */
  private String decode(byte[] b, int from, int to) throws BadUtf8Exception {
    boolean fits = to - from <= block;
    if (chars.length < Math.min(to - from, block)) {
      chars = new char[Math.max(Math.min(to - from, block), Math.min(2 * chars.length, block))];
    }
    ByteBuffer bb = ByteBuffer.wrap(b, from, to - from);
    CharBuffer cb = CharBuffer.wrap(chars);
    decoder.reset();
    CoderResult r;
    do {
      cb.clear();
      r = decoder.decode(bb, cb, true);
    } while (r.isOverflow());
    if (!r.isError()) {
      r = decoder.flush(cb);
    }
    if (r.isError()) {
      throw new BadUtf8Exception(base + bb.position());
    }
    return fits ? new String(chars, 0, cb.position()) : new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * The line that starts at {@code b[0]} fills the block: it is streamed through the engine by a strict
   * reader that stops after its line break. Returns how many bytes of what follows it are now in {@code b}.
   */
  private int longLine(byte[] b, int len, InputStream in) throws IOException {
    LineRest rest = LineRest.inPlace(b, len, in); // b is not read until the line is done
    streamed(rest, base);
    base += rest.served;
    int after = rest.lim - rest.pos;
    System.arraycopy(rest.buf, rest.pos, b, 0, after);
    return after;
  }
}
