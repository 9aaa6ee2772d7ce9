#!/usr/bin/env bash
# bench/ab.sh JAR_A JAR_B [ROUNDS] [CORPUS_DIR]: two builds side by side, A then B in each round, with
# the hidden 'bench' command (parse floor and steady-state lint of builtin:default, wall and CPU) on the
# first 2,000 postings of an extracted corpus. On a busy machine compare the CPU columns, round by round.
set -u
a=$1; b=$2; rounds=${3:-3}; corpus=${4:-bench/.cache/corpus/corpus-ashby/corpus/html}
list="$(mktemp)"
find "$corpus" -type f | LC_ALL=C sort | head -2000 > "$list"
for r in $(seq 1 $rounds); do
  for j in A B; do
    jar=$a; [ $j = B ] && jar=$b
    echo "== round $r $j"
    java -jar $jar bench --as-of 2026-06-01 --warmup 2 --runs 5 $(cat "$list") 2>&1 | tail -12
  done
done
rm -f "$list"
