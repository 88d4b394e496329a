/**
 * arnorm: composable Arabic text normalizers.
 *
 * <p>The public API is the package {@code dev.arnorm}: {@link dev.arnorm.ArabicNormalizer} and its
 * {@link dev.arnorm.Step}s and {@link dev.arnorm.Preset}s. The command line tool ({@code dev.arnorm.cli})
 * is not exported; it is run from its own jar, and only it needs picocli (with {@code --add-modules
 * info.picocli} on the module path), which reads no annotations of it: nothing is opened to it. The Lucene
 * adapter ({@code dev.arnorm.lucene}) needs Lucene, which a user of the core never inherits.
 */
module dev.arnorm {
  requires com.ibm.icu;
  requires static info.picocli;
  requires static org.apache.lucene.core;

  exports dev.arnorm;
  // The Lucene adapter, usable when Lucene is there. It is not declared with `provides`: a service type
  // from a module that is only `requires static` fails the boot layer of every user without Lucene
  // (ModularConsumerTest). Found by name through META-INF/services on the class path, which is how Solr,
  // OpenSearch and Elasticsearch load analysis plugins; on the module path, name the factory's class.
  exports dev.arnorm.lucene;
}
