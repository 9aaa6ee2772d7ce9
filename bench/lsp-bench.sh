#!/usr/bin/env bash
# Warm re-lint after an edit, as the language server does it (docs/BENCHMARKS.md, "Language server").
# Usage: bench/lsp-bench.sh [COPIES] [EDITS] [HEAP]   (COPIES x 5 example postings in the workspace; default 1 and 2000)
# Needs cli/target/posting-lint.jar and language-server/target/test-classes:
#   mvn -B -o package -pl cli -am -DskipTests && mvn -B -o test-compile -pl language-server
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Xmx"${3:-512m}" -cp cli/target/posting-lint.jar:language-server/target/test-classes \
  dev.postinglint.lsp.RelintBench examples "${1:-1}" "${2:-300}"
