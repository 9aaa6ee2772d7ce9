// Runs redhat's yaml-language-server (the engine behind the YAML extensions of VS Code, Neovim's
// yamlls, Helix, Zed ...) on policy files with schema/posting-lint-policy.schema.json, as an editor
// would: validation, completion and hover. PolicySchemaEditorIT writes the cases and judges the result.
//
//   node check.js SCHEMA_FILE < cases.json > results.json
//   cases:   [{"name", "text", "complete"?: {"line", "character"}, "hover"?: {"line", "character"}}]
//   results: [{"name", "diagnostics": [{"line", "message"}], "completions"?: [labels], "hover"?: "markdown"}]
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { getLanguageService } = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService');

async function main() {
  const schemaFile = path.resolve(process.argv[2]);
  const schemaUri = pathToFileURL(schemaFile).toString();
  const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
  // The schema's published address (its $id, which the docs' schema lines name) is served from the
  // file under test: the check runs offline, and judges this checkout's schema.
  const published = JSON.parse(fs.readFileSync(schemaFile, 'utf8')).$id;
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      if (uri === published) {
        return fs.readFileSync(schemaFile, 'utf8');
      }
      if (uri.startsWith('file:')) {
        return fs.readFileSync(fileURLToPath(uri), 'utf8');
      }
      throw new Error(`no network in this check: ${uri}`);
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  service.configure({
    validate: true, hover: true, completion: true, yamlVersion: '1.2',
    // Cases named *.posting-lint.yaml get the schema by mapping (as the editor set-ups configure it);
    // the others only through their own "# yaml-language-server: $schema=" line.
    schemas: [{ uri: schemaUri, fileMatch: ['*.posting-lint.yaml'] }],
  });
  const results = [];
  for (const c of cases) {
    const doc = TextDocument.create(`file:///cases/${c.file}`, 'yaml', 1, c.text);
    const diagnostics = (await service.doValidation(doc, false))
      .map((d) => ({ line: d.range.start.line + 1, severity: d.severity, message: d.message }));
    const result = { name: c.name, diagnostics };
    if (c.complete) {
      const list = await service.doComplete(doc, c.complete, false);
      result.completions = list.items.map((i) => i.label);
    }
    if (c.hover) {
      const hover = await service.doHover(doc, c.hover);
      result.hover = hover && hover.contents ? (typeof hover.contents === 'string' ? hover.contents : hover.contents.value || '') : '';
    }
    results.push(result);
  }
  process.stdout.write(JSON.stringify(results, null, 1));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
