#!/usr/bin/env bash
# What the posting layer (content choice, the text view walk, language detection) costs on top of the jsoup
# parse, warm, on one thread (docs/BENCHMARKS.md, "Round 6: text view"; PostingLayerBench in linter-core's
# test classes). Usage: bench/posting-layer.sh FILE_LIST [ROUNDS] [JAR]   (FILE_LIST: one posting path a line)
# Needs the CLI jar and linter-core/target/test-classes:
#   mvn -B -o package -pl cli -am -DskipTests && mvn -B -o test-compile -pl linter-core
set -euo pipefail
cd "$(dirname "$0")/.."
list="$(readlink -f "$1")"
exec java -XX:+UseSerialGC -cp "${3:-cli/target/posting-lint.jar}:linter-core/target/test-classes" \
  dev.postinglint.core.posting.PostingLayerBench "$list" "${2:-25}"
