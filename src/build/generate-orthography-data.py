#!/usr/bin/env python3
"""Writes src/main/resources/dev/arnorm/orthography-words.tsv.gz, the table of the `orthography` step: word
forms as commenters write them (a hamza left off an alef, final ى for ي, final ه for ة, a hamza seat left
bare) and the standard spelling the frequency list shows for them, `wrong TAB right` a line.

Input: the wordfreq 3.x Arabic frequency list (large_ar), one `word TAB frequency` a line, gzip-compressed
(github rspeer/wordfreq; data CC BY-SA 4.0), and the ayaspell stems the project bundles
(src/main/resources/dev/arnorm/ayaspell-stems.txt.gz).
Run: python3 src/build/generate-orthography-data.py PATH/TO/wordfreq-ar-large.tsv.gz
The output is the same for the same input (sorted, no timestamps). License of the output: CC BY-SA 4.0,
with attribution to wordfreq (see NOTICE).

How a form is corrected (docs/steps/orthography.md says why each rule is there):
1. Forms are grouped by their fold: أ إ آ to ا, ؤ to و, ئ ى to ي, ة to ه. Within a group each letter
   position is decided on its own, from the frequencies of the group's forms at that position. Forms that
   disagree with a hamza or a ة the word already has are left out: what the writer wrote is kept.
2. A bare alef gets a hamza when one hamza form has at least HAMZA_SHARE of the hamza-carrying forms there
   and the bare alef is rare enough: at most BARE_AT_START of them at the word start or after a proclitic,
   BARE_INSIDE inside the word. (A bare form that is no dictionary word is not let off more lightly: names
   are not in the dictionary, and باول is Powell as often as it is بأول.)
3. Final ى against ي needs FINAL_YA_SHARE of the class; final ه against ة needs TEH_MARBUTA_SHARE; a bare
   seat (و for ؤ, ي for ئ) needs SEAT_SHARE. A free ء is never added or removed; a written hamza or ة is
   never changed.
4. Guards, each for a class of real words the frequencies cannot tell apart:
   - a final ه stays when the same stem takes other pronouns (ها هم نا هما كم) often: it is "his";
   - a final ي stays when the stem also takes ية: it is a nisba adjective (الوسطي, الموسيقي);
   - the correction must be a dictionary word (an ayaspell stem with proclitics and suffixes);
   - a form that is an ayaspell stem as written only gets a hamza at its start; a form the dictionary knows
     with affixes gets none inside;
   - a start alef stays bare in the shapes of verbs with a connecting alef (forms VII, VIII and X, past or
     imperative: انفعل افتعل استفعل, also after و or ف), which are as common as the "I" form they
     resemble (اعتقد "he believed" beside أعتقد "I believe"), and in a word that already writes a hamza on
     an alef further on (the imperative اسأل);
   - after a proclitic, a stem of three letters or fewer gets the fix the bare stem gets, or none (بان is
     ب + ان, and ان is أن or إن).
5. Only forms of frequency MIN_FREQUENCY or more are keys (below it the list is mostly typos and names),
   and the correction of a correction is the correction itself (the table is idempotent). A correction that
   the spelling lexicon would correct again (شيى to شيئ, which the lexicon makes شيء) is left out: in the
   social preset the lexicon runs first, and a second run would change the text again.
"""
import collections
import gzip
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "main/resources/dev/arnorm/orthography-words.tsv.gz"
STEMS = ROOT / "main/resources/dev/arnorm/ayaspell-stems.txt.gz"
LEXICON = ROOT / "main/resources/dev/arnorm/spelling-lexicon.txt"

# The table's version: raise it when the rules or thresholds below change the output.
VERSION = "2026.12.1"
MIN_FREQUENCY = 1e-7
HAMZA_SHARE = 0.95
BARE_AT_START = 0.5
BARE_INSIDE = 0.2
FINAL_YA_SHARE = 0.95
TEH_MARBUTA_SHARE = 0.90
SEAT_SHARE = 0.99
PRONOUN_SHARE = 0.05

BARE_ALEF = "\u0627"
HAMZA_ALEFS = "\u0623\u0625\u0622"  # أ إ آ
WRITTEN = HAMZA_ALEFS + "\u0624\u0626\u0629"  # and ؤ ئ ة: kept as written
CLASS = {}
for c in BARE_ALEF + HAMZA_ALEFS:
    CLASS[c] = "alef"
for c in "\u0648\u0624":
    CLASS[c] = "waw"
for c in "\u064A\u0626\u0649":
    CLASS[c] = "ya"
for c in "\u0647\u0629":
    CLASS[c] = "heh"
