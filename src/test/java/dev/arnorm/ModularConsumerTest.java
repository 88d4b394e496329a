package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer that is itself a named module: it requires {@code dev.arnorm} (target/classes, with its
 * module-info) and ICU4J on the module path, and it sees the API package and nothing else.
 */
class ModularConsumerTest {
  private static final Path CLASSES = Path.of("target", "classes");

  @TempDir
  Path dir;

  private static String icu4j() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> p.contains("icu4j")).findFirst().orElseThrow();
  }

  /** Compiles the module {@code consumer} made of {@code main}; returns the compiler's messages, or null. */
  private String compile(String main, Path out) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), "module consumer { requires dev.arnorm; }\n");
    Files.writeString(src.resolve("consumer/Main.java"), main);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    boolean ok = javac.getTask(new PrintWriter(messages), null, null,
        List.of("-d", out.toString(), "--module-path", CLASSES + File.pathSeparator + icu4j()), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(
            src.resolve("module-info.java"), src.resolve("consumer/Main.java"))).call();
    return ok ? null : messages.toString();
  }

  @Test
  void aNamedModuleUsesTheApiOnTheModulePath() throws Exception {
    Path out = dir.resolve("out");
    String errors = compile("package consumer;\n"
        + "public class Main {\n"
        + "  public static void main(String[] a) {\n"
        + "    System.out.print(dev.arnorm.ArabicNormalizer.SEARCH.normalize(\"\\u0623\\u062D\\u0645\\u062F\"));\n"
        + "  }\n"
        + "}\n", out);
    assertEquals(null, errors);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", CLASSES + File.pathSeparator + icu4j() + File.pathSeparator + out,
        "-m", "consumer/consumer.Main").redirectErrorStream(true).start();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.getInputStream().transferTo(bytes);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals("\u0627\u062D\u0645\u062F", bytes.toString(StandardCharsets.UTF_8)); // أحمد folds to احمد
    assertEquals(0, p.exitValue());
  }

  @Test
  void theCommandLinePackageIsNotExported() throws Exception {
    String errors = compile("package consumer;\n"
        + "public class Main {\n"
        + "  Class<?> c = dev.arnorm.cli.ArnormCli.class;\n"
        + "}\n", dir.resolve("out"));
    assertTrue(errors != null && errors.contains("package dev.arnorm.cli is not visible"), errors);
  }
}
