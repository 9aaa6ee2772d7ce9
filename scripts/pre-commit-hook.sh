#!/bin/sh
# Entry of the posting-lint pre-commit hook (.pre-commit-hooks.yaml): checks the files pre-commit
# passes (the staged postings) with an installed posting-lint, and exits as it does (1 on an error
# finding, which blocks the commit; set args: [--fail-on, warning] in .pre-commit-config.yaml to block
# on warnings too). Finds posting-lint in $POSTING_LINT_HOME/bin, else on PATH.
if [ -n "${POSTING_LINT_HOME:-}" ] && [ -x "$POSTING_LINT_HOME/bin/posting-lint" ]; then
  bin="$POSTING_LINT_HOME/bin/posting-lint"
elif command -v posting-lint >/dev/null 2>&1; then
  bin="posting-lint"
else
  echo "posting-lint: not installed: unpack a release archive and put its bin/ on PATH, or set POSTING_LINT_HOME (see the README's Install section)" >&2
  exit 2
fi
exec "$bin" check --color never "$@"
