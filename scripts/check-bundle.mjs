#!/usr/bin/env node
/**
 * `npm run check:bundle` (CI, after the build): the JavaScript a visitor's first page downloads
 * stays under the budget. The first page is the home page: the entry chunk, the home route's lazy
 * chunk, and every chunk they import statically, read from Vite's manifest and gzipped here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200_000;
const WEB_DIR = process.env.GUILDHALL_WEB_DIR ?? 'dist/web';
const FIRST_PAGE_ROUTE = 'src/features/home/HomePage.tsx';
const manifestFile = join(WEB_DIR, '.vite', 'manifest.json');

if (!existsSync(manifestFile)) {
  console.error(`No ${manifestFile}: build the portal first (npm run build:web).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('The manifest has no entry chunk');
if (!manifest[FIRST_PAGE_ROUTE]) throw new Error(`The manifest has no chunk for ${FIRST_PAGE_ROUTE}: is the home page still lazy-loaded from there?`);

const chunks = new Set();
const visit = (key) => {
  if (chunks.has(key)) return;
  chunks.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit(entryKey);
visit(FIRST_PAGE_ROUTE);

let total = 0;
const rows = [...chunks].map((key) => {
  const file = manifest[key].file;
  const gzipped = gzipSync(readFileSync(join(WEB_DIR, file))).length;
  total += gzipped;
  return { file, gzipped };
});
for (const { file, gzipped } of rows.sort((a, b) => b.gzipped - a.gzipped)) {
  console.log(`${(gzipped / 1000).toFixed(1).padStart(8)} kB  ${file}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`${(total / 1000).toFixed(1).padStart(8)} kB  first page's JavaScript, gzipped: ${verdict} the ${BUDGET_BYTES / 1000} kB budget`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);
