#!/usr/bin/env bash
# Peak RSS, wall and CPU time of a whole-corpus check and of fix on a generated batch, for several collector
# set-ups of the same jar, all started at once (the machine is shared: alternatives run side by side so they
# see the same load; compare them with each other, as ratios, never with another round's figures).
#
#   bash bench/memory.sh JAR check CORPUS_DIR OUT_DIR         # check --as-of 2025-06-01 --format json -o FILE
#   bash bench/memory.sh JAR fix   BATCH_DIR  OUT_DIR         # fix --as-of 2025-06-01 on a copy of the batch
#   python3 bench/gen-fixbatch.py BATCH_DIR 25                # a 25 MB fix batch from the corpus (issue 17)
#
# SETUPS (a space-separated list of names below) picks the set-ups; each prints one line:
# set-up, exit code, peak RSS (MB), wall (s), user+sys CPU (s), and the load average when it ended.
set -uo pipefail
jar="$1"; what="$2"; input="$(cd "$3" && pwd)"; out="$4"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
declare -A opts=(
  [g1]=""
  [g1-tuned]="-XX:+UseG1GC -XX:GCTimeRatio=4 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=2000"
  [serial]="-XX:+UseSerialGC"
  [parallel]="-XX:+UseParallelGC"
  [launcher]="-XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
)
run() {
  local name="$1"
  local dir="$out/$name"
  rm -rf "$dir"; mkdir -p "$dir"
  local args
  if [ "$what" = fix ]; then
    cp -r "$input" "$dir/batch"
    args=(fix --as-of 2025-06-01 batch)
  else
    ln -s "$input" "$dir/html"
    args=(check --as-of 2025-06-01 --format json -o "$dir/out.json" html)
  fi
  # shellcheck disable=SC2086 # the options are a list
  (cd "$dir" && /usr/bin/time -v java ${opts[$name]} -jar "$jar" "${args[@]}" >"$dir/stdout" 2>"$dir/time")
  local rc=$?
  awk -v n="$name" -v rc="$rc" -v load="$(cut -d ' ' -f 1-3 /proc/loadavg)" '
    /Maximum resident/ { rss = $6 / 1024 }
    /User time/ { cpu += $4 } /System time/ { cpu += $4 }
    /Elapsed/ { split($8, t, ":"); wall = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    END { printf "%-9s rc=%s peak RSS %5.0f MB  wall %6.1f s  CPU %6.1f s  load %s\n", n, rc, rss, wall, cpu, load }' "$dir/time"
}
for s in ${SETUPS:-g1 g1-tuned serial parallel}; do
  run "$s" &
done
wait
