package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Clean text costs no allocation, counted in bytes by the JVM (not timed: JMH's {@code -prof gc} gives the
 * figures in docs/performance.md). Legitimate ampersands are part of clean news text and go through the
 * residue rules, which must not allocate either.
 */
class AllocationTest {
  private static final String CLEAN = "قال المدير إن شركة R & B و AT&T و سي & تي وقعتا اتفاقا\n"
      + "الرابط http://example.com/?a=1&b=2 في السطر الثاني\n";

  @Test
  void lightAllocatesNothingOnCleanTextWithLegitimateAmpersands() {
    com.sun.management.ThreadMXBean mx = threads();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < 50; i++) {
      // Fills the engine's pools and loads classes; reading the counter once may allocate too.
      assertSame(CLEAN, ArabicNormalizer.LIGHT.normalize(CLEAN));
      mx.getThreadAllocatedBytes(id);
    }
    // The smallest of a few windows: a one-off (the JVM's own bookkeeping after warm-up) may land in one,
    // while an allocation per call shows in every window.
    long allocated = Long.MAX_VALUE;
    for (int window = 0; window < 3 && allocated > 0; window++) {
      long before = mx.getThreadAllocatedBytes(id);
      for (int i = 0; i < 100; i++) {
        ArabicNormalizer.LIGHT.normalize(CLEAN);
      }
      allocated = Math.min(allocated, mx.getThreadAllocatedBytes(id) - before);
    }
    assertEquals(0, allocated, "bytes allocated by 100 calls on clean text");
  }

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(mx.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
    mx.setThreadAllocatedMemoryEnabled(true);
    return mx;
  }
}
