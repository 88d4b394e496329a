package dev.arnorm.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The streaming Lucene equivalent of the CLI: each line, token by token through ArabicNormalizer. */
public final class LuceneStream {
  private LuceneStream() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    String line;
    while ((line = in.readLine()) != null) {
      out.write(Alternatives.luceneTokens(line));
      out.write('\n');
    }
    out.flush();
  }
}