FOLD = {c: {"alef": BARE_ALEF, "waw": "\u0648", "ya": "\u064A", "heh": "\u0647"}[k] for c, k in CLASS.items()}
WORD = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+$")  # letters only: no tatweel, no marks
# The proclitics of WordList.java, and the vocative يا, longest first; "" for none.
PROCLITICS = ["وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "وب", "فب", "وك",
              "فك", "ول", "فل", "ال", "لل", "يا", "و", "ف", "ب", "ك", "ل"]
SUFFIXES = ["هما", "كما", "تما", "ونا", "يين", "يون", "يات", "هم", "هن", "كم", "كن", "نا", "ها", "ني",
            "ون", "ين", "ان", "ات", "وا", "تم", "تن", "ية", "ه", "ك", "ي", "ة", "ت", "ن", "ا"]
ARTICLES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال")
PRONOUNS = ("ها", "هم", "نا", "هما", "كم")
# Verbs with a connecting alef: forms VII (انفعل), VIII (افتعل) and X (استفعل), bare or after و or ف; a
# long vowel in a root's place makes a noun (انتاج, استاد), not one of these.
R = "[^\u0627\u0648\u064A\u0649]"
# (Form VIII of a hollow root, اشتاق "he longed", has the shape of the plurals and masdars أستاذ، أكتاف،
# إمتاع: it is not guarded.)
CONNECTING_ALEF_VERB = re.compile(
    "^([\u0648\u0641]?)\u0627(%s\u062A%s%s|\u0646%s%s%s|\u0633\u062A%s%s%s)$" % ((R,) * 9))
# The nouns with a connecting alef (ابن ابنة اسم امرؤ امرأة اثنان اثنتان) as they are or with a dual, nisba or
# pronoun ending (ابنيه "his two sons", الاسمي "nominal", الاثنين), after a proclitic or the article; their
# broken plurals (أبناء، أسماء، أسماك) take a hamza and are not these.
CONNECTING_ALEF_NOUN = re.compile(
    "^(\u0627\u0644|[\u0648\u0641\u0628\u0643]\u0627\u0644|\u0644\u0644|[\u0648\u0641\u0628\u0644\u0643])?"
    "\u0627(\u0628\u0646|\u0628\u0646\u062A|\u0633\u0645|\u0645\u0631[\u0621\u0623\u0624\u0626]|\u062B\u0646)"
    "(\u064A|\u0629|\u0627\u0646|\u064A\u0646)?"
    "(\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0643|\u0643\u0645|\u0646\u0627|\u064A)?$")


def fold(w):
    return "".join(FOLD.get(c, c) for c in w)


def read_frequencies(path):
    frequency = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, value = line.rstrip("\n").split("\t")
            word = unicodedata.normalize("NFC", word)
            if WORD.match(word):
                frequency[word] = frequency.get(word, 0.0) + float(value)
    return frequency


