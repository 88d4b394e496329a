package dev.arnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arnorm.engine.Engine;
import dev.arnorm.engine.Isolated;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The direct table's shortcut for one character alone ({@link Isolated#byMaps}: the map rules applied in turn)
 * gives what the rules' stages give, for every BMP character it answers for, whatever the pipeline.
 */
class IsolatedTest {
  /** How many BMP characters the shortcut answered for; checks each against the stages. */
  private static int checkEveryBmpCharacter(List<Step> steps) {
    Isolated isolated = new Isolated(new Engine(Steps.kinds(steps), null).rules);
    int answered = 0;
    for (int cp = 0; cp < 0x10000; cp++) {
      if (Character.isSurrogate((char) cp)) {
        continue;
      }
      String byMaps = isolated.byMaps(cp);
      if (byMaps != null) {
        answered++;
        int c = cp;
        assertEquals(isolated.byStages(cp), byMaps, () -> steps + " on U+" + Integer.toHexString(c));
      }
    }
    return answered;
  }

  @Test
  void thePresetsMapsGiveWhatTheirStagesGive() {
    for (Preset p : Preset.values()) {
      int answered = checkEveryBmpCharacter(p.steps());
      assertTrue(answered > 60_000, p + ": the shortcut answered for " + answered + " characters only");
    }
  }

  @Test
  void eachStepsMapsGiveWhatItsStagesGive() {
    for (Step s : Step.values()) {
      checkEveryBmpCharacter(List.of(s));
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return ArabicText.stepLists();
  }

  @Property(tries = 40)
  void anyPipelinesMapsGiveWhatItsStagesGive(@ForAll("steps") List<Step> steps) {
    checkEveryBmpCharacter(steps);
  }
}
