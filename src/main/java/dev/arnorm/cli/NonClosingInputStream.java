package dev.arnorm.cli;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Standard input is read by several readers in turn ({@code -} twice); none of them may close it. */
final class NonClosingInputStream extends FilterInputStream {
  NonClosingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public void close() {}
}
