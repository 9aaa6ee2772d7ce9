#!/usr/bin/env bash
# Builds the VS Code extension into posting-lint-VERSION.vsix with the npm tooling: npm ci (from the
# committed package-lock.json, npm registry only), tsc, vsce package.
#
#   editors/vscode/build.sh              build in place: editors/vscode/posting-lint-VERSION.vsix
#   editors/vscode/build.sh WORK_DIR     build in a copy in WORK_DIR (e.g. editors/target/vscode); its
#                                        node_modules is kept and reused while package-lock.json is unchanged
#
# Needs node 20 or later and npm. Prints the .vsix path as its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-$here}
mkdir -p "$work"
work=$(cd "$work" && pwd)

if [ "$work" != "$here" ]; then
  # The sources only: node_modules (and the npm ci it saves) stays in the work directory.
  rm -rf "$work/src" "$work/scripts" "$work/out" "$work/schemas"
  cp -R "$here/src" "$here/scripts" "$work/"
  for f in package.json package-lock.json tsconfig.json .vscodeignore README.md CHANGELOG.md; do
    cp "$here/$f" "$work/$f"
  done
  find "$work" -maxdepth 1 -name '*.vsix' -delete
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "build.sh: node 20 or later is needed (@vscode/vsce), found: $(node --version 2>/dev/null || echo none)" >&2
  exit 2
fi
export POSTING_LINT_ROOT="$root"
cd "$work"

lock_hash() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum package-lock.json; else shasum -a 256 package-lock.json; fi | cut -d' ' -f1
}
stamp=node_modules/.posting-lint-lock
want=$(lock_hash)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # No install scripts: nothing the build needs has one, and keytar's (an optional vsce dependency,
  # only for publishing) would download a prebuilt binary from outside the npm registry.
  npm ci --ignore-scripts --no-audit --no-fund
  echo "$want" > "$stamp"
fi

version=$(node -p "require('./package.json').version")
npm run --silent package -- --out "posting-lint-$version.vsix" >&2
echo "$work/posting-lint-$version.vsix"
