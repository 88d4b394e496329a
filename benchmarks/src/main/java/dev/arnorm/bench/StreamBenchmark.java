package dev.arnorm.bench;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.Utf8Reader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the CLI does, without the JVM start: UTF-8 bytes of the same ~1 MB texts in, UTF-8 bytes out, to a
 * stream that only counts them. arnorm on the bytes ({@code normalize(InputStream, OutputStream)}) and
 * through chars ({@code normalize(Reader, Writer)}, the CLI's path before), against the streaming
 * alternatives of {@code cli-bench.sh}: Lucene per token, line by line, and the floor, a UTF-8 decode and
 * encode copy. Time per 1 MB pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StreamBenchmark {
  @Param({"elaph", "wikinews-plain", "wikinews-vocalized", "ud", "web-residue"})
  public String corpus;

  private byte[] utf8;

  @Setup
  public void setUp() {
    utf8 = Inputs.corpus(corpus).getBytes(StandardCharsets.UTF_8);
  }

  /** Counts what it is given; the count is returned so that the work cannot be dropped. */
  static final class Sink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len > 0 ? len + b[off + len - 1] : 0;
    }
  }

  private long bytes(ArabicNormalizer n) throws IOException {
    Sink out = new Sink();
    n.normalize(new ByteArrayInputStream(utf8), out);
    return out.count;
  }

  /** The input through the JDK's UTF-8 decoder, as the alternatives read it. */
  private BufferedReader jdkReader() {
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8),
        1 << 16);
  }

  /** The JDK's UTF-8 encoder to {@code out}, buffered as the CLI's was. */
  private static Writer jdkWriter(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private long chars(ArabicNormalizer n) throws IOException {
    Sink out = new Sink();
    Writer w = jdkWriter(out);
    n.normalize(new Utf8Reader(new ByteArrayInputStream(utf8)), w);
    w.flush();
    return out.count;
  }

  @Benchmark
  public long arnormLightBytes() throws IOException {
    return bytes(ArabicNormalizer.LIGHT);
  }

  @Benchmark
  public long arnormSearchBytes() throws IOException {
    return bytes(ArabicNormalizer.SEARCH);
  }

  @Benchmark
  public long arnormSocialBytes() throws IOException {
    return bytes(ArabicNormalizer.SOCIAL);
  }

  /** The processors' worth of threads for the parallel rows (a fixed pool, made once). */
  private static final int THREADS = Runtime.getRuntime().availableProcessors();
  private static final java.util.concurrent.ExecutorService POOL =
      java.util.concurrent.Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "bench-block");
        t.setDaemon(true);
        return t;
      });

  /** {@code normalize(in, out, executor, parallelism)} on the processors: the CLI's {@code --threads}. */
  private long bytesOnThreads(ArabicNormalizer n) throws IOException {
    Sink out = new Sink();
    n.normalize(new ByteArrayInputStream(utf8), out, POOL, THREADS);
    return out.count;
  }

  @Benchmark
  public long arnormLightBytesThreads() throws IOException {
    return bytesOnThreads(ArabicNormalizer.LIGHT);
  }

  @Benchmark
  public long arnormSearchBytesThreads() throws IOException {
    return bytesOnThreads(ArabicNormalizer.SEARCH);
  }

  @Benchmark
  public long arnormLightChars() throws IOException {
    return chars(ArabicNormalizer.LIGHT);
  }

  @Benchmark
  public long arnormSearchChars() throws IOException {
    return chars(ArabicNormalizer.SEARCH);
  }

  @Benchmark
  public long luceneStream() throws IOException {
    Sink out = new Sink();
    BufferedReader in = jdkReader();
    Writer w = jdkWriter(out);
    String line;
    while ((line = in.readLine()) != null) {
      w.write(Alternatives.luceneTokens(line));
      w.write('\n');
    }
    w.flush();
    return out.count;
  }

  @Benchmark
  public long floorUtf8Copy() throws IOException {
    Sink out = new Sink();
    Reader in = jdkReader();
    Writer w = jdkWriter(out);
    char[] buf = new char[1 << 16];
    int n;
    while ((n = in.read(buf)) >= 0) {
      w.write(buf, 0, n);
    }
    w.flush();
    return out.count;
  }
}
