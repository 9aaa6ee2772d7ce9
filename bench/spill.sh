#!/usr/bin/env bash
# bench/spill.sh JAR REPORT.json [RUNS]: the cost of the result spill (what waits on disk for the corpus rules)
# for a real run's results: REPORT.json is a 'check --format json' report (the whole corpus:
# check --as-of 2025-06-01 --format json --fail-on never -o REPORT.json DIR). Prints, per run, the CPU of
# writing and reading every result once. Compare two jars side by side, alternating.
set -eu
jar=$1; report=$2; runs=${3:-4}
out="$(mktemp -d)"
javac -nowarn -cp "$jar" -d "$out" "$(dirname "$0")/spill/SpillBench.java"
java -cp "$jar:$out" dev.postinglint.core.engine.SpillBench "$report" "$runs"
rm -rf "$out"
