package dev.arnorm.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The CLI's output: passes writes on, and turns a failure to write (a full disk, a closed descriptor, a
 * reader that closed the pipe) into {@link Failure}, which no input-error handler catches, so that the run
 * ends with exit code 4, naming the output, and not with an error blamed on the input being read.
 */
final class Output extends OutputStream {
  private final OutputStream out;
  private final String name;

  Output(OutputStream out, String name) {
    this.out = out;
    this.name = name;
  }

  /** A write to {@link #output} failed; the message is the system's. */
  static final class Failure extends RuntimeException {
    final String output;

    Failure(String output, IOException cause) {
      super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
      this.output = output;
    }
  }

  /**
   * True for a failure that only means the reader went away ({@code | head}): a broken pipe. The run then
   * stops at once and quietly, as {@code cat} does.
   */
  static boolean closedByReader(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void write(int b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new Failure(name, e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw new Failure(name, e);
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new Failure(name, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new Failure(name, e);
    }
  }
}
