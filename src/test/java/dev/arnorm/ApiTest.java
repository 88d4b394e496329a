package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.engine.Engine;
import dev.arnorm.rules.StepCounter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTest {
  @Test
  void specRoundTrips() {
    ArabicNormalizer n = ArabicNormalizer.parse("tatweel, alef");
    assertEquals("tatweel,alef", n.toString());
    assertEquals(n, ArabicNormalizer.parse(n.toString()));
    assertEquals(List.of(Step.TATWEEL, Step.ALEF), n.steps());
  }

  @Test
  void presetsRoundTripThroughTheirSpec() {
    for (Preset p : Preset.values()) {
      assertSame(p.normalizer(), ArabicNormalizer.parse(p.normalizer().toString()));
      assertSame(p.normalizer(), ArabicNormalizer.parse(p.id()));
    }
  }

  /** Every step preloads from several threads at once, and a normalizer then works with what was built. */
  @Test
  void stepsPreloadFromManyThreadsAndNormalizersUseWhatWasBuilt() throws InterruptedException {
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.Queue<Throwable> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (Step s : Step.values()) {
          s.preload();
        }
      });
      thread.setUncaughtExceptionHandler((th, e) -> failed.add(e));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), List.copyOf(failed));
    assertEquals("أكثر", Step.ORTHOGRAPHY.normalizer().normalize("اكثر"));
  }

  @Test
  void builderAndSpecGiveEqualNormalizers() {
    assertEquals(ArabicNormalizer.parse("diacritics,alef"),
        ArabicNormalizer.builder().add(Step.DIACRITICS).add(Step.ALEF).build());
  }

  @Test
  void unknownStepIsRejectedWithTheValidIds() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ArabicNormalizer.parse("tatweel,alif"));
    assertTrue(e.getMessage().contains("'alif'"), e.getMessage());
    assertTrue(e.getMessage().contains("teh-marbuta"), e.getMessage());
  }

  @Test
  void emptySpecIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ArabicNormalizer.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ArabicNormalizer.parse("alef,,ya"));
    assertThrows(IllegalArgumentException.class, () -> ArabicNormalizer.builder().build());
  }

  @Test
  void unknownPresetIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.forId("fast"));
    assertTrue(e.getMessage().contains("light, search, social, lucene"), e.getMessage());
  }

  @Test
  void nullIsRejected() {
    assertThrows(NullPointerException.class, () -> ArabicNormalizer.LIGHT.normalize((CharSequence) null));
    assertThrows(NullPointerException.class, () -> ArabicNormalizer.parse(null));
    assertThrows(NullPointerException.class, () -> Step.forId(null));
  }

  @Test
  void cleanStringIsReturnedAsTheSameInstance() {
    String clean = "يبدو أن حرب التحالف ضد داعش قد تساعد في تقارب الجماعات.\n";
    assertSame(clean, ArabicNormalizer.LIGHT.normalize(clean));
    assertTrue(ArabicNormalizer.LIGHT.isNormalized(clean));
  }

  @Test
  void textThatNeedsChangeIsNotNormalized() {
    assertFalse(ArabicNormalizer.SEARCH.isNormalized("أحمد"));
    assertTrue(ArabicNormalizer.SEARCH.isNormalized("احمد"));
  }

  @Test
  void stepsMayRepeatAndApplyInOrder() {
    assertEquals("a b", ArabicNormalizer.parse("whitespace,invisible,whitespace").normalize("a \u200B b"));
    assertEquals("a  b", ArabicNormalizer.parse("whitespace,invisible").normalize("a \u200B b"));
  }

  @Test
  void streamsHandleLongLinesInBoundedChunks() throws Exception {
    String line = "مـرحبا\u00A0بكم ".repeat(200_000);
    StringWriter out = new StringWriter();
    ArabicNormalizer.LIGHT.normalize(new StringReader(line), out);
    assertEquals(ArabicNormalizer.LIGHT.normalize(line), out.toString());
  }

  @Test
  void aLineLongerThanTheBlockLimitIsStreamedThroughTheChain() throws Exception {
    String line = "العمل&معا مـرحبا\u00A0 أحمد AT&T ".repeat(5_000); // about 160K chars, no line break
    String text = "سطر أول\n" + line + "\nسطر أخير&";
    for (ArabicNormalizer n : new ArabicNormalizer[] {ArabicNormalizer.LIGHT, ArabicNormalizer.SEARCH,
        ArabicNormalizer.SOCIAL}) {
      StringWriter out = new StringWriter();
      n.normalize(new StringReader(text), out); // held whole: the limit is a 512th of the heap
      assertEquals(n.normalize(text), out.toString(), n.toString());
      StringWriter streamed = new StringWriter();
      n.engine().normalize(new StringReader(text), streamed, StepCounter.NONE, 1 << 16);
      assertEquals(n.normalize(text), streamed.toString(), n.toString());
    }
  }

  @Test
  void anyAppendableGetsWhatAStringBuilderGets() throws Exception {
    // Writers and StringBuilders are handed ranges directly; any other Appendable goes through append.
    String text = "مـرحبا\u00A0بكم  في أحمد&amp;علي\n".repeat(2_000);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(text.length() * 2);
    ArabicNormalizer.SEARCH.normalize(text, out);
    assertEquals(ArabicNormalizer.SEARCH.normalize(text), out.flip().toString());
  }

  @Test
  void cleanTextAfterALegitimateAmpersandStaysOnTheFastPath() {
    String text = "AT&T\n" + "نص نظيف تماما\n".repeat(1000);
    assertSame(text, ArabicNormalizer.LIGHT.normalize(text));
  }

  /**
   * A normalizer used on a long-lived thread must not be kept alive by that thread: its compiled engine
   * (tables of several hundred KB) must be collectable once the normalizer is dropped.
   */
  @Test
  void aNormalizerThatWasUsedCanBeCollected() throws InterruptedException {
    java.lang.ref.WeakReference<Engine> ref = useAndForget();
    for (int i = 0; i < 20 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertTrue(ref.get() == null, "the engine is still reachable after use");
  }

  private static java.lang.ref.WeakReference<Engine> useAndForget() {
    ArabicNormalizer n = ArabicNormalizer.parse("tatweel,alef,whitespace,ya");
    assertEquals("احمد علي", n.normalize("أحـمد  على")); // the slow path, which reuses chains
    return new java.lang.ref.WeakReference<>(n.engine());
  }

  @Test
  void statsRejectANullStepLikeEveryOtherEntryPoint() {
    NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> new NormalizationStats().changed(null));
    assertEquals("step", e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> new NormalizationStats().details(null));
  }

  @Test
  void aLongRunOfMarksOutOfOrderIsPutInCanonicalOrder() throws Exception {
    // Past a few marks the direct path hands the run to the chain, whose sink sorts it in linear time.
    String s = "ب" + "\u0651\u064E".repeat(1500) + " كلمة";
    String nfc = com.ibm.icu.text.Normalizer2.getNFCInstance().normalize(s);
    assertEquals(nfc, ArabicNormalizer.LIGHT.normalize(s));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    ArabicNormalizer.LIGHT.normalize(new java.io.ByteArrayInputStream(
        s.getBytes(java.nio.charset.StandardCharsets.UTF_8)), bytes);
    assertEquals(nfc, bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(ArabicNormalizer.SEARCH.normalize("ب كلمة"), ArabicNormalizer.SEARCH.normalize(s));
  }

  @Test
  void marksWithoutABaseAreStillPutInCanonicalOrder() {
    // shadda (class 33) before fatha (class 30) at the very start of the text, after a removed control
    assertEquals("\u064E\u0651", Step.INVISIBLE.normalizer().normalize("\u200B\u0651\u064E"));
    assertEquals("\u064E\u0651x", ArabicNormalizer.LIGHT.normalize("\u0651\u064Ex"));
  }

  @Test
  void statsCountEachStep() throws Exception {
    NormalizationStats stats = new NormalizationStats();
    ArabicNormalizer.SEARCH.normalize(new StringReader("أَحْمَد  ٢"), new StringWriter(), stats);
    assertEquals(3, stats.changed(Step.DIACRITICS));
    assertEquals(1, stats.changed(Step.ALEF));
    assertEquals(1, stats.changed(Step.WHITESPACE));
    assertEquals(1, stats.changed(Step.DIGITS));
    assertEquals(0, stats.changed(Step.YA));
  }

  @Test
  void singleStepNormalizersAreReused() {
    assertSame(Step.ALEF.normalizer(), Step.ALEF.normalizer());
  }

  @Test
  void spanQuickCheckYesIsTheWholeTextWhenNothingChanges() {
    assertEquals(7, ArabicNormalizer.SEARCH.spanQuickCheckYes("نص نظيف"));
    assertEquals(3, ArabicNormalizer.SEARCH.spanQuickCheckYes("نص أحمد"));
    assertEquals(1, ArabicNormalizer.LUCENE.spanQuickCheckYes("بـ"));
  }

  @Test
  void spanQuickCheckYesStopsAtAChange() {
    for (String s : new String[] {"مـرحبا", "&amp;", "كلمة\u200F", "ﻻ", "ا\u0654"}) {
      assertTrue(ArabicNormalizer.LIGHT.spanQuickCheckYes(s) < s.length(), s);
    }
  }
}
