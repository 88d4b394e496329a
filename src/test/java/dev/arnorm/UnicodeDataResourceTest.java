package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.VersionInfo;
import dev.arnorm.unicode.UnicodeData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Unicode tables the library reads at start-up ({@link UnicodeData.Definitions#RESOURCE}) are what the
 * ICU4J on the classpath gives today. After an ICU4J upgrade this fails; rewrite the file with
 * {@code mvn -B test -Dtest=UnicodeDataResourceTest -Darnorm.regenerate=true} and commit it.
 */
class UnicodeDataResourceTest {
  private static final Path SOURCE = Path.of("src/main/resources/dev/arnorm", UnicodeData.Definitions.RESOURCE);

  @Test
  void theStoredTablesAreWhatIcuGivesNow() throws IOException {
    byte[] expected = UnicodeData.Definitions.fromIcu();
    if (Boolean.getBoolean("arnorm.regenerate")) {
      Files.write(SOURCE, expected); // the copy on the test classpath is the old one until the next build
      return;
    }
    assertArrayEquals(expected, storedBytes(), "dev/arnorm/" + UnicodeData.Definitions.RESOURCE
        + " is out of date with ICU4J " + VersionInfo.ICU_VERSION + "; rewrite it with -Darnorm.regenerate=true"
        + " (see this test's javadoc)");
  }

  @Test
  void theStoredFileIsTakenWithTheRunningIcu() throws IOException {
    byte[] stored = storedBytes();
    assertArrayEquals(stored, UnicodeData.stored(new ByteArrayInputStream(stored), VersionInfo.ICU_VERSION.toString()));
    assertEquals(UCharacter.getUnicodeVersion().toString(), UnicodeData.UNICODE_VERSION);
  }

  @Test
  void aFileFromAnotherIcuVersionIsNotUsed() throws IOException {
    assertNull(UnicodeData.stored(new ByteArrayInputStream(storedBytes()), "75.1.0.0"));
  }

  @Test
  void aMissingOrCutFileIsNotUsed() throws IOException {
    assertNull(UnicodeData.stored(null, VersionInfo.ICU_VERSION.toString()));
    byte[] cut = Arrays.copyOf(storedBytes(), 10);
    assertNull(UnicodeData.stored(new ByteArrayInputStream(cut), VersionInfo.ICU_VERSION.toString()));
  }

  private static byte[] storedBytes() throws IOException {
    try (InputStream in = UnicodeData.class.getResourceAsStream("/dev/arnorm/" + UnicodeData.Definitions.RESOURCE)) {
      return in.readAllBytes();
    }
  }
}
