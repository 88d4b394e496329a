/**
 * Internal (not exported by the module): the Unicode tables the engine reads on every character
 * (combining classes, decompositions, Arabic letter and mark classes), made from ICU4J and stored in a
 * resource. The bottom layer: it uses ICU4J and nothing else of arnorm.
 */
package dev.arnorm.unicode;
