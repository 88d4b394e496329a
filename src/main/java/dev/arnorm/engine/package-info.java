/**
 * Internal (not exported by the module): a pipeline compiled once ({@link dev.arnorm.engine.Engine}): the
 * direct table, the direct path and the chain of stages it hands over to ({@link dev.arnorm.engine.Chain}),
 * the output, and the offsets path ({@link dev.arnorm.engine.OffsetTracker}). Uses the rules and the
 * Unicode data.
 */
package dev.arnorm.engine;
