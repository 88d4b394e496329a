package dev.arnorm.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The floor of the CLI comparison: standard input decoded from UTF-8 and encoded back, nothing else. */
public final class Utf8Copy {
  private Utf8Copy() {}

  public static void main(String[] args) throws Exception {
    Reader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    char[] buf = new char[1 << 16];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
    }
    out.flush();
  }
}
