#!/usr/bin/env bash
# End-to-end CLI timing: arnorm's CLI against a bare UTF-8 decode/encode copy and a streaming Lucene-per-token
# equivalent, all on the same JVM and file, JVM start included. The commands run in turn, round after round
# (so that a slow spell of the machine hits them all), and each one's median and best are printed.
#
#   benchmarks/cli-bench.sh [FILE] [RUNS]        FILE: the text to normalize (default: our samples,
#                                                repeated to 100 MB: a secondary row, say so when quoting it)
#   CPUS=0 benchmarks/cli-bench.sh FILE          pins every command to those CPUs (taskset), e.g. one core
#
# The real news of ../shared/corpora (ANT multisource) is for measuring only and never enters the project:
#   zcat ../shared/corpora/news/ant-multisource-news.txt.gz > /tmp/ant-news.txt
#   benchmarks/cli-bench.sh /tmp/ant-news.txt 7
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-}
runs=${2:-5}
[ -f target/arnorm-cli.jar ] || mvn -q -B -DskipTests package
[ -f benchmarks/target/benchmarks.jar ] || (cd benchmarks && mvn -q -B package)
if [ -z "$input" ]; then
  input=${TMPDIR:-/tmp}/arnorm-samples-100mb.txt
  if [ ! -f "$input" ]; then
    # The sample article, the WikiNews sentences and the UD sentences, repeated to 100 MB.
    cat benchmarks/data/elaph-2014-truce.txt benchmarks/data/wikinews-plain.txt \
        benchmarks/data/wikinews-vocalized.txt benchmarks/data/ud-pud-sentences.txt > "$input.one"
    : > "$input"
    while [ "$(stat -c %s "$input")" -lt $((100 * 1024 * 1024)) ]; do cat "$input.one" >> "$input"; done
    rm -f "$input.one"
  fi
fi
pin=()
if [ -n "${CPUS:-}" ]; then
  pin=(taskset -c "$CPUS")
fi
size=$(stat -c %s "$input")
# The launcher's JVM options (bin/arnorm: C1 only, the JVM's messages on stderr), given to the copy and to
# Lucene as well in rows of their own, so that each is compared with the same JVM and with its default.
c1="-XX:TieredStopAtLevel=1"
names=("utf8-copy" "utf8-copy, C1" "bin/arnorm -p light" "bin/arnorm -p search" "bin/arnorm -p social"
       "java -jar: light (C2)" "java -jar: search (C2)" "lucene-per-token" "lucene-per-token, C1")
cmds=("java -cp benchmarks/target/benchmarks.jar dev.arnorm.bench.Utf8Copy"
      "java $c1 -cp benchmarks/target/benchmarks.jar dev.arnorm.bench.Utf8Copy"
      "bin/arnorm --preset light"
      "bin/arnorm --preset search"
      "bin/arnorm --preset social"
      "java -jar target/arnorm-cli.jar --preset light"
      "java -jar target/arnorm-cli.jar --preset search"
      "java -cp benchmarks/target/benchmarks.jar dev.arnorm.bench.LuceneStream"
      "java $c1 -cp benchmarks/target/benchmarks.jar dev.arnorm.bench.LuceneStream")
declare -A times
for _ in $(seq "$runs"); do
  for k in "${!cmds[@]}"; do
    s=$(date +%s%N)
    # shellcheck disable=SC2086
    "${pin[@]}" ${cmds[$k]} < "$input" > /dev/null
    e=$(date +%s%N)
    times[$k]="${times[$k]:-} $(((e - s) / 1000000))"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { tr ' ' '\n' | grep . | sort -n | head -1; }
echo "input: $input ($size bytes), $runs rounds, wall time in ms (JVM start included)${CPUS:+, CPUs $CPUS}"
printf '%-26s %8s %8s %10s\n' "command" "median" "best" "MB/s"
declare -A med
for k in "${!cmds[@]}"; do
  med[$k]=$(echo "${times[$k]}" | median)
  printf '%-26s %8d %8d %10.1f\n' "${names[$k]}" "${med[$k]}" "$(echo "${times[$k]}" | best)" \
    "$(echo "$size / 1048576 / (${med[$k]} / 1000)" | bc -l)"
done
min() { if [ "$1" -lt "$2" ]; then echo "$1"; else echo "$2"; fi; }
copy=$(min "${med[0]}" "${med[1]}")
lucene=$(min "${med[7]}" "${med[8]}")
printf 'bin/arnorm light / the faster copy (medians):   %.2fx the time\n' "$(echo "${med[2]} / $copy" | bc -l)"
printf 'the faster lucene / bin/arnorm search (medians): %.2fx (search is this much faster when > 1)\n' \
  "$(echo "$lucene / ${med[3]}" | bc -l)"
printf 'java -jar light / utf8-copy (both C2):            %.2fx the time\n' "$(echo "${med[5]} / ${med[0]}" | bc -l)"