def read_lexicon_words():
    """The single words the spelling lexicon corrects, with every proclitic its entries allow."""
    words = set()
    with open(LEXICON, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith(("#", "!")) or len(fields) < 3 or " " in fields[0]:
                continue
            prefixes = [""]
            for condition in fields[3:]:
                if condition.startswith("prefixes="):
                    prefixes += condition[len("prefixes="):].split(",")
            words.update(p + fields[0] for p in prefixes)
    return words


def read_stems():
    with gzip.open(STEMS, "rt", encoding="utf-8") as f:
        return {line.strip() for line in f if not line.startswith("#")}


class Builder:
    def __init__(self, frequency, stems):
        self.frequency = frequency
        self.stems = stems
        self.groups = collections.defaultdict(list)
        for w, x in frequency.items():
            self.groups[fold(w)].append((w, x))

    def f(self, w):
        return self.frequency.get(w, 0.0)

    def known(self, w):
        """A dictionary word: an ayaspell stem of two letters or more, with a proclitic and a suffix."""
        for p in PROCLITICS + [""]:
            if not w.startswith(p):
                continue
            body = w[len(p):]
            for s in SUFFIXES + [""]:
                stem = body[:len(body) - len(s)]
                if body.endswith(s) and len(stem) >= 2 and stem in self.stems:
                    return True
        return False

    @staticmethod
    def at_start(w, i):
        return i == 0 or w[:i] in PROCLITICS

    def decide(self, w):
        """Rules 1 to 3: each position of w, decided from its group."""
        marked = [i for i, c in enumerate(w) if c in WRITTEN]
        group = [(v, x) for v, x in self.groups.get(fold(w), []) if all(v[i] == w[i] for i in marked)]
        out = list(w)
        for i, c in enumerate(w):
            kind = CLASS.get(c)
            if kind is None or c in WRITTEN:
                continue
            mass = collections.Counter()
            for v, x in group:
                mass[v[i]] += x
            if kind == "alef":
                hamza = sum(mass[h] for h in HAMZA_ALEFS)
                if hamza == 0:
                    continue
                best = max(HAMZA_ALEFS, key=lambda h: mass[h])
                if self.at_start(w, i):
                    limit = BARE_AT_START
                    if any(x in HAMZA_ALEFS for x in w[i + 1:]):
                        continue  # a hamza written further on: this alef is left bare on purpose
                else:
                    limit = BARE_INSIDE
                if mass[best] >= HAMZA_SHARE * hamza and mass[BARE_ALEF] <= limit * hamza:
                    out[i] = best
            else:
                total = sum(n for k, n in mass.items() if CLASS.get(k) == kind)
                if total == 0:
                    continue
                best = max((k for k in mass if CLASS.get(k) == kind), key=lambda k: mass[k])
                final = i == len(w) - 1
                share = (FINAL_YA_SHARE if kind == "ya" and final
                         else TEH_MARBUTA_SHARE if kind == "heh" else SEAT_SHARE)
                if kind == "heh" and not final:
                    continue
                if best != c and mass[best] >= share * total:
                    out[i] = best
        return "".join(out)

    def guard(self, w, r):
        """Rule 4: the decided form r of w, kept only where no guard objects (always judged on w)."""
        if r == w:
            return w
        if w[-1] == "\u0647" and r[-1] == "\u0629" and not w.startswith(ARTICLES):
            if max(self.f(w[:-1] + p) for p in PRONOUNS) >= PRONOUN_SHARE * self.f(w):
                r = r[:-1] + w[-1]
        if w[-1] == "\u064A" and r[-1] == "\u0649" and self.f(w + "\u0629") >= PRONOUN_SHARE * self.f(r):
            r = r[:-1] + w[-1]
        connecting = CONNECTING_ALEF_VERB.match(w) or CONNECTING_ALEF_NOUN.match(w)
        if connecting:
            k = len(connecting.group(1) or "")  # the alef after the proclitic
            r = r[:k] + w[k] + r[k + 1:]
        if r == w or not self.known(r):
            return w
        added_inside = any(w[i] == BARE_ALEF and r[i] != BARE_ALEF and not self.at_start(w, i)
                           for i in range(len(w)))
        if added_inside and self.known(w):
            return w
        if w in self.stems and [i for i in range(len(w)) if w[i] != r[i]] != [0]:
            return w
        for p in PROCLITICS:
            if w.startswith(p) and len(w) - len(p) <= 3:
                if r != p + self.decide(w[len(p):]):
                    return w
                break
        return r

    def correct(self, w):
        """The guarded decision, decided again on its result until it holds still (a hamza added can settle
        a ة), or w when it does not. The guards always judge the word as written."""
        r = w
        for _ in range(4):
            nxt = self.guard(w, self.decide(r))
            if nxt == r:
                return r
            r = nxt
        return w


def main():
    frequency = read_frequencies(sys.argv[1])
    builder = Builder(frequency, read_stems())
    lexicon = read_lexicon_words()
    table = {}
    for w, x in frequency.items():
        if x >= MIN_FREQUENCY:
            r = builder.correct(w)
            if r != w and r not in lexicon:
                table[w] = r
    # The guards judge each word as written, so a correction can be a word that is itself corrected (the
    # guards of the two words differ): such chains are left out, and the table stays idempotent.
    chained = [w for w, r in table.items() if r in table]
    for w in chained:
        del table[w]
    print("%d chained corrections left out: %s" % (len(chained), " ".join(sorted(chained))), file=sys.stderr)
    lines = [
        "# The orthography step's table: a word form as commenters write it, TAB, its standard spelling.",
        "# version: " + VERSION,
        "# Derived from the wordfreq 3.x Arabic frequency list (large_ar), https://github.com/rspeer/wordfreq,",
        "# data licensed CC BY-SA 4.0; this file is distributed under CC BY-SA 4.0 as well (see NOTICE).",
        "# Generated by src/build/generate-orthography-data.py from the word forms of frequency %g or more." % MIN_FREQUENCY,
        "# entries: %d" % len(table),
    ]
    lines += ["%s\t%s" % (w, table[w]) for w in sorted(table)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(OUT, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as z:
            z.write(data)
    print("%d entries, %d bytes gzipped" % (len(table), OUT.stat().st_size), file=sys.stderr)


if __name__ == "__main__":
    main()
