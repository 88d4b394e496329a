package dev.arnorm;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import dev.arnorm.rules.HtmlEntitiesRule;
import dev.arnorm.unicode.UnicodeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain, whole-string implementation of the html-entities step for the fused == reference law: regexes
 * for references, the whole output line for left context. Reads the entity table file on its own.
 */
final class ReferenceHtml {
  private static final Map<String, String> TABLE = new HashMap<>();
  private static final Pattern NUMERIC = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?");
  private static final Pattern NAME = Pattern.compile("&([A-Za-z0-9]{1,32})");

  static {
    try (InputStream in = ReferenceHtml.class.getResourceAsStream("/dev/arnorm/html5-entities.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isEmpty()) {
          String[] f = line.split("\t");
          StringBuilder v = new StringBuilder();
          for (String h : f[1].split(" ")) {
            v.appendCodePoint(Integer.parseInt(h, 16));
          }
          TABLE.put(f[0], v.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ReferenceHtml() {}

  static String apply(String s) {
    return apply(s, new com.ibm.icu.text.UnicodeSet().freeze(), t -> t);
  }

  /**
   * The step inside a pipeline: references are read through {@code skip} (what later steps delete among
   * ASCII characters), and decoded text goes through {@code fold} (the maps moved before the step).
   */
  static String apply(String s, com.ibm.icu.text.UnicodeSet skip, java.util.function.UnaryOperator<String> fold) {
    return residue(decode(s, skip, fold));
  }

  /**
   * Phase one, as a rewriting: from the last {@code &} to the first, each reference is replaced by what it
   * decodes to, and the same position is read again (a decoded {@code &} starts the next layer). An {@code &}
   * thus sees the text after it fully decoded, which is what the streaming decoder's waiting gives.
   */
  static String decode(String s, com.ibm.icu.text.UnicodeSet skip, java.util.function.UnaryOperator<String> fold) {
    StringBuilder b = new StringBuilder(s);
    for (int i = b.length() - 1; i >= 0; i--) {
      while (i < b.length() && b.charAt(i) == '&') {
        // The view after the &: name characters with skipped ones left out, up to the first other one.
        StringBuilder view = new StringBuilder("&");
        List<Integer> rawEnd = new ArrayList<>(List.of(i + 1));
        int k = i + 1;
        int cps = 1;
        while (k < b.length() && cps < 96) {
          int c = b.codePointAt(k);
          k += Character.charCount(c);
          cps++;
          if (skip.contains(c)) {
            continue;
          }
          view.appendCodePoint(c);
          rawEnd.add(k);
          if (!(HtmlEntitiesRule.isAsciiAlnum(c) || c == '#')) {
            break;
          }
        }
        String[] hit = match(view.toString());
        if (hit == null) {
          break;
        }
        b.replace(i, rawEnd.get(hit[1].length() - 1), Normalizer.nfd(fold.apply(hit[0])));
      }
    }
    return b.toString();
  }

  /** Phase one reads after '&' up to the first character that cannot continue a reference. */
  private static String decodeLook(String rest) {
    int end = 1;
    while (end < rest.length() && end < 96) {
      char c = rest.charAt(end++);
      if (!(HtmlEntitiesRule.isAsciiAlnum(c) || c == '#')) {
        break;
      }
    }
    return rest.substring(0, Math.min(end, rest.length()));
  }

  /**
   * A letter or mark of the Arabic script or blocks, or any combining mark, told by ICU (Java's regexes know
   * Unicode 13 only): what a word spelling a Latin letter's name is made of. Symbols and digits of the script
   * ({@code ۞}, {@code ٣}) are not part of it.
   */
  private static boolean arabicLetterOrMark(int cp) {
    UCharacter.UnicodeBlock b = UCharacter.UnicodeBlock.of(cp);
    int t = UCharacter.getType(cp);
    boolean mark = t == UCharacter.NON_SPACING_MARK || t == UCharacter.ENCLOSING_MARK
        || t == UCharacter.COMBINING_SPACING_MARK;
    return Reference.isMark(cp) || (UCharacter.isLetter(cp) || mark)
        && (UScript.getScript(cp) == UScript.ARABIC || b == UCharacter.UnicodeBlock.ARABIC
            || b == UCharacter.UnicodeBlock.ARABIC_SUPPLEMENT || b == UCharacter.UnicodeBlock.ARABIC_EXTENDED_A);
  }

  private static String trailingArabicWord(String s) {
    int i = s.length();
    while (i > 0 && arabicLetterOrMark(s.codePointBefore(i))) {
      i -= Character.charCount(s.codePointBefore(i));
    }
    return s.substring(i);
  }

  private static String leadingArabicWord(String s) {
    int i = 0;
    while (i < s.length() && arabicLetterOrMark(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    return s.substring(0, i);
  }

  /** Phase two: every '&' judged with the decoded text on both sides. */
  static String residue(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '&') {
        residue(out, look(s.substring(i)));
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  /** What the stage reads after an '&': up to the first character that will hold a blank, 96 at most. */
  private static String look(String rest) {
    int end = 1;
    while (end < rest.length() && end < 96) {
      int c = rest.codePointAt(end);
      end += Character.charCount(c);
      if (view(new String(Character.toChars(c))).codePoints()
          .anyMatch(x -> HtmlEntitiesRule.isBlank(x) || HtmlEntitiesRule.isLineBreak(x))) {
        break;
      }
    }
    return rest.substring(0, Math.min(end, rest.length()));
  }

  /** {decoded text, the reference as written}, or null. */
  private static String[] match(String la) {
    Matcher m = NUMERIC.matcher(la);
    if (m.lookingAt()) {
      String digits = m.group(1) != null ? m.group(1) : m.group(2);
      long v = 0;
      for (char c : digits.toCharArray()) {
        v = Math.min(v * (m.group(1) != null ? 16 : 10) + Character.digit(c, 16), 0x110000L);
      }
      int cp = HtmlEntitiesRule.numericValue(v);
      return cp < 0 ? null : new String[] {new String(Character.toChars(cp)), m.group()};
    }
    m = NAME.matcher(la);
    if (!m.lookingAt()) {
      return null;
    }
    String name = m.group(1);
    int after = m.end();
    if (after < la.length() && la.charAt(after) == ';' && TABLE.containsKey(name + ";")
        && TABLE.get(name + ";").chars().noneMatch(HtmlEntitiesRule::isLineBreak)) {
      return new String[] {TABLE.get(name + ";"), la.substring(0, after + 1)};
    }
    if (TABLE.containsKey(name) && (after >= la.length() || la.charAt(after) != '=')) {
      return new String[] {TABLE.get(name), la.substring(0, after)};
    }
    return null;
  }

  /** The text as the later lossless steps will leave it: no invisible controls, presentation forms expanded. */
  private static String view(String s) {
    StringBuilder sb = new StringBuilder();
    // A hamza mark on a tatweel is the letter hamza, as diacritics makes it, before the tatweel's marks.
    boolean[] afterTatweel = {false};
    int[] tatweelAt = {0};
    s.codePoints().forEach(cp -> {
      if (afterTatweel[0] && (cp == 0x0654 || cp == 0x0655)) {
        afterTatweel[0] = false;
        sb.insert(tatweelAt[0], '\u0621');
        return;
      }
      boolean vanishes = UnicodeData.INVISIBLE.contains(cp); // gone before tatweel decides on its seat
      if (cp == 0x0640) {
        tatweelAt[0] = sb.length();
        afterTatweel[0] = true;
      } else if (!vanishes) {
        afterTatweel[0] = afterTatweel[0] && Reference.isMark(cp);
      }
      boolean block = (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
      String d = block && UCharacter.getType(cp) != UCharacter.CURRENCY_SYMBOL
          ? com.ibm.icu.text.Normalizer2.getNFKDInstance().getDecomposition(cp) : null;
      if (UnicodeData.INVISIBLE.contains(cp) || cp == 0x0640 || cp == 0x06E5 || cp == 0x06E6 || cp == 0x08C9) {
        return;
      }
      if (d != null) {
        sb.append(Normalizer.nfd(d).replace("\u0640", ""));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static void residue(StringBuilder out, String rawLook) {
    int lineStart = out.length();
    while (lineStart > 0 && !HtmlEntitiesRule.isLineBreak(out.charAt(lineStart - 1))) {
      lineStart--;
    }
    int[] line = view(out.substring(lineStart)).codePoints().toArray();
    int[] r = view(rawLook.substring(1)).codePoints().toArray();
    // The cluster before the '&': the last base of the line and the marks after it.
    int base = line.length - 1;
    while (base >= 0 && Reference.isMark(line[base])) {
      base--;
    }
    int lastBase = base >= 0 ? line[base] : -1;
    boolean marksAfter = base < line.length - 1;
    boolean arabicL = false;
    for (int i = Math.max(base, 0); i < line.length; i++) {
      arabicL |= UnicodeData.ARABIC_SCRIPT.contains(line[i]);
    }
    int right = r.length > 0 ? r[0] : -1;
    boolean arabicR = false;
    for (int i = 0; i < r.length && (i == 0 || Reference.isMark(r[i])); i++) {
      arabicR |= UnicodeData.ARABIC_SCRIPT.contains(r[i]);
    }
    boolean leftBlank = !marksAfter && (lastBase < 0 || HtmlEntitiesRule.isBlank(lastBase)
        || HtmlEntitiesRule.isLineBreak(lastBase));
    boolean rightBlank = right < 0 || HtmlEntitiesRule.isBlank(right) || HtmlEntitiesRule.isLineBreak(right);
    boolean lineBlank = true;
    int prevBase = -1;
    for (int c : line) {
      boolean dangling = Reference.isMark(c) && (prevBase < 0 || HtmlEntitiesRule.isBlank(prevBase));
      if (!Reference.isMark(c)) {
        prevBase = c;
      }
      lineBlank &= HtmlEntitiesRule.isBlank(c) || dangling;
    }
    int firstBase = -1;
    for (int k = 0; k < r.length; k++) {
      int c = r[k];
      if (!Reference.isMark(c) && !(c == '&' && k > 0)) {
        firstBase = c;
        break;
      }
    }
    if (lineBlank && (firstBase < 0 || HtmlEntitiesRule.isLineBreak(firstBase))) {
      return;
    }
    if ((leftBlank && rightBlank) || right == '#') {
      out.append('&');
      return;
    }
    StringBuilder tok = new StringBuilder();
    for (int c : r) {
      if (HtmlEntitiesRule.isBlank(c) || HtmlEntitiesRule.isLineBreak(c)) {
        break;
      }
      tok.appendCodePoint(c);
    }
    String rightToken = tok.toString();
    int wordStart = line.length;
    while (wordStart > 0 && !HtmlEntitiesRule.isBlank(line[wordStart - 1])) {
      wordStart--;
    }
    String leftToken = new String(line, wordStart, line.length - wordStart);
    if (leftToken.length() > HtmlEntitiesRule.MAX_LEFT) {
      // The rules see the last MAX_LEFT chars of the word, never starting inside a pair.
      int cut = leftToken.length() - HtmlEntitiesRule.MAX_LEFT;
      leftToken = leftToken.substring(Character.isLowSurrogate(leftToken.charAt(cut)) ? cut + 1 : cut);
    }
    String leftWord = Normalizer.nfc(trailingArabicWord(leftToken));
    String rightWord = Normalizer.nfc(leadingArabicWord(rightToken));
    boolean url = leftToken.matches(".*[?=/].*") || rightToken.contains("=");
    if (url || (HtmlEntitiesRule.isAsciiAlnum(lastBase) && HtmlEntitiesRule.isAsciiAlnum(right))
        || (HtmlEntitiesRule.LATIN_LETTER_NAMES.contains(leftWord)
            && HtmlEntitiesRule.LATIN_LETTER_NAMES.contains(rightWord))) {
      out.append('&');
      return;
    }
    if (!leftBlank && !rightBlank) {
      boolean space = (arabicL || arabicR) && (arabicL || HtmlEntitiesRule.isPunctuation(lastBase))
          && (arabicR || HtmlEntitiesRule.isPunctuation(right));
      out.append(space ? " " : "&");
      return;
    }
    boolean gluedArabic = leftBlank ? arabicR : arabicL;
    int glued = leftBlank ? right : lastBase;
    boolean context = lastLetterArabic(new String(line, 0, line.length)) || firstLetterArabic(rightToken);
    if (!(gluedArabic || (HtmlEntitiesRule.isPunctuation(glued) && context))) {
      out.append('&');
    }
  }

  private static boolean lastLetterArabic(String line) {
    int[] cps = line.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      if (UCharacter.isLetter(cps[i])) {
        return UnicodeData.ARABIC_SCRIPT.contains(cps[i]);
      }
    }
    return false;
  }

  private static boolean firstLetterArabic(String s) {
    return s.codePoints().filter(UCharacter::isLetter).findFirst()
        .stream().anyMatch(UnicodeData.ARABIC_SCRIPT::contains);
  }

  /** NFC and NFD through ICU. */
  static final class Normalizer {
    static String nfd(String s) {
      return com.ibm.icu.text.Normalizer2.getNFDInstance().normalize(s);
    }

    static String nfc(String s) {
      return com.ibm.icu.text.Normalizer2.getNFCInstance().normalize(s);
    }
  }
}
