#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml at the repository root), kept here so that a test
# (cli/src/test/java/dev/postinglint/cli/ActionScriptIT.java) runs them outside GitHub against a local
# release archive. Two steps:
#
#   action-run.sh install   resolve the version, fetch the release archive from Maven Central (or take
#                           POSTING_LINT_ARCHIVE, a local posting-lint-VERSION.tar.gz), unpack it under
#                           $RUNNER_TOOL_CACHE/posting-lint/VERSION unless it is there (actions/cache),
#                           add its bin/ to GITHUB_PATH; outputs version, home, bin
#   action-run.sh check     run 'posting-lint check' with the INPUT_* settings, writing SARIF and the
#                           HTML report; outputs exit-code, sarif-file, html-file, summary; adds the
#                           summary to GITHUB_STEP_SUMMARY. Exits 0: the action's last step fails the
#                           job on findings, after the SARIF upload. With INPUT_CHANGED_SINCE (a pull
#                           request's base branch): --changed-since, fetching the base branch and the
#                           history a merge base needs when the checkout (shallow by default) lacks them.
#
# Inputs come as environment variables (INPUT_VERSION, INPUT_PATHS, INPUT_POLICY, INPUT_FORMATS,
# INPUT_FAIL_ON, INPUT_AS_OF, INPUT_SARIF_FILE, INPUT_HTML_FILE, INPUT_ARGS, INPUT_CHANGED_SINCE), as
# action.yml passes them.
set -euo pipefail

central="${POSTING_LINT_MAVEN_REPO:-https://repo1.maven.org/maven2}"
coords="dev/postinglint/posting-lint-cli"

out() { echo "$1=$2" >>"${GITHUB_OUTPUT:-/dev/null}"; }
fail() { echo "::error title=posting-lint::$*" >&2; exit 2; }
fetch() { # URL FILE
  if command -v curl >/dev/null 2>&1; then curl -fsSL --retry 3 -o "$2" "$1"; else wget -q -O "$2" "$1"; fi
}

install() {
  local version="${INPUT_VERSION:-latest}" archive="${POSTING_LINT_ARCHIVE:-}"
  if [ -n "$archive" ]; then
    [ -f "$archive" ] || fail "POSTING_LINT_ARCHIVE=$archive is not a file"
    # posting-lint-VERSION.tar.gz: the version is in the name.
    version="$(basename "$archive")"; version="${version#posting-lint-}"; version="${version%.tar.gz}"
  elif [ "$version" = latest ]; then
    local meta; meta="$(mktemp)"
    fetch "$central/$coords/maven-metadata.xml" "$meta" || fail "cannot read $central/$coords/maven-metadata.xml"
    version="$(sed -n 's:.*<release>\(.*\)</release>.*:\1:p' "$meta" | head -n 1)"
    rm -f "$meta"
    [ -n "$version" ] || fail "no released version in $central/$coords/maven-metadata.xml"
  fi
  local root="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/posting-lint"
  local home="$root/$version/posting-lint-$version"
  if [ ! -x "$home/bin/posting-lint" ]; then
    mkdir -p "$root/$version"
    local tgz="$root/$version/posting-lint-$version.tar.gz"
    if [ -n "$archive" ]; then
      cp "$archive" "$tgz"
    else
      fetch "$central/$coords/$version/posting-lint-cli-$version.tar.gz" "$tgz" \
        || fail "cannot download posting-lint $version from $central"
    fi
    tar -xzf "$tgz" -C "$root/$version"
    rm -f "$tgz"
    [ -x "$home/bin/posting-lint" ] || fail "the archive has no posting-lint-$version/bin/posting-lint"
    echo "posting-lint $version installed in $home"
  else
    echo "posting-lint $version found in $home (cached)"
  fi
  echo "$home/bin" >>"${GITHUB_PATH:-/dev/null}"
  out version "$version"
  out home "$home"
  out bin "$home/bin/posting-lint"
}

