#!/usr/bin/env python3
"""Turns a JMH JSON result (java -jar benchmarks.jar ... -rf json -rff result.json -prof gc) into the
Markdown tables of docs/performance.md: median time, MB/s of UTF-8 input, M chars/s, bytes allocated per
operation, and the ratios the benchmarks issue asks for. Sizes come from `InputSizes` (same jar).
Usage: python3 benchmarks/report.py result.json sizes.tsv
"""
import json
import statistics
import sys

results = json.load(open(sys.argv[1]))
sizes = {}
for line in open(sys.argv[2]):
    name, chars, utf8 = line.rstrip("\n").split("\t")
    sizes[name] = (int(chars), int(utf8))

rows = {}
for r in results:
    bench = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
    params = r.get("params", {})
    key = params.get("corpus") or ("%=" + params.get("percent", ""))
    median = statistics.median(x for fork in r["primaryMetric"]["rawData"] for x in fork)
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows[(bench, key)] = (median, alloc)

def size_for(bench, key):
    if key.startswith("%="):
        kind = "light" if "Light" in bench else "search"
        return sizes[kind + key]
    return sizes["corpus=" + key]

def table(prefix, keys):
    out = ["| benchmark | input | median ms/op | MB/s | M chars/s | bytes allocated/op |", "|---|---|---:|---:|---:|---:|"]
    for (bench, key), (ms, alloc) in sorted(rows.items()):
        if not bench.startswith(prefix) or key not in keys:
            continue
        chars, utf8 = size_for(bench, key)
        out.append("| %s | %s | %.3f | %.1f | %.1f | %s |" % (
            bench.split(".")[1], key.replace("%=", "") + ("%" if key.startswith("%=") else ""), ms,
            utf8 / 1048576 / (ms / 1000), chars / 1e6 / (ms / 1000),
            "%.0f" % alloc if alloc is not None else "n/a"))
    return "\n".join(out)

def ratio(a, b, key):
    if (a, key) in rows and (b, key) in rows:
        return rows[(b, key)][0] / rows[(a, key)][0]
    return float("nan")

corpora = ["elaph", "wikinews-plain", "wikinews-vocalized", "ud", "web-residue"]
print("## CorporaBenchmark\n")
print(table("CorporaBenchmark", corpora))
print("\n## StreamBenchmark\n")
print(table("StreamBenchmark", corpora))
print("\n## ChangeShareBenchmark\n")
print(table("ChangeShareBenchmark", ["%=0", "%=10", "%=50", "%=100"]))
print("\n## Ratios (throughput of the first over the second; above 1 means the first is faster)\n")
print("| ratio | target | " + " | ".join(corpora) + " |")
print("|---|---|" + "---:|" * len(corpora))
def line(label, target, a, b, keys):
    print("| %s | %s | %s |" % (label, target, " | ".join("%.2f" % ratio(a, b, k) for k in keys)))
C = "CorporaBenchmark."
line("search / Lucene token by token", ">= 2", C + "arnormSearch", C + "luceneTokenByToken", corpora)
line("search / table-lookup loop", ">= 0.67", C + "arnormSearch", C + "floorTableLoop", corpora)
line("light / regex chain (light)", ">= 10", C + "arnormLight", C + "regexChainLight", corpora)
line("html-entities / Commons Text", ">= 3", C + "stepHtmlEntities", C + "commonsTextUnescapeHtml4", corpora)
line("lucene preset / Lucene token by token", "", C + "arnormLucene", C + "luceneTokenByToken", corpora)
T = "StreamBenchmark."
line("streams: search bytes / Lucene per token", "(CLI: >= 1.6)", T + "arnormSearchBytes", T + "luceneStream", corpora)
line("streams: light bytes / UTF-8 copy", "(CLI: >= 0.77)", T + "arnormLightBytes", T + "floorUtf8Copy", corpora)
line("streams: search bytes / search chars", "", T + "arnormSearchBytes", T + "arnormSearchChars", corpora)
line("streams: light bytes / light chars", "", T + "arnormLightBytes", T + "arnormLightChars", corpora)
print()
shares = ["%=0", "%=10", "%=50", "%=100"]
print("| ratio | target | 0% | 10% | 50% | 100% |")
print("|---|---|---:|---:|---:|---:|")
S = "ChangeShareBenchmark."
line("search / Lucene token by token", ">= 2", S + "arnormSearch", S + "luceneTokenByToken", shares)
line("search / table-lookup loop", ">= 0.67", S + "arnormSearch", S + "floorTableLoop", shares)
line("light / regex chain (light)", ">= 10", S + "arnormLight", S + "regexChainLight", shares)
