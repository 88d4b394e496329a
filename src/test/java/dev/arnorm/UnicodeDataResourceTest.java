package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Unicode tables the library reads at start-up ({@link UnicodeData.Definitions#RESOURCE}) are what the ICU4J on the
 * classpath says today. After an ICU4J upgrade this fails; rewrite the file with
 * {@code mvn -B test -Dtest=UnicodeDataResourceTest -Darnorm.regenerate=true} and commit it.
 */
class UnicodeDataResourceTest {
  private static final Path SOURCE = Path.of("src/main/resources/dev/arnorm", UnicodeData.Definitions.RESOURCE);

  @Test
  void theStoredTablesAreWhatIcuGivesNow() throws IOException {
    byte[] expected = fromIcu();
    if (Boolean.getBoolean("arnorm.regenerate")) {
      Files.write(SOURCE, expected); // the copy on the test classpath is the old one until the next build
      return;
    }
    byte[] stored;
    try (InputStream in = UnicodeData.class.getResourceAsStream(UnicodeData.Definitions.RESOURCE)) {
      stored = in.readAllBytes();
    }
    assertArrayEquals(expected, stored, "dev/arnorm/" + UnicodeData.Definitions.RESOURCE + " is out of date with ICU4J "
        + UCharacter.getUnicodeVersion() + "; rewrite it with -Darnorm.regenerate=true (see this test's javadoc)");
  }

  @Test
  void theStoredVersionIsIcusUnicodeVersion() {
    assertEquals(UCharacter.getUnicodeVersion().toString(), UnicodeData.UNICODE_VERSION);
  }

  /** The file's bytes, made from ICU4J, in the layout {@link UnicodeData.Definitions#RESOURCE} describes. */
  static byte[] fromIcu() throws IOException {
    Normalizer2 nfc = Normalizer2.getNFCInstance();
    Normalizer2 nfd = Normalizer2.getNFDInstance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF(UnicodeData.Definitions.FORMAT);
    out.writeUTF(UCharacter.getUnicodeVersion().toString());
    for (String pattern : UnicodeData.Definitions.SET_PATTERNS) {
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
    ByteArrayOutputStream decompositions = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(decompositions);
    int count = 0;
    for (int c = 0; c < 0x10000; c++) {
      boolean hangul = c >= UnicodeData.Definitions.HANGUL_FIRST && c <= UnicodeData.Definitions.HANGUL_LAST;
      String s = Character.isSurrogate((char) c) || hangul ? null : nfd.getDecomposition(c);
      if (s != null) {
        d.writeChar(c);
        d.writeByte(s.length());
        d.writeChars(s);
        count++;
      }
    }
    out.writeInt(count);
    decompositions.writeTo(out);
    Normalizer2 nfkd = Normalizer2.getNFKDInstance();
    UnicodeSet forms = new UnicodeSet(UnicodeData.Definitions.PRESENTATION_FORMS);
    ByteArrayOutputStream formBytes = new ByteArrayOutputStream();
    DataOutputStream f = new DataOutputStream(formBytes);
    count = 0;
    for (UnicodeSet.EntryRange r : forms.ranges()) {
      for (int c = r.codepoint; c <= r.codepointEnd; c++) {
        String s = nfkd.getDecomposition(c);
        if (s != null) {
          f.writeChar(c);
          f.writeByte(s.length());
          f.writeChars(s);
          count++;
        }
      }
    }
    out.writeInt(count);
    formBytes.writeTo(out);
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeRuns(DataOutputStream out, byte[] table, byte usual) throws IOException {
    ByteArrayOutputStream runs = new ByteArrayOutputStream();
    DataOutputStream r = new DataOutputStream(runs);
    int count = 0;
    for (int c = 0; c < table.length; ) {
      int end = c;
      while (end + 1 < table.length && table[end + 1] == table[c]) {
        end++;
      }
      if (table[c] != usual) {
        r.writeChar(c);
        r.writeChar(end);
        r.writeByte(table[c]);
        count++;
      }
      c = end + 1;
    }
    out.writeByte(usual);
    out.writeInt(count);
    runs.writeTo(out);
  }
}
