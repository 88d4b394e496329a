/**
 * arnorm: composable Arabic text normalizers.
 *
 * <p>The public API is the package {@code dev.arnorm}: {@link dev.arnorm.ArabicNormalizer} and its
 * {@link dev.arnorm.Step}s and {@link dev.arnorm.Preset}s. The command line tool ({@code dev.arnorm.cli})
 * is not exported; it is run from its own jar, and only it needs picocli.
 */
module dev.arnorm {
  requires com.ibm.icu;
  requires static info.picocli;

  exports dev.arnorm;

  // picocli reads the CLI's options by reflection when the tool runs on the module path.
  opens dev.arnorm.cli to info.picocli;
}
