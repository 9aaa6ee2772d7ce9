#!/usr/bin/env bash
# posting-lint benchmark: the parse floor, posting-lint (default and cloudflare packs), the cold
# single-file check, and peer linters, on the same files in one run. See docs/BENCHMARKS.md.
#
#   bench/run.sh [CORPUS]      CORPUS: a folder of postings or a .tar.gz of one
#
# Default corpus: ../shared/corpus-ashby.tar.gz (next to the repository) when it exists, else
# postings generated from examples/ (bench/gen-corpus.mjs). Everything it makes (extracted corpus,
# subsets, peer installs, results) goes under bench/.cache/, which git ignores.
#
# Settings (environment):
#   RUNS=5            measured runs of every measurement (medians and spreads over these)
#   WARMUP=2          in-JVM warm-up rounds before the steady-state rounds
#   SETTLE=1          then more warm-up rounds until the JIT has settled (a round under 5% of its CPU
#                     compiling; `bench --settle`, at most 40 more); SETTLE=0: exactly WARMUP rounds
#   SIZES="1000 5000 all"   corpus sizes (postings; "all" is the whole corpus)
#   BIG_MB=5          size of the generated single large posting (0: skip)
#   PEERS=1           measure write-good and alex (installed from the npm registry); 0: skip
#   PEER_SIZE=1000    postings the peers check (they are slow: alex ~10 postings/s)
#   PEER_RUNS=1       runs of each peer
#   GEN_N=2000        postings to generate when there is no corpus
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
cache="$here/.cache"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-2}"
SETTLE="${SETTLE:-1}"
settle_flag=(); [ "$SETTLE" = 1 ] && settle_flag=(--settle)
SIZES="${SIZES:-1000 5000 all}"
BIG_MB="${BIG_MB:-5}"
PEERS="${PEERS:-1}"
PEER_SIZE="${PEER_SIZE:-1000}"
PEER_RUNS="${PEER_RUNS:-1}"
GEN_N="${GEN_N:-2000}"
AS_OF="${AS_OF:-2026-11-21}"   # a fixed date: same rules in force on every run
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$cache/results/$stamp"
mkdir -p "$results"
log() { echo "bench: $*" >&2; }

# ---------- tools ----------
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time (Debian package 'time') for peak RSS"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  else
    sudo apt-get install -y -q time >/dev/null
  fi
fi
command -v node >/dev/null || { log "node is needed (corpus generator, peers)"; exit 2; }

log "building the CLI jar (if needed) and its start-up archive"
"$root/posting-lint" --version >/dev/null
jar="$root/cli/target/posting-lint.jar"

# ---------- corpus ----------
corpus="${1:-}"
if [ -z "$corpus" ] && [ -f "$root/../shared/corpus-ashby.tar.gz" ]; then
  corpus="$root/../shared/corpus-ashby.tar.gz"
fi
if [ -z "$corpus" ]; then
  src="$cache/corpus/generated-$GEN_N"
  if [ ! -f "$src/.done" ]; then
    log "no corpus given: generating $GEN_N postings from examples/"
    rm -rf "$src" && mkdir -p "$src"
    node "$here/gen-corpus.mjs" "$root/examples" "$src" "$GEN_N"
    touch "$src/.done"
  fi
  corpus_name="generated from examples/ ($GEN_N postings)"
elif [ -d "$corpus" ]; then
  src="$(cd "$corpus" && pwd)"
  corpus_name="$corpus"
else
  name="$(basename "$corpus")"; name="${name%.tar.gz}"; name="${name%.tgz}"
  src="$cache/corpus/$name"
  if [ ! -f "$src/.done" ]; then
    log "extracting $corpus"
    rm -rf "$src" && mkdir -p "$src"
    tar -xzf "$corpus" -C "$src"
    touch "$src/.done"
  fi
  corpus_name="$corpus"
fi
work="$cache/work"
rm -rf "$work" && mkdir -p "$work"
find "$src" -name '*.html' -type f | LC_ALL=C sort >"$work/all.txt"
total=$(wc -l <"$work/all.txt")
[ "$total" -gt 0 ] || { log "no .html postings in $src"; exit 2; }
log "corpus: $corpus_name: $total postings"

# A folder with the first N postings (hard links, so no copies), keeping relative paths.
subset() {
  local n="$1" dir="$work/sizes/$1"
  mkdir -p "$dir"
  head -n "$n" "$work/all.txt" >"$dir.txt"
  while IFS= read -r f; do
    rel="${f#"$src"/}"
    mkdir -p "$dir/$(dirname "$rel")"
    ln "$f" "$dir/$rel" 2>/dev/null || cp "$f" "$dir/$rel"
  done <"$dir.txt"
  echo "$dir"
}

