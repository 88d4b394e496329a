#!/usr/bin/env python3
"""Writes the two data files of the elongation step, from the wordfreq frequency list:

1. src/main/resources/dev/arnorm/elongation-fold-runs.txt: the real words in which the letter folds of
   `search` bring three equal letters together (البيئية folds to البيييه, الفدائيين to الفداييين), so that
   `elongation`, which runs on folded letters there, does not take them for stretched words.
2. src/main/resources/dev/arnorm/elongation-doubles.txt.gz: the words written with a letter twice in a row
   that are more frequent than the same word with that letter once (ممكن against مكن, اللجنة against الجنة,
   السوريين against السورين): a stretched letter there stands for two. Forms of frequency DOUBLES_MIN or
   more.

Input: the wordfreq 3.x Arabic frequency list (large_ar), one `word TAB frequency` a line, gzip-compressed
(github rspeer/wordfreq; data CC BY-SA 4.0). A form is listed when it has no letter three times in a row
as written, its folded form has one (of a letter other than alef), and its frequency is at least MIN_FREQUENCY (below it the list holds
mostly typos). The forms are listed as written: the library folds them with the pipeline's own steps.
Run: python3 src/build/generate-elongation-data.py PATH/TO/wordfreq-ar-large.tsv.gz
License of the output: CC BY-SA 4.0, with attribution to wordfreq (see NOTICE).
"""
import gzip
import pathlib
import re
import sys
import unicodedata

RESOURCES = pathlib.Path(__file__).resolve().parents[1] / "main/resources/dev/arnorm"
OUT = RESOURCES / "elongation-fold-runs.txt"
DOUBLES = RESOURCES / "elongation-doubles.txt.gz"
MIN_FREQUENCY = 1e-8
DOUBLES_MIN = 3e-8
# The search folds that change letters (docs/steps): alef, ya, teh-marbuta, hamza, persian-letters.
FOLD = {}
for c in "\u0622\u0623\u0625\u0671\u0672\u0673\u0675":
    FOLD[c] = "\u0627"
for c in "\u0649\u06CC\u06D2":
    FOLD[c] = "\u064A"
for c in "\u0629\u06C3\u06C0\u06C1\u06C2\u06D5\u06BE":
    FOLD[c] = "\u0647"
FOLD["\u0624"] = "\u0648"
FOLD["\u0626"] = "\u064A"
FOLD["\u06A9"] = "\u0643"
FOLD["\u06AA"] = "\u0643"
ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")
RUN = re.compile(r"(.)\1\1")
# Alef forms run together only in stretched words (آااه is a long "ah"), never in a real one.
FOLDED_RUN = re.compile(r"([^\u0627])\1\1")


def fold(word):
    bare = "".join(c for c in unicodedata.normalize("NFC", word) if not unicodedata.combining(c))
    return "".join(FOLD.get(c, c) for c in bare)


frequency = {}
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        word, freq = line.rstrip("\n").split("\t")
        word = unicodedata.normalize("NFC", word)
        frequency[word] = max(frequency.get(word, 0.0), float(freq))

forms = set()
doubles = set()
for word, freq in frequency.items():
    if not ARABIC_WORD.fullmatch(word) or RUN.search(word):
        continue
    if freq >= MIN_FREQUENCY and FOLDED_RUN.search(fold(word)):
        forms.add(word)
    if freq >= DOUBLES_MIN:
        for pair in re.finditer(r"(.)\1", word):
            single = word[:pair.start()] + word[pair.start() + 1:]
            if freq > frequency.get(single, 0.0):
                doubles.add(word)
                break
header = [
    "# Words whose letter folds bring three equal letters together (the elongation step keeps them).",
    "# Derived from the wordfreq 3.x Arabic list (github rspeer/wordfreq, large_ar), CC BY-SA 4.0,",
    "# by src/build/generate-elongation-data.py; this file is under CC BY-SA 4.0 too (see NOTICE).",
    "# forms: %d" % len(forms),
]
OUT.write_text("\n".join(header + sorted(forms)) + "\n", encoding="utf-8")
print("wrote %d forms to %s" % (len(forms), OUT))
header = [
    "# Words with a letter twice in a row, more frequent than with it once (the elongation step doubles).",
    "# Derived from the wordfreq 3.x Arabic list (github rspeer/wordfreq, large_ar), CC BY-SA 4.0,",
    "# by src/build/generate-elongation-data.py; this file is under CC BY-SA 4.0 too (see NOTICE).",
    "# forms: %d" % len(doubles),
]
data = "\n".join(header + sorted(doubles)) + "\n"
DOUBLES.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
print("wrote %d doubles, %d bytes, to %s" % (len(doubles), DOUBLES.stat().st_size, DOUBLES))
