/**
 * Internal (not exported by the module): the steps' rules. Each {@link dev.arnorm.rules.Rule} is one step
 * compiled (or several context-free steps fused), and makes {@link dev.arnorm.rules.Stage}s, small
 * transducers over code points; {@link dev.arnorm.rules.Rules} builds one per {@link
 * dev.arnorm.rules.StepId}. The word stages, the spelling lexicon's data and the NFC sink at the end of
 * every chain live here too. Uses the Unicode data only.
 */
package dev.arnorm.rules;
