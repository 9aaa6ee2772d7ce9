#!/usr/bin/env bash
# bench/packs.sh [DIR] [N]: what each pack of a policy costs, in parse floors, steady state.
#
# For every pack the policy's rules come from (`posting-lint rules`), a policy that keeps only that pack's
# rules (the policy itself with every other rule turned off, so the packs' shared set-up is the same), one
# with no rule at all (the engine: read, parse, text view, report), and the whole policy, all linted in one
# JVM by the hidden `bench` command, alternating within each round, on the first N postings of DIR (default:
# the corpus bench/run.sh extracted, else examples/). Prints each one's lint / parse-floor ratio, of wall and CPU time (the median
# of the rounds', JIT settled) and what it adds to the engine's CPU. The engine row already pays for what
# every report needs (the location field each file's result carries, and so the posting's one automaton pass);
# the packs' additions sum to more than the whole policy's, since each pack alone pays for what packs share
# (language detection, places and jurisdictions, the fields their conditions read). See docs/BENCHMARKS.md.
#
# Settings (environment): POLICY=builtin:default, RUNS=4 measured rounds, AS_OF=2026-11-21.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
POLICY="${POLICY:-builtin:default}"
RUNS="${RUNS:-4}"
AS_OF="${AS_OF:-2026-11-21}"
dir="${1:-}"
n="${2:-2000}"
if [ -z "$dir" ]; then
  dir="$here/.cache/corpus/corpus-ashby"
  [ -d "$dir" ] || dir="$root/examples"
fi
[ -d "$dir" ] || { echo "bench/packs.sh: no folder $dir" >&2; exit 2; }
"$root/posting-lint" --version >/dev/null
jar="$root/cli/target/posting-lint.jar"
work="$here/.cache/packs"
rm -rf "$work" && mkdir -p "$work"
find "$dir" -name '*.html' -type f | LC_ALL=C sort >"$work/all.txt"
head -n "$n" "$work/all.txt" >"$work/files.txt" # not in the pipe: head's early exit would fail it (pipefail)
[ -s "$work/files.txt" ] || { echo "bench/packs.sh: no .html postings in $dir" >&2; exit 2; }

# The policy's rules and their packs: "id source" per rule, without the linter's own built-in rules.
java -jar "$jar" rules --policy "$POLICY" | awk 'NR > 2 && $NF ~ /^builtin:|\.ya?ml$/ {print $1, $NF}' >"$work/rules.txt"
# A policy of the whole one with every rule turned off but those of pack $1 ("" for none).
only() {
  local name="only-${1:-engine}"
  name="${name//builtin:/}"
  name="${name//[^A-Za-z0-9_-]/-}"
  { echo "name: $name"
    echo "extends: ['$POLICY']"
    echo "overrides:"
    awk -v keep="$1" '$2 != keep {print "  " $1 ": off"}' "$work/rules.txt"
  } >"$work/$name.yaml"
  echo "$work/$name.yaml"
}
packs=$(awk '{print $2}' "$work/rules.txt" | awk '!seen[$0]++')
args=(--policy "$(only "")")
for p in $packs; do
  args+=(--policy "$(only "$p")")
done
args+=(--policy "$POLICY")
echo "bench/packs.sh: $(wc -l <"$work/files.txt") postings of $dir; $POLICY; $RUNS rounds after the JIT settles" >&2
java -jar "$jar" bench --as-of "$AS_OF" --settle --runs "$RUNS" "${args[@]}" $(cat "$work/files.txt") >"$work/bench.txt" 2>&1
# ratio KIND LABEL: the median of the rounds' lint / floor ratio for a policy, of wall time (KIND "ratio") or CPU ("cpu")
ratio() {
  if [ "$1" = cpu ]; then
    awk -v p="$2" '$1 == "cpu" && $2 == "ratio" && $3 == p "/floor:" {print $5}' "$work/bench.txt"
  else
    awk -v p="$2" '$1 == "ratio" && $2 == p "/floor:" {print $4}' "$work/bench.txt"
  fi
}
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }
row() {  # row NAME RULES POLICY_LABEL
  local w c
  w=$(ratio wall "$3"); c=$(ratio cpu "$3")
  if [ "$3" = "$engine_label" ]; then
    printf '%-28s %6s %10s %10s %12s\n' "$1" "$2" "$w" "$c" "-"
  else
    printf '%-28s %6s %10s %10s %12s\n' "$1" "$2" "$w" "$c" "$(minus "$c" "$(ratio cpu "$engine_label")")"
  fi
}
engine_label="$work/only-engine.yaml"
printf '%-28s %6s %10s %10s %12s\n' "rules kept" "rules" "lint/floor" "CPU" "CPU added"
row "none (the engine)" 0 "$engine_label"
for p in $packs; do
  row "$p" "$(awk -v p="$p" '$2 == p' "$work/rules.txt" | wc -l)" "$(only "$p")"
done
row "all ($POLICY)" "$(wc -l <"$work/rules.txt")" "$POLICY"
echo "raw: $work/bench.txt" >&2
