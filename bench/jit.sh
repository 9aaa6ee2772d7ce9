#!/usr/bin/env bash
# JIT and collector set-ups side by side, on Java 17 and Java 25: wall, user+sys CPU and peak RSS of one
# `check --format json` run per set-up, all set-ups started at once so that they share the machine's load
# (compare them with each other, never with another round's figures).
#
#   bash bench/jit.sh JAR INPUT_DIR OUT_DIR [ROUNDS]
#
# JAVA17 and JAVA25 name the two JDKs' java (defaults: Debian's OpenJDK 17 and Temurin 25). The archives the
# launchers use are made here for JAR first, as the launchers make them: an AppCDS archive on 17, the AOT
# cache on 25 (a training check of examples/), and a Java 17 archive trained with the serial collector. SETUPS (a space-separated list of names below) picks set-ups.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$(readlink -f "$1")"; input="$(cd "$2" && pwd)"; out="$3"; rounds="${4:-1}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
j17="${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
j25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
examples=("$here"/examples/*.html)
[ -s "$out/app17.jsa" ] || "$j17" -XX:ArchiveClassesAtExit="$out/app17.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" check --fail-on never --color never "${examples[@]}" >/dev/null 2>&1
# The same archive trained with the serial collector that the runs use (the launchers train without it).
[ -s "$out/app17-serial.jsa" ] || "$j17" -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$out/app17-serial.jsa" -Xlog:cds=off \
  -Xlog:cds+dynamic=off -jar "$jar" check --fail-on never --color never "${examples[@]}" >/dev/null 2>&1
[ -s "$out/app25.aot" ] || "$j25" -XX:AOTCacheOutput="$out/app25.aot" -Xlog:aot=off -Xlog:cds=off \
  -jar "$jar" check --fail-on never --color never "${examples[@]}" >/dev/null 2>&1
serial="-XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
cds17="-XX:SharedArchiveFile=$out/app17.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
aot25="-XX:AOTCache=$out/app25.aot -Xlog:aot=off -Xlog:cds=off"
declare -A opts=(
  [17-launcher]="$j17 $cds17 $serial"
  [17-nocds]="$j17 $serial"
  [17-cds-serial]="$j17 -XX:SharedArchiveFile=$out/app17-serial.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off $serial"
  [17-c1]="$j17 $cds17 $serial -XX:TieredStopAtLevel=1"
  [17-parallel]="$j17 $cds17 -XX:+UseParallelGC"
  [17-cicc3]="$j17 $cds17 $serial -XX:CICompilerCount=3"
  [25-launcher]="$j25 $aot25 $serial"
  [25-noaot]="$j25 $serial"
  [25-c1]="$j25 $aot25 $serial -XX:TieredStopAtLevel=1"
  [25-parallel]="$j25 $aot25 -XX:+UseParallelGC"
)
run() {
  local name="$1" r="$2"
  local dir="$out/$name"
  mkdir -p "$dir"
  # shellcheck disable=SC2086 # the options are a list
  /usr/bin/time -v ${opts[$name]} -jar "$jar" check --as-of 2025-06-01 --format json --fail-on never \
      -o "$dir/out.json" "$input" >"$dir/stdout" 2>"$dir/time"
  local rc=$?
  awk -v n="$name" -v r="$r" -v rc="$rc" -v load="$(cut -d ' ' -f 1-3 /proc/loadavg)" '
    /Maximum resident/ { rss = $6 / 1024 }
    /User time/ { cpu += $4 } /System time/ { cpu += $4 }
    /Elapsed/ { split($8, t, ":"); wall = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    END { printf "round %s %-12s rc=%s peak RSS %5.0f MB  wall %6.1f s  CPU %6.1f s  load %s\n", r, n, rc, rss, wall, cpu, load }' "$dir/time"
}
for r in $(seq 1 "$rounds"); do
  for s in ${SETUPS:-17-launcher 17-nocds 17-cds-serial 17-c1 17-parallel 17-cicc3 25-launcher 25-noaot 25-c1 25-parallel}; do
    run "$s" "$r" &
  done
  wait
done
