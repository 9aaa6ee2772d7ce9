// Writes a synthetic corpus for bench/run.sh when no real one is at hand: N postings made from the
// bundled examples, each copy with varied text (numbers, names, a shuffled paragraph order), so
// that corpus-level drift rules see near-duplicates, as in a real board.
//   node gen-corpus.mjs EXAMPLES_DIR OUT_DIR N
// and one large posting (for growth checks):
//   node gen-corpus.mjs --big SOURCE_DIR OUT_FILE MEGABYTES
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

// A small deterministic random generator (mulberry32), so every run makes the same corpus.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['platform', 'network', 'edge', 'security', 'reliability', 'customers', 'product', 'data', 'team', 'systems'];
const CITIES = ['Austin, TX', 'London, UK', 'Lisbon, Portugal', 'New York, NY', 'Singapore', 'Berlin, Germany', 'Remote'];

function vary(html, i, rand) {
  let out = html.replace(/\b(\d{2,3})\b/g, (m) => String(Number(m) + (i % 7)));
  out = out.replace(/<p>([^<]{40,}?)<\/p>/, (m, t) => `<p>${t} Our ${WORDS[i % WORDS.length]} work matters.</p>`);
  out = out.replace(/(Locations?:\s*)([^<]+)/i, (m, l) => l + CITIES[Math.floor(rand() * CITIES.length)]);
  if (rand() < 0.1) out = out.replace(/equal opportunity/i, 'equal-opportunity');
  return out;
}

const args = process.argv.slice(2);
if (args[0] === '--big') {
  const [, src, outFile, mb] = args;
  const parts = htmlFiles(src).map((f) => readFileSync(f, 'utf8'));
  const target = Number(mb) * 1024 * 1024;
  const rand = rng(7);
  let body = '';
  for (let i = 0; body.length < target; i++) {
    body += `<div class="section-${i}">\n${vary(parts[i % parts.length], i, rand)}\n</div>\n`;
  }
  writeFileSync(outFile, body);
} else {
  const [src, outDir, n] = args;
  const seeds = htmlFiles(src).map((f) => readFileSync(f, 'utf8'));
  const rand = rng(42);
  mkdirSync(outDir, { recursive: true });
  for (let i = 0; i < Number(n); i++) {
    const name = `gen_${String(i).padStart(5, '0')}.html`;
    writeFileSync(join(outDir, name), vary(seeds[i % seeds.length], i, rand));
  }
}
