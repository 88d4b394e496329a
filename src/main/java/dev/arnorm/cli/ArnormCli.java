package dev.arnorm.cli;

import dev.arnorm.ArabicNormalizer;
import dev.arnorm.Lexicon;
import dev.arnorm.MalformedUtf8Exception;
import dev.arnorm.NormalizationStats;
import dev.arnorm.Preset;
import dev.arnorm.Step;
import dev.arnorm.Utf8Reader;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code arnorm} command: normalizes Arabic text files or standard input.
 *
 * <p>The options are declared with picocli's programmatic API ({@link #commandSpec}), not its annotations:
 * reading annotations makes the JDK spin a proxy class for each annotation type, and in a JVM that has just
 * started that took about half of picocli's start (74 ms against 38 for the same command, docs/performance.md),
 * on the path every run waits for.
 */
public final class ArnormCli implements Callable<Integer> {
  static final int OK = 0;
  static final int WOULD_CHANGE = 1;
  static final int USAGE = 2;
  static final int INPUT_ERROR = 3;
  static final int OUTPUT_ERROR = 4;
  static final int INTERNAL_ERROR = 5;

  /** What to do with bytes that are not UTF-8. */
  enum Malformed { strict, replace }

  // The options' values, read from the parse result when the command runs (readOptions).
  String preset;
  String steps;
  Path lexicon;
  boolean inPlace;
  String output;
  boolean check;
  boolean diff;
  boolean stats;
  boolean list;
  boolean demo;
  boolean debug;
  /**
   * The default comes from the system property {@code arnorm.threads}: a number, or {@code all} for the
   * available processors, which {@code bin/arnorm} passes. Without it, the processors less one. Measured on
   * 2 vCPUs (docs/performance.md): under C1 alone (the launcher) a second thread was even on 88 MB of real
   * news and 1.3 to 1.5x faster on 352 MB; under C2 (the JVM's default, {@code java -jar}) it lost, C2
   * needing that core to compile (light on 352 MB: 2.4 s with one thread, 3.0-3.3 with two).
   */
  int threads;
  /** Given on the command line, not the default. */
  boolean threadsGiven;
  Boolean progress;
  Malformed malformed;
  List<String> files;

  /** The command this runs in (its parse result, its output writer). */
  private CommandLine commandLine;

