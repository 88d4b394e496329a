package dev.arnorm;

import dev.arnorm.rules.LexiconData;
import dev.arnorm.stream.BadUtf8Exception;
import dev.arnorm.stream.StrictUtf8Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The spelling step's data: entries that map a wrong spelling (one or more words) to the right one, with the
 * clitics they accept and the neighbouring words that must or must not be there; and counter-examples, text
 * that the {@code social} preset must leave alone. Immutable.
 *
 * <p>File format (UTF-8; see docs/lexicon.md): {@code #} starts a comment; {@code # version: V} names the
 * version; an entry is {@code WRONG<TAB>RIGHT<TAB>KIND[<TAB>CONDITIONS]}; a counter-example is
 * {@code !<TAB>TEXT}. WRONG and RIGHT are Arabic words separated by single spaces. KIND is one of
 * {@link #KINDS}. CONDITIONS are {@code key=value} pairs separated by {@code ;}: {@code prefixes=و,ف,ب,ل,ك,ال}
 * (the proclitics the first word may carry), {@code before=W|W}, {@code not-before=W|W}, {@code after=W|W},
 * {@code not-after=W|W} (the word right after or before, separated by one space).
 *
 * <p>Loading fails fast: a bad line throws {@link IllegalArgumentException} naming the source, the line
 * number and what is wrong.
 */
public final class Lexicon {
  /** The kinds of error an entry may fix. */
  public static final Set<String> KINDS = LexiconData.KINDS;

  private static final Lexicon BUILT_IN = new Lexicon(LexiconData.builtIn());

  /** The parsed entries, which the spelling rule reads. */
  final LexiconData data;

  private Lexicon(LexiconData data) {
    this.data = data;
  }

  /**
   * The curated lexicon shipped with arnorm.
   *
   * @return the built-in lexicon
   */
  public static Lexicon builtIn() {
    return BUILT_IN;
  }

  /**
   * Loads a lexicon file (UTF-8).
   *
   * @param file a lexicon file in UTF-8
   * @return the lexicon the file holds
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException for a bad line, naming the file, the line number and the problem
   */
  public static Lexicon load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader r = new BufferedReader(new StrictUtf8Reader(Files.newInputStream(file)), 1 << 16)) {
      return new Lexicon(LexiconData.parse(r, file.toString()));
    } catch (BadUtf8Exception e) {
      throw LexiconData.bad(file.toString(), lineAt(file, e.offset()), "malformed UTF-8 at byte offset " + e.offset());
    }
  }

  /** The line (from 1) that holds byte {@code offset} of {@code file}. */
  private static int lineAt(Path file, long offset) throws IOException {
    int line = 1;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      for (long i = 0; i < offset; i++) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        line += b == '\n' ? 1 : 0;
      }
    }
    return line;
  }

  /**
   * Parses a lexicon; {@code source} names it in error messages.
   *
   * @param in the lexicon's text
   * @param source what to call the text in error messages (a file name)
   * @return the lexicon the text holds
   * @throws IllegalArgumentException for a bad line
   * @throws IOException if reading fails
   */
  public static Lexicon parse(Reader in, String source) throws IOException {
    return new Lexicon(LexiconData.parse(in, source));
  }

  /**
   * This lexicon with the entries and counter-examples of {@code other} added; an entry of {@code other}
   * replaces one of this lexicon with the same wrong form.
   *
   * @param other the lexicon whose entries win
   * @return a lexicon with the entries of both
   */
  public Lexicon plus(Lexicon other) {
    Objects.requireNonNull(other, "other");
    return new Lexicon(data.plus(other.data));
  }

  /**
   * The version named in the file's {@code # version:} line.
   *
   * @return the version its header gives
   */
  public String version() {
    return data.version();
  }

  /**
   * The number of entries.
   *
   * @return the number of entries
   */
  public int size() {
    return data.size();
  }

  /**
   * Text that the {@code social} preset must leave unchanged.
   *
   * @return the counter-examples, in file order
   */
  public List<String> counterExamples() {
    return data.counterExamples();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lexicon && ((Lexicon) o).data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  /** The version and the number of entries. */
  @Override
  public String toString() {
    return data.toString();
  }
}
