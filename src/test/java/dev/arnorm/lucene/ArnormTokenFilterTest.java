package dev.arnorm.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.Test;

/**
 * The token filter and its factory, through Lucene's own machinery: the SPI name, {@code CustomAnalyzer},
 * a real in-memory index and the classic query parser. Only APIs that Lucene 9 and 10 share, so that the
 * same tests run on both (the lucene10 profile).
 */
class ArnormTokenFilterTest {
  private static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static Analyzer analyzer(String... filterParams) throws IOException {
    return CustomAnalyzer.builder(new ClasspathResourceLoader(ArnormTokenFilterTest.class))
        .withTokenizer("standard").addTokenFilter("arnorm", filterParams).build();
  }

  /** The run uses the Lucene it means to: 9 by default, 10 under the lucene10 profile (.ci/run says so). */
  @Test
  void theLuceneOnTheClassPathIsTheOneThisRunExpects() {
    int expected = Integer.parseInt(System.getProperty("arnorm.luceneMajor", "9"));
    assertEquals(expected, org.apache.lucene.util.Version.LATEST.major);
  }

  @Test
  void theFactoryIsFoundByItsSpiName() {
    assertTrue(TokenFilterFactory.availableTokenFilters().contains("arnorm"));
    assertTrue(TokenFilterFactory.forName("arnorm", new HashMap<>()) instanceof ArnormTokenFilterFactory);
  }

  @Test
  void theDefaultIsTheSearchPreset() throws IOException {
    assertEquals(List.of("احمد", "ذهب", "الي", "المدرسه"), terms(analyzer(), "أَحْمَدُ ذهبَ إلى المدرسةِ"));
  }

  @Test
  void stepsNameTheStepsToApply() throws IOException {
    assertEquals(List.of("مرحبا", "أحمد"), terms(analyzer("steps", "tatweel,diacritics"), "مـرحبا أَحْمَد"));
  }

  @Test
  void aTokenThatNeedsNoChangeKeepsItsOffsets() throws IOException {
    try (Analyzer a = analyzer("preset", "search");
        TokenStream ts = a.tokenStream("body", "كتاب أَحْمَد")) {
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      ts.incrementToken();
      assertEquals(0, offsets.startOffset());
      ts.incrementToken();
      assertEquals(5, offsets.startOffset());
      assertEquals(12, offsets.endOffset()); // the source's span, harakat included
      ts.end();
    }
  }

  @Test
  void unknownParametersAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArnormTokenFilterFactory(new HashMap<>(Map.of("preset", "search", "colour", "blue"))));
    assertTrue(e.getMessage().contains("Unknown parameters") && e.getMessage().contains("colour"),
        e.getMessage());
  }

  @Test
  void presetAndStepsTogetherAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArnormTokenFilterFactory(new HashMap<>(Map.of("preset", "search", "steps", "alef"))));
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
  }

  @Test
  void anUnknownPresetIsRejectedNamingTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArnormTokenFilterFactory(new HashMap<>(Map.of("preset", "serch"))));
    assertTrue(e.getMessage().contains("serch") && e.getMessage().contains("search"), e.getMessage());
  }

  @Test
  void aLexiconIsReadThroughTheAnalysisLoader() throws IOException {
    assertEquals(List.of("هكذا"), terms(analyzer("preset", "social", "lexicon", "test-lexicon.txt"), "كده"));
  }

  @Test
  void aLexiconNeedsTheSpellingStep() {
    assertThrows(IllegalArgumentException.class, () -> new ArnormTokenFilterFactory(
        new HashMap<>(Map.of("preset", "search", "lexicon", "test-lexicon.txt"))));
  }

  /** Documents written with harakat, tatweel, hamza and presentation forms are found by plain queries. */
  @Test
  void aRealIndexFindsVariantSpellingsByPlainQueries() throws Exception {
    try (Analyzer a = analyzer("preset", "search"); Directory dir = new ByteBuffersDirectory()) {
      String[] docs = {
        "وصل أَحْمَدُ إلى المدرسةِ صباحا", // harakat, hamza, teh marbuta
        "مـرحـبـا بكم في الإمـارات", // tatweel
        "ﻣﺮﺣﺒﺎ يا صديقي", // presentation forms from a PDF
        "كتاب عن الطبخ", // unrelated
      };
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(a))) {
        for (String d : docs) {
          Document doc = new Document();
          doc.add(new TextField("body", d, Field.Store.YES));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        QueryParser qp = new QueryParser("body", a);
        assertEquals(List.of(docs[0]), hits(s, qp, "احمد المدرسه"));
        assertEquals(List.of(docs[1], docs[2]), hits(s, qp, "مرحبا"));
        assertEquals(List.of(docs[1]), hits(s, qp, "الامارات"));
      }
    }
  }

  private static List<String> hits(IndexSearcher s, QueryParser qp, String query) throws Exception {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : s.search(qp.parse(query), 10).scoreDocs) {
      out.add(s.storedFields().document(d.doc).get("body"));
    }
    out.sort(null);
    return out;
  }
}
