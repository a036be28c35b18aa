// The bundle's sizes after `vite build`: every chunk raw and gzipped, and the
// initial JavaScript (the entry and what it imports statically, from Vite's
// manifest), which fails the build above the budget.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_GZIP = 250 * 1000; // bytes: 250 kB gzipped (kB as Vite prints it)

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
// The manifest is for this script only: the server embeds all of dist/ and
// would publish it.
rmSync(join(dist, '.vite'), { recursive: true, force: true });

function sizes(file) {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => (n / 1000).toFixed(2).padStart(9) + ' kB';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// Every emitted asset, largest first.
const files = walk(join(dist, 'assets'))
  .map((p) => relative(dist, p))
  .map((file) => ({ file, ...sizes(file) }))
  .sort((a, b) => b.gzip - a.gzip);
console.log(`${'chunk'.padEnd(48)} ${'raw'.padStart(12)} ${'gzip'.padStart(12)}`);
for (const f of files) console.log(`${f.file.padEnd(48)} ${kb(f.raw)} ${kb(f.gzip)}`);

// The initial JavaScript: entries and their static imports, transitively.
const initial = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const js = [...initial].filter((f) => f.endsWith('.js')).map((file) => ({ file, ...sizes(file) }));
const total = js.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
console.log(`\ninitial JS (${js.map((f) => f.file).join(', ')}):`);
console.log(`${'total'.padEnd(48)} ${kb(total.raw)} ${kb(total.gzip)}  (budget ${kb(BUDGET_GZIP).trim()} gzipped)`);
if (js.length === 0) {
  console.error('sizes: no entry chunk in dist/.vite/manifest.json');
  process.exit(1);
}
if (total.gzip > BUDGET_GZIP) {
  console.error(`sizes: the initial JS is ${kb(total.gzip).trim()} gzipped, over the ${kb(BUDGET_GZIP).trim()} budget`);
  process.exit(1);
}
