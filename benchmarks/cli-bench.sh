#!/usr/bin/env bash
# End-to-end CLI timing on about 100 MB of news text: arnorm's CLI against a bare UTF-8 decode/encode copy
# and a streaming Lucene-per-token equivalent, all on the same JVM and file. Prints the best of N runs.
#   benchmarks/cli-bench.sh [MEGABYTES] [RUNS]      (defaults: 100, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
runs=${2:-3}
[ -f target/arnorm-cli.jar ] || mvn -q -B -DskipTests package
[ -f benchmarks/target/benchmarks.jar ] || (cd benchmarks && mvn -q -B package)
input=${TMPDIR:-/tmp}/arnorm-news-${mb}mb.txt
if [ ! -f "$input" ]; then
  # The sample article, the WikiNews sentences and the UD sentences, repeated to the size asked for.
  cat benchmarks/data/elaph-2014-truce.txt benchmarks/data/wikinews-plain.txt \
      benchmarks/data/wikinews-vocalized.txt benchmarks/data/ud-pud-sentences.txt > "$input.one"
  : > "$input"
  while [ "$(stat -c %s "$input")" -lt $((mb * 1024 * 1024)) ]; do cat "$input.one" >> "$input"; done
  rm -f "$input.one"
fi
size=$(stat -c %s "$input")
best() { # command... -> best wall time in ms over $runs runs
  local b=999999999 t s e
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" < "$input" > /dev/null; e=$(date +%s%N)
    t=$(((e - s) / 1000000)); [ "$t" -lt "$b" ] && b=$t
  done
  echo "$b"
}
copy=$(best java -cp benchmarks/target/benchmarks.jar dev.arnorm.bench.Utf8Copy)
light=$(best java -jar target/arnorm-cli.jar --preset light)
search=$(best java -jar target/arnorm-cli.jar --preset search)
lucene=$(best java -cp benchmarks/target/benchmarks.jar dev.arnorm.bench.LuceneStream)
echo "input: $input ($size bytes), best of $runs runs, wall time in ms (JVM start included)"
printf '%-34s %8s %10s\n' "command" "ms" "MB/s"
for row in "utf8-copy:$copy" "arnorm --preset light:$light" "arnorm --preset search:$search" "lucene-per-token stream:$lucene"; do
  name=${row%:*}; ms=${row##*:}
  printf '%-34s %8d %10.1f\n' "$name" "$ms" "$(echo "$size / 1048576 / ($ms / 1000)" | bc -l)"
done
printf 'light / utf8-copy:          %.2fx the time\n' "$(echo "$light / $copy" | bc -l)"
printf 'lucene / search:            %.2fx (search is this much faster when > 1)\n' "$(echo "$lucene / $search" | bc -l)"
