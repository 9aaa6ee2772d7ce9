// Copies what the extension ships from the repository root: the policy JSON Schema (for
// contributes.yamlValidation) and the LICENSE. POSTING_LINT_ROOT names the root when the extension
// is built outside the tree (build.sh with a work directory).
'use strict';
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const root = process.env.POSTING_LINT_ROOT ? path.resolve(process.env.POSTING_LINT_ROOT) : path.resolve(here, '..', '..');
const files = [
  ['schema/posting-lint-policy.schema.json', 'schemas/posting-lint-policy.schema.json'],
  ['LICENSE', 'LICENSE'],
];
for (const [from, to] of files) {
  const source = path.join(root, from);
  if (!fs.existsSync(source)) {
    console.error(`copy-files: ${source} does not exist (set POSTING_LINT_ROOT to the posting-lint repository)`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(path.join(here, to)), { recursive: true });
  fs.copyFileSync(source, path.join(here, to));
}
