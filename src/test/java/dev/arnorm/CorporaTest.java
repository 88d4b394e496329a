package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps on real text. */
class CorporaTest {
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final UnicodeSet ARABIC_MARKS = new UnicodeSet(
      "[[:Mn:]&[[:Block=Arabic:][:Block=Arabic_Supplement:][:Block=Arabic_Extended_A:]"
          + "[:Block=Arabic_Extended_B:][:Block=Arabic_Extended_C:]]]").freeze();

  @Test
  void diacriticsOnVocalizedWikinewsGivesThePlainTextLineByLine() {
    List<String> vocalized = Corpora.lines("wikinews-vocalized.txt");
    List<String> plain = Corpora.lines("wikinews-plain.txt");
    assertEquals(400, vocalized.size());
    assertEquals(plain.size(), vocalized.size());
    for (int i = 0; i < vocalized.size(); i++) {
      assertEquals(plain.get(i), Step.DIACRITICS.normalizer().normalize(vocalized.get(i)), "line " + (i + 1));
    }
  }

  @Test
  void diacriticsOnUthmaniRemovesEveryMarkAndKeepsEveryLetter() {
    List<String> verses = Corpora.lines("quran-uthmani.txt");
    assertEquals(6236, verses.size());
    for (int i = 0; i < verses.size(); i++) {
      String in = verses.get(i);
      String out = Step.DIACRITICS.normalizer().normalize(in);
      // Letters are compared decomposed, without hamza and madda: آ is ا + U+0653, the same text. The
      // small waw and yeh (vowel signs) go, and a hamza on a tatweel is the letter ء.
      String lettersIn = NFD.normalize(in).replaceAll("\u0640((?:(?![\u0654\u0655])\\p{M})*)[\u0654\u0655]", "\u0621$1")
          .codePoints().filter(cp -> !ARABIC_MARKS.contains(cp) && cp != 0x06E5 && cp != 0x06E6)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      String lettersOut = NFD.normalize(out).replaceAll("[\u0653-\u0655]", "");
      assertEquals(lettersIn, lettersOut, "verse " + (i + 1));
      assertTrue(out.codePoints().noneMatch(cp -> cp == 0x06E5 || cp == 0x06E6), "small letter in " + (i + 1));
      assertTrue(out.codePoints().noneMatch(ARABIC_MARKS::contains), "mark left in verse " + (i + 1));
    }
  }

  @Test
  void everyPresetIsIdempotentOnEveryCorpusLine() {
    List<String> files = new ArrayList<>(Corpora.NEWS);
    files.add("quran-uthmani.txt");
    files.add("arsarcasm-tweets-sample.txt");
    for (Preset p : Preset.values()) {
      for (String f : files) {
        for (String line : Corpora.lines(f)) {
          String once = p.normalizer().normalize(line);
          assertEquals(once, p.normalizer().normalize(once), p + " on " + f + ": " + line);
        }
      }
    }
  }

  @Test
  void lightLeavesCleanNewsUntouched() {
    String plain = Corpora.text("wikinews-plain.txt");
    assertEquals(plain, ArabicNormalizer.LIGHT.normalize(plain));
  }

  @Test
  void lightRemovesTatweelJoinedToALetterFromUdSentencesAndNothingElse() {
    String ud = Corpora.text("ud-pud-sentences.txt");
    String joined = "(?<=\\p{IsArabic}\\p{M}{0,8})\u0640+|\u0640+(?=\\p{M}{0,8}\\p{IsArabic})";
    assertEquals(ud.replaceAll(joined, ""), ArabicNormalizer.LIGHT.normalize(ud));
  }
}