# ---------- statistics ----------
# stats FILE: "median min max" of the numbers in FILE (one a line)
stats() { LC_ALL=C sort -g "$1" | awk '{v[NR]=$1} END{m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.3f %.3f %.3f", m, v[1], v[NR]}'; }
fmt() { read -r med lo hi <<<"$(stats "$1")"; printf "%s (%s..%s)" "$med" "$lo" "$hi"; }

# /usr/bin/time -v output -> "wall_seconds peak_rss_mb"
timev() {
  awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; w=s}
              /Maximum resident set size/{r=$2/1024} END{printf "%.3f %.1f\n", w, r}' "$1"
}

summary="$results/summary.txt"
{
  echo "posting-lint benchmark, $stamp"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); node $(node --version)"
  echo "corpus: $corpus_name ($total postings); runs $RUNS, warm-up $WARMUP$([ "$SETTLE" = 1 ] && echo " and until the JIT settles"); as-of $AS_OF"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee "$summary"

# ---------- per size: steady state in one JVM, then the real CLI end to end ----------
measure_dir() {  # measure_dir LABEL DIR POSTINGS
  local label="$1" dir="$2" count="$3" out="$results/$1"
  mkdir -p "$out"
  local bytes; bytes=$(du -sb --apparent-size "$dir" | cut -f1)
  log "[$label] steady state: floor, default, cloudflare, default without consistency rules"
  java -jar "$jar" bench --warmup "$WARMUP" "${settle_flag[@]}" --runs "$RUNS" --as-of "$AS_OF" \
    --policy builtin:default --policy builtin:cloudflare --policy "$here/policies/default-no-consistency.yaml" \
    "$dir" >"$out/steady.txt"
  log "[$label] end to end: ./posting-lint check, default and cloudflare alternately"
  : >"$out/e2e-default.txt"; : >"$out/e2e-cloudflare.txt"; : >"$out/e2e-rss-default.txt"; : >"$out/e2e-rss-cloudflare.txt"; : >"$out/e2e-ratio.txt"
  for r in $(seq 1 "$RUNS"); do
    for pack in default cloudflare; do
      /usr/bin/time -v -o "$out/time-$pack-$r.txt" "$root/posting-lint" check --policy "builtin:$pack" --as-of "$AS_OF" \
        --format json -o /dev/null --fail-on never "$dir" 2>"$out/stderr-$pack-$r.txt" || true
      read -r wall rss <<<"$(timev "$out/time-$pack-$r.txt")"
      echo "$wall" >>"$out/e2e-$pack.txt"
      echo "$rss" >>"$out/e2e-rss-$pack.txt"
    done
    paste "$out/e2e-cloudflare.txt" "$out/e2e-default.txt" | tail -1 | awk '{printf "%.4f\n", $1/$2}' >>"$out/e2e-ratio.txt"
  done
  {
    echo "== $label: $count postings, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB"
    grep -E '^(# warm-up|floor|lint|ratio|cpu ratio|jit)' "$out/steady.txt" | sed 's/^# //; s/^/  steady  /'
    for pack in default cloudflare; do
      read -r med lo hi <<<"$(stats "$out/e2e-$pack.txt")"
      echo "  e2e     ./posting-lint check --policy builtin:$pack: wall $(fmt "$out/e2e-$pack.txt") s," \
        "$(awk -v n="$count" -v m="$med" 'BEGIN{printf "%.0f", n/m}') postings/s; peak RSS $(fmt "$out/e2e-rss-$pack.txt") MB"
    done
    echo "  e2e     wall ratio cloudflare/default (per pair): $(fmt "$out/e2e-ratio.txt")"
  } | tee -a "$summary"
}

for size in $SIZES; do
  if [ "$size" = all ] || [ "$size" -ge "$total" ]; then
    measure_dir "all-$total" "$src" "$total"
    [ "$size" = all ] || break
  else
    measure_dir "$size" "$(subset "$size")" "$size"
  fi
done

