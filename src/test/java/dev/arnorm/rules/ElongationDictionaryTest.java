package dev.arnorm.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.arnorm.unicode.UnicodeData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The elongation dictionaries are shared by fold table, not by the order of the folds, and held softly
 * (ElongationRule.Dictionary#shared): how many a process holds is bounded by the 80 tables, and by what
 * its pipelines use.
 */
class ElongationDictionaryTest {

  @Test
  void foldsInAnotherOrderWithTheSameTableShareOneDictionary() {
    List<StepId> one = List.of(StepId.ALEF, StepId.YA, StepId.TEH_MARBUTA);
    List<StepId> other = List.of(StepId.TEH_MARBUTA, StepId.ALEF, StepId.YA);
    assertEquals(ElongationRule.letterFold(one).tableKey(), ElongationRule.letterFold(other).tableKey());
    assertNotSame(ElongationRule.after(one), ElongationRule.after(other));
    assertSame(ElongationRule.after(one).dictionary(), ElongationRule.after(other).dictionary());
  }

  @Test
  void foldsWithAnotherTableHaveTheirOwnDictionary() {
    List<StepId> alef = List.of(StepId.ALEF);
    assertNotEquals(ElongationRule.letterFold(alef).tableKey(),
        ElongationRule.letterFold(List.of(StepId.YA)).tableKey());
    assertNotSame(ElongationRule.after(alef).dictionary(), ElongationRule.after(List.of(StepId.YA)).dictionary());
    assertNotSame(ElongationRule.after(alef).dictionary(), ElongationRule.after(List.of()).dictionary());
  }

  @Test
  void aRuleKeepsItsDictionaryWhileInUse() {
    ElongationRule r = ElongationRule.after(List.of(StepId.HAMZA));
    assertSame(r.dictionary(), r.dictionary());
  }

  /**
   * Why two orders with one table may share: every word the dictionary is made of is of letters of the
   * Arabic block, no mark among them, which the table alone folds (the steps' stages never see them).
   */
  @Test
  void everyWordOfTheDictionarysResourcesIsFoldedByTheTableAlone() {
    List<String> outside = new ArrayList<>();
    for (String resource : List.of(WordList.RESOURCE, ElongationRule.DOUBLES_RESOURCE,
        ElongationRule.FOLD_RUNS_RESOURCE)) {
      for (String word : ElongationRule.readList(resource)) {
        for (int i = 0; i < word.length(); i++) {
          char c = word.charAt(i);
          if (c < 0x0600 || c > 0x06FF || UnicodeData.isMark(c)) {
            outside.add(resource + ": " + word);
            break;
          }
        }
      }
    }
    assertEquals(List.of(), outside);
  }
}