  /** The command's options and parameters, in the order {@code --help} lists them, bound to {@code cli}. */
  static CommandSpec commandSpec(ArnormCli cli) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(cli).name("arnorm").versionProvider(new Version());
    spec.usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "Normalizes Arabic text: repairs web residue (HTML entities and their debris, presentation forms,",
            "invisible bidi marks, odd spaces, tatweel) and, with the search preset, folds letters and removes",
            "diacritics for indexing.",
            "Reads the FILEs in order, or standard input, and writes UTF-8 to standard output.",
            "Line breaks (LF, CRLF, no final newline) are kept byte for byte. Streams in bounded memory.",
            "")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodes())
        .footerHeading("%nExamples:%n")
        .footer(
            "  arnorm                              demo on a bundled news article (at a terminal)",
            "  arnorm page.txt > clean.txt         lossless repair (preset light)",
            "  arnorm --preset search corpus.txt   fold for indexing",
            "  arnorm --steps diacritics,alef -    just these steps, on standard input",
            "  arnorm -p social --lexicon my.tsv   fix spelling with your own entries too",
            "  arnorm --check --diff *.txt         show what would change; exit 1 if anything would",
            "  arnorm --in-place --stats *.txt     rewrite files atomically, count changes per step",
            "  arnorm --list                       list steps and presets");
    spec.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("0..*")
        .type(List.class).auxiliaryTypes(String.class)
        .description("input files; - is standard input").build());
    spec.addOption(valued("NAME", String.class, "light (default), search, social or lucene; see --list",
        "-p", "--preset"));
    spec.addOption(valued("ID,ID,...", String.class, "apply exactly these steps, in this order, instead of a preset",
        "-s", "--steps"));
    spec.addOption(valued("FILE", Path.class,
        "add your own spelling entries (format: docs/lexicon.md) to the built-in lexicon", "--lexicon"));
    spec.addOption(flag("rewrite each FILE (via a temporary file and a rename; on any error the original is"
        + " untouched)", "-i", "--in-place"));
    spec.addOption(valued("FILE", String.class, "write to FILE instead of standard output (- is standard output; a"
        + " device or FIFO is written straight)", "-o", "--output"));
    spec.addOption(flag("write nothing; exit 1 if any input would change (names it on stderr)", "-c", "--check"));
    spec.addOption(flag("show what changes, line by line (- before, + after, changed part in [[ ]]), instead of"
        + " the text; holds one line at a time", "-d", "--diff"));
    spec.addOption(flag("print on stderr how many characters each step changed", "--stats"));
    spec.addOption(flag("list the steps with their safety class, and the presets", "-l", "--list"));
    spec.addOption(flag("normalize the bundled sample news article and show what changed", "--demo"));
    spec.addOption(flag("on an internal error, print the stack trace", "--debug"));
    spec.addOption(OptionSpec.builder("--threads").paramLabel("N").type(int.class)
        .defaultValue(String.valueOf(defaultThreads()))
        .description("normalize files of 8 MiB or more (named, or redirected with <) in blocks of lines on N"
            + " threads, and --in-place files N at a time; the output is byte for byte what one thread writes;"
            + " a pipe streams line by line on one thread (default: ${DEFAULT-VALUE} here: bin/arnorm uses the"
            + " processors, java -jar the processors less one)").build());
    spec.addOption(OptionSpec.builder("--progress").type(Boolean.class).negatable(true)
        .description("progress on stderr: bytes, MB/s, %% done (default: when stderr is a terminal and the job"
            + " takes over a second)").build());
    spec.addOption(OptionSpec.builder("--malformed").paramLabel("strict|replace").type(Malformed.class)
        .description("bytes that are not UTF-8: strict (default) stops the file with an error naming the byte"
            + " offset; replace puts U+FFFD in their place, counts them and reports the count").build());
    // What picocli's mixinStandardHelpOptions adds, with its words: that mixin is read from annotations.
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  private static OptionSpec valued(String label, Class<?> type, String description, String... names) {
    return OptionSpec.builder(names).paramLabel(label).type(type).description(description).build();
  }

  private static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).description(description).build();
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done");
    codes.put("1", "--check found text that would change");
    codes.put("2", "usage error (unknown option, step or preset)");
    codes.put("3", "input error (unreadable file, malformed UTF-8); the other files are still done");
    codes.put("4", "output error (the output could not be written: disk full, closed output)");
    codes.put("5", "internal error (a bug: please report it; --debug shows the trace)");
    codes.put("", "A reader that closes the pipe (| head) ends the run at once, quietly, with 0.");
    return codes;
  }

  /** See {@link #threads}. */
  private static int defaultThreads() {
    return Threads.byDefault(System.getProperty("arnorm.threads"), Runtime.getRuntime().availableProcessors());
  }

  /** Sets the options' fields from what picocli parsed. */
  private void readOptions(ParseResult r) {
    preset = r.matchedOptionValue("--preset", null);
    steps = r.matchedOptionValue("--steps", null);
    lexicon = r.matchedOptionValue("--lexicon", null);
    inPlace = r.matchedOptionValue("--in-place", false);
    output = r.matchedOptionValue("--output", null);
    check = r.matchedOptionValue("--check", false);
    diff = r.matchedOptionValue("--diff", false);
    stats = r.matchedOptionValue("--stats", false);
    list = r.matchedOptionValue("--list", false);
    demo = r.matchedOptionValue("--demo", false);
    debug = r.matchedOptionValue("--debug", false);
    threadsGiven = r.hasMatchedOption("--threads");
    threads = r.matchedOptionValue("--threads", defaultThreads());
    progress = r.matchedOptionValue("--progress", null);
    malformed = r.matchedOptionValue("--malformed", Malformed.strict);
    files = r.matchedPositionalValue(0, List.of());
  }

  private final InputStream stdin;
  private final Output stdout;
  /** Standard input is a terminal (whatever standard output is). */
  private boolean stdinTerminal;
  private final PrintWriter err;
  private final boolean interactive;

  ArnormCli(InputStream stdin, Output stdout, PrintWriter err, boolean interactive) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.err = err;
    this.interactive = interactive;
  }

  /** Runs the command with the process's streams and exits with its code. */
  public static void main(String[] args) {
    warmUp(args);
    if (System.getProperty("picocli.converters.excludes") == null) {
      // picocli registers its converters for java.time and java.sql types by reflection, which loads and
      // initializes those classes: 6 ms of the start, for types no option here has.
      System.setProperty("picocli.converters.excludes", "java.time.*,java.sql.*");
    }
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // The standard output itself, not System.out: a PrintStream swallows write errors (a full disk, a
    // closed descriptor), which must end the run with exit code 4.
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    stderrTerminal = isTerminal(2);
    Threads.stdinFileSize = Threads.regularFileSize(0);
    int code = run(args, System.in, out, err, System.console() != null, isTerminal(0));
    err.flush();
    System.exit(code);
  }

  /**
   * Builds the normalizer the command line most likely names on a second thread while picocli parses it:
   * the Unicode tables, the rules and the pipeline's table are then built beside picocli's own start. A
   * head start only, never the parsing: {@link #likelyNormalizer} glances at the arguments for a preset or
   * steps, and anything it cannot read gives {@code light}; the main thread then builds, or waits for, the
   * normalizer the options name (class initialization and the engine's lazy build are thread-safe). The
   * word-lookup steps' rules (tens of milliseconds each at start) are built on a third thread, beside
   * the rest of the pipeline: picocli is done long before the engine, which leaves a core to them.
   */
  private static void warmUp(String[] args) {
    Thread t = new Thread(() -> {
      try {
        ArabicNormalizer likely = likelyNormalizer(args);
        if (likely.steps().contains(Step.ORTHOGRAPHY) || likely.steps().contains(Step.SPELLING)) {
          daemon("arnorm-warm-up-words", () -> buildWordLookups(likely)).start();
        }
        likely.isNormalized("");
      } catch (RuntimeException e) {
        // A bad preset or step: the command reports it once picocli has parsed the arguments.
      }
    });
    daemon("arnorm-warm-up", t).start();
  }

  private static Thread daemon(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Builds the word-lookup steps' rules of {@code n}, orthography (the slower) first ({@link Step#preload}):
   * the rules are shared with the engine, which meanwhile builds the rest of the pipeline (and takes a rule
   * this thread has not reached yet itself).
   */
  private static void buildWordLookups(ArabicNormalizer n) {
    for (Step s : new Step[] {Step.ORTHOGRAPHY, Step.SPELLING}) {
      if (n.steps().contains(s)) {
        s.preload();
      }
    }
  }

  /**
   * The normalizer {@code args} seem to name (the last {@code -p}/{@code --preset} or {@code -s}/{@code
   * --steps}, in any of picocli's spellings), or {@code light}.
   *
   * @throws IllegalArgumentException for a name that is no preset or step
   */
  static ArabicNormalizer likelyNormalizer(String[] args) {
    ArabicNormalizer n = ArabicNormalizer.LIGHT;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      String preset = valueOf(args, i, "-p", "--preset");
      String steps = valueOf(args, i, "-s", "--steps");
      if (preset != null) {
        n = Preset.forId(preset).normalizer();
      } else if (steps != null) {
        n = ArabicNormalizer.parse(steps);
      }
    }
    return n;
  }

  /** The value of option {@code shortName}/{@code longName} if {@code args[i]} gives it ({@code -pX}, {@code -p X}, {@code --preset=X}, {@code --preset X}). */
  private static String valueOf(String[] args, int i, String shortName, String longName) {
    String a = args[i];
    if (a.equals(shortName) || a.equals(longName)) {
      return i + 1 < args.length ? args[i + 1] : null;
    }
    if (a.startsWith(longName + "=")) {
      return a.substring(longName.length() + 1);
    }
    if (a.startsWith(shortName) && a.length() > shortName.length() && !a.startsWith("--")) {
      String v = a.substring(shortName.length());
      return v.startsWith("=") ? v.substring(1) : v;
    }
    return null;
  }

  /** The error stream is a terminal: progress is shown there by default on long jobs. */
  private static boolean stderrTerminal;

  /**
   * True when the descriptor {@code fd} is a terminal (Linux: it links to a tty). {@code System.console()}
   * answers only for standard input and output at once. {@code java.io.File}, not {@code java.nio.file}: this
   * runs at start, where the first use of NIO's file system took about 3 ms, and this 0.2.
   */
  private static boolean isTerminal(int fd) {
    try {
      String target = new File("/proc/self/fd/" + fd).getCanonicalPath(); // a pipe's link does not resolve
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** Runs the command; returns the exit code. Never calls {@code System.exit}. */
  static int run(String[] args, InputStream in, OutputStream out, PrintWriter err, boolean interactive) {
    return run(args, in, out, err, interactive, interactive);
  }

  /**
   * As {@link #run(String[], InputStream, OutputStream, PrintWriter, boolean)}, knowing whether standard input
   * alone is a terminal: reading it then, the command says so on the error stream.
   */
  static int run(String[] args, InputStream in, OutputStream out, PrintWriter err, boolean interactive,
      boolean stdinTerminal) {
    Output stdout = new Output(out, "standard output");
    ArnormCli cli = new ArnormCli(in, stdout, err, interactive);
    cli.stdinTerminal = stdinTerminal;
    CommandLine cmd = new CommandLine(commandSpec(cli));
    cli.commandLine = cmd;
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    cmd.setOut(outWriter);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler((ex, a) -> {
      err.println("arnorm: " + ex.getMessage());
      err.println("Try 'arnorm --help' for usage.");
      return USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, p) -> {
      if (Output.closedByReader(ex)) {
        return OK; // the reader closed the pipe (| head): stop at once, quietly
      }
      if (ex instanceof Output.Failure) {
        err.println("arnorm: cannot write to " + ((Output.Failure) ex).output + ": " + ex.getMessage());
        return OUTPUT_ERROR;
      }
      err.println("arnorm: internal error (a bug; please report it with the command and input): " + ex);
      if (cli.debug) {
        ex.printStackTrace(err);
      } else {
        err.println("arnorm: run again with --debug for the stack trace");
      }
      return INTERNAL_ERROR;
    });
    int code = cmd.execute(args);
    try {
      outWriter.flush();
      stdout.flush();
    } catch (RuntimeException e) {
      if (Output.closedByReader(e)) {
        return code;
      }
      err.println("arnorm: cannot write to standard output: " + e.getMessage());
      return code == OK || code == WOULD_CHANGE ? OUTPUT_ERROR : code;
    }
    return code;
  }

  @Override
  public Integer call() {
    readOptions(commandLine.getParseResult());
    if (list) {
      printList();
      return OK;
    }
    ArabicNormalizer normalizer;
    try {
      normalizer = normalizer();
      checkCombinations();
    } catch (IllegalArgumentException e) {
      err.println("arnorm: " + e.getMessage());
      err.println("Try 'arnorm --help' for usage.");
      return USAGE;
    } catch (InputError e) {
      err.println("arnorm: " + e.getMessage());
      return INPUT_ERROR;
    }
    if (demo || (files.isEmpty() && interactive && !inPlace && output == null && !check)) {
      return new Demo(normalizer, stdout, err).run();
    }
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    if (stdinTerminal && inputs.contains("-")) {
      // `arnorm | head` at a terminal: without this it would wait for the keyboard, silently.
      err.println("arnorm: reading standard input from the terminal (end with Ctrl-D; 'arnorm --demo' for a demo)");
    }
    NormalizationStats tally = stats ? new NormalizationStats() : null;
    boolean showProgress = progress != null ? progress : stderrTerminal;
    meter = showProgress ? new Progress(err, totalSize(inputs)) : null;
    try {
      int code;
      if (inPlace) {
        code = inPlace(normalizer, inputs, tally);
      } else if (diff) {
        int[] c = {OK};
        toOutput(w -> c[0] = checkOrDiff(normalizer, inputs, tally, w)); // the diff goes where -o says
        code = c[0];
      } else if (check) {
        code = checkOrDiff(normalizer, inputs, tally, stdout);
      } else {
        code = stream(normalizer, inputs, tally);
      }
      if (meter != null) {
        meter.finish(Boolean.TRUE.equals(progress));
      }
      if (tally != null) {
        printStats(normalizer, tally);
      }
      return code;
    } catch (InputError e) {
      err.println("arnorm: " + e.getMessage());
      return INPUT_ERROR;
    }
  }

  private ArabicNormalizer normalizer() throws InputError {
    if (preset != null && steps != null) {
      throw new IllegalArgumentException("--preset and --steps cannot be used together");
    }
    ArabicNormalizer n = steps != null ? ArabicNormalizer.parse(steps)
        : preset == null ? ArabicNormalizer.LIGHT : Preset.forId(preset).normalizer();
    if (lexicon == null) {
      return n;
    }
    if (!n.steps().contains(Step.SPELLING)) {
      throw new IllegalArgumentException("--lexicon needs the spelling step (--preset social, or --steps with"
          + " spelling); steps: " + n);
    }
    Lexicon user;
    try {
      user = Lexicon.load(lexicon);
    } catch (IOException e) {
      throw new InputError(lexicon + ": " + describe(e));
    }
    return ArabicNormalizer.builder().add(n.steps().toArray(new Step[0])).lexicon(user).build();
  }

  private void checkCombinations() {
    String property = System.getProperty("arnorm.threads");
    if (!threadsGiven && !Threads.isValid(property)) {
      throw new IllegalArgumentException("the system property arnorm.threads (the default of --threads) needs a"
          + " number of threads from 1 to " + Threads.MAX + ", or 'all', not '" + property + "'");
    }
    if (threads < 1 || threads > Threads.MAX) {
      throw new IllegalArgumentException("--threads needs a number of threads from 1 to " + Threads.MAX + ", not "
          + threads);
    }
    if (output != null && output.isEmpty()) {
      throw new IllegalArgumentException("--output needs a file name (- is standard output)");
    }
    if (inPlace && output != null) {
      throw new IllegalArgumentException("--in-place and --output cannot be used together");
    }
    if (inPlace && (files.isEmpty() || files.contains("-"))) {
      throw new IllegalArgumentException("--in-place needs FILE arguments (not standard input)");
    }
    if (inPlace && (check || diff)) {
      throw new IllegalArgumentException("--in-place cannot be combined with --check or --diff");
    }
  }

  /**
   * One input's work; an {@link InputError} names that input. It returns what is to be said on the error
   * stream once it is done (null for nothing), so that inputs done at once are reported in their order.
   */
  interface PerInput {
    String run(String name) throws InputError;
  }

  /**
   * Runs {@code action} on every input in order. Like {@code cat}, an input that fails is named on the
   * error stream and the others are still done; the result is then {@link #INPUT_ERROR}.
   */
  private int eachInput(List<String> inputs, PerInput action) {
    int code = OK;
    for (String name : inputs) {
      try {
        String notice = action.run(name);
        if (notice != null) {
          err.println(notice);
        }
      } catch (InputError e) {
        err.println("arnorm: " + e.getMessage());
        code = INPUT_ERROR;
      }
    }
    return code;
  }

  /** Progress of the current run, or null when not shown. */
  private Progress meter;

  private InputStream counted(InputStream in) {
    return meter == null ? in : meter.count(in);
  }

  /** The bytes of all inputs when they are all regular files, else -1. */
  private static long totalSize(List<String> inputs) {
    long total = 0;
    for (String name : inputs) {
      Path p = Path.of(name);
      if (name.equals("-") || !Files.isRegularFile(p)) {
        return -1;
      }
      try {
        total += Files.size(p);
      } catch (IOException e) {
        return -1;
      }
    }
    return total;
  }

  /** The normal mode: every input, streamed in order, to one output. */
  private int stream(ArabicNormalizer n, List<String> inputs, NormalizationStats tally) throws InputError {
    int[] code = {OK};
    toOutput(w -> code[0] = eachInput(inputs, name -> normalizeInput(n, name, w, tally, threads)));
    return code[0];
  }

  /**
   * Normalizes one input to {@code out}: on its UTF-8 bytes, or, to count changes for {@code --stats},
   * through the chars.
   */
  /** Returns the notice of replaced malformed sequences ({@code --malformed replace}), or null. */
  private String normalizeInput(ArabicNormalizer n, String name, OutputStream out, NormalizationStats tally,
      int threads) throws InputError {
    // A failure to write comes as Output.Failure, unchecked: it is never taken for an input error.
    try (InputStream in = counted(openBytes(name))) {
      if (malformed == Malformed.replace) {
        LenientUtf8Reader r = new LenientUtf8Reader(in);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        n.normalize(r, w, tally);
        w.flush(); // not closed: out goes on to the next input
        if (r.replaced() > 0) {
          return "arnorm: " + display(name) + ": " + r.replaced() + " malformed UTF-8 sequence"
              + (r.replaced() == 1 ? "" : "s") + " replaced with U+FFFD";
        }
      } else if (tally == null && threads > 1 && Threads.worthBlocks(name)) {
        Threads.inBlocks(n, in, out, threads);
      } else if (tally == null) {
        n.normalize(in, out);
      } else {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        n.normalize(new Utf8Reader(in), w, tally);
        w.flush(); // not closed: out goes on to the next input
      }
    } catch (MalformedUtf8Exception e) {
      throw new InputError(display(name) + ": malformed UTF-8 at byte offset " + e.offset());
    } catch (IOException e) {
      throw new InputError(display(name) + ": " + describe(e));
    }
    return null;
  }

  /**
   * Rewrites each file. With several threads and several files (and no {@code --stats}, whose tally is one),
   * the files are done that many at a time, each on one thread; what is said of them comes in their order.
   */
  private int inPlace(ArabicNormalizer n, List<String> inputs, NormalizationStats tally) {
    boolean filesAtOnce = threads > 1 && inputs.size() > 1 && tally == null;
    PerInput rewrite = name -> {
      Path p = Path.of(name);
      if (!Files.isRegularFile(p)) {
        throw new InputError(name + ": " + (Files.exists(p) ? "not a regular file" : "no such file"));
      }
      String[] notice = {null};
      AtomicFile.write(p, w -> notice[0] = normalizeInput(n, name, w, tally, filesAtOnce ? 1 : threads));
      return notice[0];
    };
    return filesAtOnce ? Threads.eachAtOnce(inputs, threads, rewrite, err) : eachInput(inputs, rewrite);
  }

  /**
   * Where the output goes: standard output ({@code -o -} or none); a file that is not a regular file
   * (a device, a FIFO, {@code /dev/stdout}) written straight, as a shell redirection would; or a regular
   * file written atomically.
   */
  private int toOutput(AtomicFile.WriteAction action) throws InputError {
    if (output == null || output.equals("-")) {
      action.writeTo(stdout);
      stdout.flush();
      return OK;
    }
    Path p = Path.of(output);
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      if (Files.isDirectory(p)) {
        throw new InputError(output + ": is a directory");
      }
      try (OutputStream w = new BufferedOutputStream(new Output(
          Files.newOutputStream(p, StandardOpenOption.WRITE), output), 1 << 16)) {
        action.writeTo(w);
      } catch (IOException e) {
        throw new Output.Failure(output, e);
      }
      return OK;
    }
    return AtomicFile.write(p, action);
  }

  /**
   * --check and --diff. --check alone streams (bounded memory); --diff reads line by line, so that changes
   * can be shown with their line numbers, and holds one line at a time (a line of hundreds of megabytes
   * needs that much memory, three times over: the line, its normalized form, the marked diff).
   */
  private int checkOrDiff(ArabicNormalizer n, List<String> inputs, NormalizationStats tally, OutputStream target) {
    boolean[] changed = {false};
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16));
    DiffPrinter printer = new DiffPrinter(out, interactive);
    int code = eachInput(inputs, name -> {
      long changedLines = 0;
      if (!diff) {
        changedLines = changedLines(n, name, tally);
      } else try (Reader r = open(name)) {
        LineReader lines = new LineReader(r);
        String line;
        long number = 0;
        while ((line = lines.next()) != null) {
          number++;
          String after = tally == null ? n.normalize(line) : n.normalize(line, tally);
          if (!after.equals(line)) {
            changedLines++;
            if (diff) {
              printer.print(display(name), number, line, after);
            }
          }
        }
      } catch (MalformedUtf8Exception e) {
        out.flush();
        throw new InputError(display(name) + ": malformed UTF-8 at byte offset " + e.offset());
      } catch (IOException e) {
        out.flush();
        throw new InputError(display(name) + ": " + describe(e));
      }
      if (changedLines > 0) {
        changed[0] = true;
        if (check) {
          err.println("would change: " + display(name) + " (" + changedLines + " line"
              + (changedLines == 1 ? "" : "s") + ")");
        }
      }
      return null;
    });
    out.flush();
    return code != OK ? code : check && changed[0] ? WOULD_CHANGE : OK;
  }

  /**
   * {@code --check} alone: the lines of {@code name} that would change, counted while the text streams
   * through the normalizer, in bounded memory whatever the line length ({@link ChangedLines}).
   */
  private long changedLines(ArabicNormalizer n, String name, NormalizationStats tally) throws InputError {
    ChangedLines lines = new ChangedLines();
    try (InputStream in = counted(openBytes(name))) {
      if (tally == null) {
        n.normalize(lines.input(in), lines.output());
      } else {
        Writer w = new BufferedWriter(new OutputStreamWriter(lines.output(), StandardCharsets.UTF_8), 1 << 16);
        n.normalize(new Utf8Reader(lines.input(in)), w, tally);
        w.flush();
      }
    } catch (MalformedUtf8Exception e) {
      throw new InputError(display(name) + ": malformed UTF-8 at byte offset " + e.offset());
    } catch (IOException e) {
      throw new InputError(display(name) + ": " + describe(e));
    }
    return lines.finish();
  }

  private Reader open(String name) throws IOException {
    return new Utf8Reader(counted(openBytes(name)));
  }

  private InputStream openBytes(String name) throws IOException {
    if (name.equals("-")) {
      return new NonClosingInputStream(stdin);
    }
    return Files.newInputStream(Path.of(name));
  }

  private static String display(String name) {
    return name.equals("-") ? "<stdin>" : name;
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    if (m != null && m.contains("Is a directory")) {
      return "is a directory";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private void printStats(ArabicNormalizer n, NormalizationStats tally) {
    err.println("characters changed, by step:");
    n.steps().stream().distinct().forEach(s -> {
      err.printf("  %-20s %,d%n", s.id(), tally.changed(s));
      tally.details(s).forEach((what, count) -> err.printf("    %-18s %,d%n", what, count));
    });
    err.flush();
  }

  private void printList() {
    PrintWriter out = commandLine.getOut();
    out.println("Steps (id, safety class):");
    for (Step s : Step.values()) {
      out.printf("  %-20s %s%n", s.id(), s.safety().id());
    }
    out.println();
    out.println("Presets (applied in this order):");
    for (Preset p : Preset.values()) {
      out.printf("  %-8s %s%s%n", p.id(), p.normalizer(), p == Preset.LIGHT ? "   (default)" : "");
    }
    out.flush();
  }

  /** A user error: reported in one line, exit code 3. */
  static final class InputError extends Exception {
    InputError(String message) {
      super(message, null, false, false);
    }
  }

  /** Reports the build's version (the POM's), and the ICU4J and lexicon versions it runs with. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "arnorm " + buildVersion(),
        "ICU4J " + com.ibm.icu.util.VersionInfo.ICU_VERSION + " (Unicode " + com.ibm.icu.lang.UCharacter
            .getUnicodeVersion() + ")",
        "spelling lexicon " + Lexicon.builtIn().version()
      };
    }

    static String buildVersion() {
      java.util.Properties p = new java.util.Properties();
      try (InputStream in = ArnormCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // No version file: reported as unknown below.
      }
      String v = p.getProperty("version", "");
      return v.isEmpty() || v.startsWith("${") ? "(unknown version)" : v;
    }
  }
}