# ---------- one large posting ----------
if [ "$BIG_MB" != 0 ]; then
  big="$work/big"
  mkdir -p "$big"
  bigsrc="$work/sizes/200"
  [ -d "$bigsrc" ] || bigsrc="$(subset 200)"
  node "$here/gen-corpus.mjs" --big "$bigsrc" "$big/big-posting.html" "$BIG_MB"
  measure_dir "one-${BIG_MB}MB-posting" "$big" 1

  # 10,000 phrases (a forbid rule's phrases: list) on the same posting: before the policy-wide
  # automaton each phrase searched the 5 MB text on its own (35-50 s). The phrases are pairs of
  # words next to each other in the posting (most occur: punctuation between two words breaks a pair)
  # and as many made-up ones (none occurs). (awk, not head: head stops reading, sort dies of SIGPIPE,
  # and pipefail ends the script.)
  phrases="$work/phrases-10000.yaml"
  {
    printf 'name: phrases-10000\nrules:\n  - id: ten-thousand-phrases\n    type: forbid\n    severity: info\n'
    printf '    category: language\n    message: "phrase {match}"\n    phrases:\n'
    sed 's/<[^>]*>/ /g' "$big/big-posting.html" | tr -cs 'A-Za-z' '\n' | tr 'A-Z' 'a-z' | awk 'length($0) > 3' \
      | awk 'NR > 1 { print prev " " $0; print $0 " zq" NR % 977 } { prev = $0 }' | LC_ALL=C sort -u | awk 'NR <= 10000' \
      | sed 's/.*/      - "&"/'
  } >"$phrases"
  log "[one-${BIG_MB}MB-posting] steady state with 10,000 phrases"
  java -jar "$jar" bench --warmup 1 --runs "$RUNS" --as-of "$AS_OF" --policy "$phrases" "$big" >"$results/phrases-10000.txt"
  {
    echo "== one ${BIG_MB} MB posting, a policy of one forbid rule with $(grep -c '^      - ' "$phrases") phrases"
    grep -E '^(floor|lint|ratio|cpu ratio)' "$results/phrases-10000.txt" | sed 's/^/  steady  /'
  } | tee -a "$summary"
fi

# ---------- cold single file: what an editor on save feels ----------
one="$(ls "$root"/examples/*.html | head -1)"
log "cold single-file check: $one"
: >"$results/cold-launcher.txt"; : >"$results/cold-plain.txt"
"$root/posting-lint" check "$one" >/dev/null 2>&1 || true   # page cache, archive
for r in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N); "$root/posting-lint" check "$one" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  java -jar "$jar" check "$one" >/dev/null 2>&1 || true; t2=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 ))" >>"$results/cold-launcher.txt"
  echo "$(( (t2 - t1) / 1000000 ))" >>"$results/cold-plain.txt"
done
{
  echo "== cold single file ($(basename "$one"))"
  echo "  ./posting-lint check one.html (launcher: CDS archive, small-run JVM flags): $(fmt "$results/cold-launcher.txt") ms"
  echo "  java -jar posting-lint.jar check one.html (no archive, default JVM):         $(fmt "$results/cold-plain.txt") ms"
} | tee -a "$summary"

# ---------- peers ----------
if [ "$PEERS" = 1 ]; then
  peers="$cache/peers"
  if [ ! -d "$peers/node_modules/alex" ] || [ ! -d "$peers/node_modules/write-good" ] \
      || ! cmp -s "$here/peers/package.json" "$peers/package.json"; then
    log "installing write-good and alex from the npm registry into $peers"
    mkdir -p "$peers" && cp "$here/peers/package.json" "$peers/package.json"
    (cd "$peers" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  n=$(( PEER_SIZE < total ? PEER_SIZE : total ))
  head -n "$n" "$work/all.txt" >"$results/peer-files.txt"
  echo "== peers on the first $n postings (one Node process each; $PEER_RUNS run(s))" | tee -a "$summary"
  for tool in write-good alex; do
    : >"$results/peer-$tool.txt"; : >"$results/peer-rss-$tool.txt"
    for r in $(seq 1 "$PEER_RUNS"); do
      /usr/bin/time -v -o "$results/time-$tool-$r.txt" node "$here/peers/driver.mjs" "$tool" "$results/peer-files.txt" "$peers" \
        >"$results/peer-$tool-$r.out" 2>&1 || true
      read -r wall rss <<<"$(timev "$results/time-$tool-$r.txt")"
      echo "$wall" >>"$results/peer-$tool.txt"; echo "$rss" >>"$results/peer-rss-$tool.txt"
    done
    read -r med lo hi <<<"$(stats "$results/peer-$tool.txt")"
    echo "  $tool: wall $(fmt "$results/peer-$tool.txt") s, $(awk -v n="$n" -v m="$med" 'BEGIN{printf "%.1f", n/m}') postings/s; peak RSS $(fmt "$results/peer-rss-$tool.txt") MB" \
      | tee -a "$summary"
  done
fi
{
  echo "== joblint (no longer on the npm registry; figures quoted from issue 7)"
  echo "  joblint 2.3.2 (19 regex rules): 9,387 corpus postings in 21.6 s (~435/s); 2,000 seed copies in 4.9 s (~410/s)"
  echo "  for scale (issue 7, 2,000 seed copies): write-good ~30/s, alex ~10/s (1.1 GB RSS), textlint+HTML ~1.6/s (2.8 GB RSS)"
  echo
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "raw results: $results"
} | tee -a "$summary"
