/**
 * Internal (not exported by the module): UTF-8 in and out. {@link dev.arnorm.stream.Utf8Stream} runs the
 * engine's hot loop on the bytes, and the strict reader decodes what must become chars. Uses the engine,
 * the rules and the Unicode data.
 */
package dev.arnorm.stream;