# The ref to give --changed-since for base branch $1: origin/BRANCH (fetched when missing), else a local
# BRANCH; the history is deepened when the clone is shallow, since REF...HEAD needs their merge base.
base_ref() {
  local base="$1" ref
  if git rev-parse --verify --quiet "refs/remotes/origin/$base^{commit}" >/dev/null; then
    ref="origin/$base"
  elif git rev-parse --verify --quiet "refs/heads/$base^{commit}" >/dev/null; then
    ref="$base"
  else
    echo "posting-lint: fetching the base branch $base" >&2
    git fetch --quiet --no-tags origin "+refs/heads/$base:refs/remotes/origin/$base" >&2 \
      || fail "cannot fetch the base branch $base from origin"
    ref="origin/$base"
  fi
  if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
    echo "posting-lint: shallow clone, fetching the history the merge base with $base needs" >&2
    git fetch --quiet --no-tags --unshallow origin "+refs/heads/$base:refs/remotes/origin/$base" >&2 \
      || git fetch --quiet --no-tags --unshallow origin >&2 || fail "cannot fetch the history of $base from origin"
  fi
  echo "$ref"
}

check() {
  local bin="${POSTING_LINT_BIN:-posting-lint}"
  # Unset: the default name; set but empty: no such report.
  local sarif="${INPUT_SARIF_FILE-posting-lint.sarif}" html="${INPUT_HTML_FILE-posting-lint.html}"
  local args=(check)
  local word
  # Paths, policies, formats and extra arguments are white-space separated lists.
  read -r -a paths <<<"${INPUT_PATHS:-.}"
  args+=("${paths[@]}")
  for word in ${INPUT_POLICY:-}; do args+=(--policy "$word"); done
  for word in ${INPUT_FORMATS:-github}; do args+=(--format "$word"); done
  [ -n "$sarif" ] && args+=(--format "sarif=$sarif")
  [ -n "$html" ] && args+=(--format "html=$html")
  args+=(--fail-on "${INPUT_FAIL_ON:-error}")
  [ -n "${INPUT_AS_OF:-}" ] && args+=(--as-of "$INPUT_AS_OF")
  if [ -n "${INPUT_CHANGED_SINCE:-}" ]; then
    local since; since="$(base_ref "$INPUT_CHANGED_SINCE")" || exit 2
    args+=(--changed-since "$since")
  fi
  if [ -n "${INPUT_ARGS:-}" ]; then read -r -a extra <<<"$INPUT_ARGS"; args+=("${extra[@]}"); fi

  local log code=0
  log="$(mktemp)"
  echo "posting-lint ${args[*]}"
  "$bin" "${args[@]}" >"$log" || code=$?
  cat "$log"
  local summary
  summary="$(grep -E '[0-9]+ files? checked' "$log" | tail -n 1 | sed 's/^posting-lint: //' || true)"
  rm -f "$log"
  out exit-code "$code"
  out sarif-file "$([ -n "$sarif" ] && [ -f "$sarif" ] && echo "$sarif" || true)"
  out html-file "$([ -n "$html" ] && [ -f "$html" ] && echo "$html" || true)"
  out summary "$summary"
  {
    echo "### posting-lint"
    echo
    case "$code" in
      0) echo "Passed (fail-on: ${INPUT_FAIL_ON:-error}): ${summary:-no summary}" ;;
      1) echo "Failed (fail-on: ${INPUT_FAIL_ON:-error}): ${summary:-no summary}" ;;
      *) echo "Error (exit code $code): see the step's log" ;;
    esac
    if [ -n "$html" ] && [ -f "$html" ]; then
      echo
      echo "HTML report: \`$html\` (in the job's artifacts when uploaded)"
    fi
  } >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
}

case "${1:-}" in
  install) install ;;
  check) check ;;
  *) echo "usage: action-run.sh install|check" >&2; exit 2 ;;
esac
