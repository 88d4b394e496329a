/**
 * The OpenSearch analysis plugin of arnorm: the {@code arnorm} char filter and token filter, made from
 * index settings by {@link dev.arnorm.opensearch.ArnormCharFilterFactory} and
 * {@link dev.arnorm.opensearch.ArnormTokenFilterFactory} over the Lucene adapter in {@code dev.arnorm.lucene}.
 */
package dev.arnorm.opensearch;
