// Runs one peer linter over every posting listed in a file, in one Node process, as
// bench/run.sh measures it: node driver.mjs write-good|alex LIST_FILE
// write-good checks plain text (tags stripped, a few entities decoded); alex reads HTML itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [tool, listFile, modules] = process.argv.slice(2);
const require = createRequire(join(modules, 'noop.js'));
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);

function plainText(html) {
  return html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

let findings = 0;
const start = process.hrtime.bigint();
if (tool === 'write-good') {
  const writeGood = require('write-good');
  for (const f of files) {
    findings += writeGood(plainText(readFileSync(f, 'utf8'))).length;
  }
} else if (tool === 'alex') {
  const { html } = await import(require.resolve('alex'));
  for (const f of files) {
    findings += html(readFileSync(f, 'utf8')).messages.length;
  }
} else {
  console.error(`unknown tool ${tool}`);
  process.exit(2);
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`${tool}\tfiles ${files.length}\tfindings ${findings}\tms ${ms.toFixed(0)}\tpostings/s ${(files.length / (ms / 1000)).toFixed(1)}`);
