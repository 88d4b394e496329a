package dev.arnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** --malformed=replace reads what the JDK's replacing decoder reads, for any bytes and any read size. */
class LenientUtf8ReaderTest {
  @Property(tries = 3000)
  void readsAsTheJdkReplacingDecoderDoes(@ForAll @Size(max = 300) byte[] bytes,
      @ForAll @IntRange(min = 1, max = 9) int chunk) throws IOException {
    LenientUtf8Reader r = new LenientUtf8Reader(new ByteArrayInputStream(bytes));
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk];
    int n;
    while ((n = r.read(buf, 0, chunk)) >= 0) {
      sb.append(buf, 0, n);
    }
    assertEquals(new String(bytes, StandardCharsets.UTF_8), sb.toString());
  }
}
