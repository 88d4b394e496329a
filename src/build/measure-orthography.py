#!/usr/bin/env python3
"""Measures the orthography step on real text, the figures of docs/steps/orthography.md.

The step's changes are the words that differ between `social` and `social` without `orthography` (the
pipeline that ran before it); both run through the CLI jar, line for line.

  python3 src/build/measure-orthography.py JAR changes FILE [LINES [OUT.json]]
      words and changed words of FILE (.gz read as gzip; the first LINES lines when given), the most
      frequent changes, and every change with its context as JSON (for judging by hand)
  python3 src/build/measure-orthography.py JAR proxy NEWS_FILE...
      the recall proxy: edited news with its hamzas, each أ إ آ made ا with probability 0.4, final ي made ى
      with 0.11, final ة made ه with 0.17 (seed 7); how many damaged words `social` restores exactly,
      against the same pipeline without `orthography`, and how many right words it changes

JAR is target/arnorm-cli.jar after `mvn package`.
"""
import collections
import gzip
import json
import random
import re
import subprocess
import sys

BEFORE = "html-entities,presentation-forms,invisible,tatweel,whitespace,elongation,spelling"
WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u064B-\u0655\u0670]+")


def run(jar, lines, steps):
    args = ["java", "-jar", jar] + (["--preset", "social"] if steps == "social" else ["--steps", steps])
    out = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return out.split("\n")[:len(lines)]


def read(path, limit=None):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    return lines[:limit] if limit else lines


def changes(jar, path, limit=None, out=None):
    lines = read(path, limit)
    before, after = run(jar, lines, BEFORE), run(jar, lines, "social")
    words, changed = 0, []
    for i, (x, y) in enumerate(zip(before, after)):
        wx, wy = WORD.findall(x), WORD.findall(y)
        assert len(wx) == len(wy), (x, y)
        words += len(wx)
        for j, (u, v) in enumerate(zip(wx, wy)):
            if u != v:
                changed.append((i, u, v, " ".join(wx[max(0, j - 4):j + 5])))
    print("%s: %d lines, %d words, %d changed by orthography (%.2f per 1,000 words)"
          % (path, len(lines), words, len(changed), 1000 * len(changed) / max(words, 1)))
    top = collections.Counter((u, v) for _, u, v, _ in changed).most_common(30)
    print("most frequent:", " ".join("%s>%s:%d" % (u, v, n) for (u, v), n in top))
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump(changed, f, ensure_ascii=False)


def proxy(jar, paths):
    rnd = random.Random(7)

    def damage(w):
        s = "".join("\u0627" if c in "\u0623\u0625\u0622" and rnd.random() < 0.4 else c for c in w)
        if s.endswith("\u064A") and rnd.random() < 0.11:
            s = s[:-1] + "\u0649"
        if s.endswith("\u0629") and rnd.random() < 0.17:
            s = s[:-1] + "\u0647"
        return s

    source = [line for p in paths for line in read(p)]
    damaged = [WORD.sub(lambda m: damage(m.group()), line) for line in source]
    before, after = run(jar, damaged, BEFORE), run(jar, damaged, "social")
    n = collections.Counter()
    wrong = collections.Counter()
    for lines in zip(source, damaged, before, after):
        o, d, b, a = (WORD.findall(x) for x in lines)
        if not len(o) == len(d) == len(b) == len(a):
            n["lines skipped (a phrase fix changed the word count)"] += 1
            continue
        for wo, wd, wb, wa in zip(o, d, b, a):
            n["words"] += 1
            if wo != wd:
                n["damaged"] += 1
                n["restored without orthography"] += wb == wo
                n["restored by social"] += wa == wo
                if wa not in (wo, wd):
                    n["damaged words changed to a third form"] += 1
                    wrong[(wd, wa, wo)] += 1
            elif wa != wo:
                n["right words changed"] += 1
                wrong[(wd, wa, wo)] += 1
    print(dict(n))
    print("restored: %.1f%% (without orthography %.1f%%)"
          % (100 * n["restored by social"] / n["damaged"], 100 * n["restored without orthography"] / n["damaged"]))
    print("wrong (damaged, output, original):", wrong.most_common(20))


if __name__ == "__main__":
    jar, mode = sys.argv[1], sys.argv[2]
    if mode == "changes":
        changes(jar, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] != "0" else None,
                sys.argv[5] if len(sys.argv) > 5 else None)
    else:
        proxy(jar, sys.argv[3:])
