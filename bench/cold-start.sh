#!/usr/bin/env bash
# bench/cold-start.sh [RUNS] [JDK25_HOME] [BASELINE_DIR]: cold single-file check through the root launcher
# (./posting-lint check one.html, what an editor on save feels) on Java 17 with its CDS archive and on
# Java 25 with its AOT cache, alternately in one run, plus plain 'java -jar' on Java 17 for reference.
# BASELINE_DIR: another launcher to compare with, in the same run (a directory holding a posting-lint
# launcher and its cli/target/posting-lint.jar, e.g. a copy of an earlier commit's launcher and jar, with
# examples/ linked): its two launcher rows alternate with these. On a shared machine only figures of one
# run compare. Prints wall and CPU (user + sys) per run and the median (min..max) of each. See
# docs/BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-15}"
jdk25="${2:-${POSTING_LINT_TEST_JDK25:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}}"
base="${3:-}"
jdk17="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
one="$(ls "$root"/examples/*.html | head -n 1)"
jar="$root/cli/target/posting-lint.jar"
[ -x "$jdk25/bin/java" ] || { echo "no JDK 25 (give its home as the second argument)" >&2; exit 2; }
out="$(mktemp -d)"
# Builds the jar if needed, then trains each JVM's archive once (not measured).
PATH="$jdk17/bin:$PATH" "$root/posting-lint" check "$one" >/dev/null 2>&1 || true
PATH="$jdk25/bin:$PATH" "$root/posting-lint" check "$one" >/dev/null 2>&1 || true
names=(jdk17-launcher jdk25-launcher jdk17-plain)
if [ -n "$base" ]; then
  [ -x "$base/posting-lint" ] && [ -f "$base/cli/target/posting-lint.jar" ] || { echo "no launcher and jar in $base" >&2; exit 2; }
  PATH="$jdk17/bin:$PATH" "$base/posting-lint" check "$one" >/dev/null 2>&1 || true
  PATH="$jdk25/bin:$PATH" "$base/posting-lint" check "$one" >/dev/null 2>&1 || true
  names=(base-jdk17 jdk17-launcher base-jdk25 jdk25-launcher jdk17-plain)
fi
TIMEFORMAT='%R %U %S'
measure() {  # measure NAME COMMAND...: appends "wall_ms cpu_ms" to $out/NAME
  local name="$1"; shift
  local t; t="$( { time "$@" >/dev/null 2>&1; } 2>&1 || true)"
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' >>"$out/$name"
}
for r in $(seq 1 "$runs"); do
  if [ -n "$base" ]; then
    measure base-jdk17 env PATH="$jdk17/bin:$PATH" "$base/posting-lint" check "$one"
    measure base-jdk25 env PATH="$jdk25/bin:$PATH" "$base/posting-lint" check "$one"
  fi
  measure jdk17-launcher env PATH="$jdk17/bin:$PATH" "$root/posting-lint" check "$one"
  measure jdk25-launcher env PATH="$jdk25/bin:$PATH" "$root/posting-lint" check "$one"
  measure jdk17-plain "$jdk17/bin/java" -jar "$jar" check "$one"
done
stat_col() {  # stat_col FILE COLUMN: median (min..max)
  cut -d ' ' -f "$2" "$1" | LC_ALL=C sort -n | awk '{v[NR]=$1} END{m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%d (%d..%d)", m, v[1], v[NR]}'
}
echo "cold single file: $(basename "$one"), $runs runs each, alternating; load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  printf '%-16s wall ms %-22s cpu ms %s\n' "$name" "$(stat_col "$out/$name" 1)" "$(stat_col "$out/$name" 2)"
done
rm -rf "$out"
