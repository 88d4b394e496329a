package dev.arnorm.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.ArabicNormalizer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.Test;

/**
 * The char filter and its factory, through Lucene's own machinery: the SPI name, {@code CustomAnalyzer}
 * built as the issue and Solr build it, a real in-memory index storing offsets (whose writer checks them),
 * the classic query parser and the UnifiedHighlighter. Only APIs that Lucene 9 and 10 share.
 */
class ArnormCharFilterTest {
  /** Scraped text: entity residue, a ligature, tatweel, harakat, a bidi mark, presentation forms, NBSP. */
  private static final List<String> DOCS = List.of(
      "قال &quot;نحن&quot; هنا",
      "قال الرسول \uFDFA في الحديث",
      "جمـــيل جداً",
      "أَحْمَدُ ذهبَ إلى المدرسةِ",
      "كلمة\u200F\u00A0\u00A0أخرى",
      "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E بكم");

  private static Analyzer analyzer() throws IOException {
    return CustomAnalyzer.builder(new ClasspathResourceLoader(ArnormCharFilterTest.class))
        .addCharFilter("arnorm", "preset", "light").withTokenizer("standard")
        .addTokenFilter("arnorm", "preset", "search").build();
  }

  /** Each token with the source text its offsets point at: term=source. */
  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
      }
      ts.end();
      assertEquals(text.length(), offset.endOffset(), "the final offset is the source's length");
    }
    return out;
  }

  @Test
  void theFactoryIsFoundByItsSpiName() {
    assertTrue(CharFilterFactory.availableCharFilters().contains("arnorm"));
    assertTrue(CharFilterFactory.forName("arnorm", new HashMap<>()) instanceof ArnormCharFilterFactory);
  }

  @Test
  void theDefaultIsTheLightPreset() throws IOException {
    Reader r = CharFilterFactory.forName("arnorm", new HashMap<>()).create(new StringReader("&quot;مـرحبا&quot;"));
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[64];
    for (int n; (n = r.read(buf)) >= 0; ) {
      sb.append(buf, 0, n);
    }
    assertEquals("\"مرحبا\"", sb.toString());
  }

  @Test
  void repairBeforeTheTokenizerKeepsReferencesFromBecomingTokens() throws IOException {
    assertEquals(List.of("قال=قال", "نحن=نحن", "هنا=هنا"), tokens(analyzer(), DOCS.get(0)));
  }

  @Test
  void tokenOffsetsPointAtTheirSourceCharacters() throws IOException {
    assertEquals(List.of("جميل=جمـــيل", "جدا=جداً"), tokens(analyzer(), DOCS.get(2)));
    assertEquals(List.of("كلمه=كلمة\u200F", "اخري=أخرى"), tokens(analyzer(), DOCS.get(4)));
    assertEquals(List.of("مرحبا=\uFEE3\uFEAE\uFEA3\uFE92\uFE8E", "بكم=بكم"), tokens(analyzer(), DOCS.get(5)));
  }

  @Test
  void theWordsOfAnExpandedLigaturePointAtTheLigature() throws IOException {
    List<String> t = tokens(analyzer(), DOCS.get(1));
    assertEquals(List.of("قال=قال", "الرسول=الرسول", "صلي=\uFDFA", "الله=", "عليه=", "وسلم=", "في=في",
        "الحديث=الحديث"), t);
  }

  /** Every token of every document: its source span, normalized as the analyzer would, is the term. */
  @Test
  void everyTokenSourceAnalyzesToItsTerm() throws IOException {
    try (Analyzer a = analyzer()) {
      for (String doc : DOCS) {
        for (String t : tokens(a, doc)) {
          String term = t.substring(0, t.indexOf('='));
          String source = t.substring(t.indexOf('=') + 1);
          if (doc.indexOf('\uFDFA') < 0) {
            assertEquals(term, ArabicNormalizer.SEARCH.normalize(ArabicNormalizer.LIGHT.normalize(source)), doc);
          }
        }
      }
    }
  }

  @Test
  void aRealIndexFindsScrapedTextByCleanQueriesAndHighlightsTheSource() throws Exception {
    FieldType withOffsets = new FieldType();
    withOffsets.setTokenized(true);
    withOffsets.setStored(true);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS); // the writer checks them
    withOffsets.freeze();
    try (Analyzer a = analyzer(); Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(a))) {
        for (String text : DOCS) {
          Document d = new Document();
          d.add(new Field("body", text, withOffsets));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryParser qp = new QueryParser("body", a);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, a).build();
        assertEquals(List.of("قال <b>&quot;نحن&quot;</b> هنا".replace("<b>&quot;", "&quot;<b>")
            .replace("&quot;</b>", "</b>&quot;")), highlight(searcher, highlighter, qp.parse("نحن")));
        assertEquals(List.of("<b>جمـــيل</b> جداً"), highlight(searcher, highlighter, qp.parse("جميل")));
        assertEquals(List.of("<b>أَحْمَدُ</b> ذهبَ إلى المدرسةِ"), highlight(searcher, highlighter, qp.parse("احمد")));
        assertEquals(List.of("كلمة\u200F\u00A0\u00A0<b>أخرى</b>"), highlight(searcher, highlighter, qp.parse("أخرى")));
        assertEquals(List.of("<b>\uFEE3\uFEAE\uFEA3\uFE92\uFE8E</b> بكم"), highlight(searcher, highlighter, qp.parse("مرحبا")));
        assertEquals(List.of("قال الرسول <b>\uFDFA</b> في الحديث"), highlight(searcher, highlighter, qp.parse("صلى")));
      }
    }
  }

  private static List<String> highlight(IndexSearcher searcher, UnifiedHighlighter h, Query q) throws IOException {
    TopDocs top = searcher.search(q, 10, Sort.INDEXORDER);
    return List.of(h.highlight("body", q, top));
  }

  /** Solr builds an analyzer from the factories' names and their parameters as strings. */
  @Test
  void anAnalyzerBuiltFromNamesAsSolrBuildsItWorks() throws IOException {
    Map<String, String> charParams = new HashMap<>(Map.of("preset", "light"));
    Map<String, String> filterParams = new HashMap<>(Map.of("preset", "search"));
    CharFilterFactory cf = CharFilterFactory.forName("arnorm", charParams);
    TokenizerFactory tf = TokenizerFactory.forName("standard", new HashMap<>());
    TokenFilterFactory ff = TokenFilterFactory.forName("arnorm", filterParams);
    List<String> out = new ArrayList<>();
    String text = "&quot;أَحْمَدُ&quot;";
    org.apache.lucene.analysis.Tokenizer tok = tf.create();
    tok.setReader(cf.create(new StringReader(text)));
    try (TokenStream ts = ff.create(tok)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    assertEquals(List.of("احمد"), out);
  }

  @Test
  void unknownParametersAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CharFilterFactory.forName("arnorm", new HashMap<>(Map.of("preset", "light", "mode", "x"))));
    assertTrue(e.getMessage().contains("mode"), e.getMessage());
  }

  @Test
  void anUnknownStepIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CharFilterFactory.forName("arnorm", new HashMap<>(Map.of("steps", "tatweel,nope"))));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
