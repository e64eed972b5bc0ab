#!/usr/bin/env node
// Feature boundaries, checked without a build: `node scripts/check-boundaries.mjs [root]`.
//
// (a) a file in libs/X imports from libs/Y (Y ≠ X, Y ≠ core) only through libs/Y/src/index.(js|ts);
// (b) a library's index.ts exports no repository and no entity file (core's infrastructure excepted);
// (c) SQL in libs/X names no table owned by another feature (owners come from `@Entity('name')` in
//     each library; core's tables may be named anywhere; specs may seed any table).
// Prints `file:line: rule: what` for each violation and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SHARED_LIBS = new Set(['core']);

/**
 * Crossings still to remove, each with its reason, live in <root>/scripts/known-boundary-crossings.json.
 * They are printed but do not fail the check; one that no longer occurs does (delete its entry), so the
 * list can only shrink.
 */
function knownCrossings(root) {
  const file = join(root, 'scripts', 'known-boundary-crossings.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).crossings : [];
}const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/g;
/** TypeORM's query builder takes table names as strings too: .innerJoin('users', 'u', …), .from('users', 'u'). */
const BUILDER_TABLE = /\.(?:innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|from|into|update)\(\s*(['"])([a-z_][a-z0-9_]*)\1/g;
const ENTITY_DECORATOR = /@Entity\(\s*(['"])([a-z_][a-z0-9_]*)\1/g;
const IMPORT_SPEC = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+|\bimport\s*\(\s*)(['"])([^'"]+)\1/g;
const EXPORT_FROM = /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+(['"])([^'"]+)\1/g;
const PERSISTENCE_FILE = /(?:\.repository|\.entity)(?:\.js|\.ts)?$|(?:^|\/)entities\//;

function walk(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const lineAt = (text, index) => text.slice(0, index).split('\n').length;

/** String and template literals of a TypeScript file, with the offset each starts at (comments skipped). */
export function stringLiterals(text) {
  const literals = [];
  let i = 0;
  const n = text.length;
  const readTemplate = () => {
    // i is just after the opening backtick; returns the end index (after the closing backtick)
    let depth = 0;
    while (i < n) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (depth === 0 && c === '`') return ++i;
      else if (c === '$' && text[i + 1] === '{') {
        depth++;
        i += 2;
      } else if (depth > 0 && c === '}') {
        depth--;
        i++;
      } else if (depth > 0 && (c === "'" || c === '"')) {
        skipQuoted(c);
      } else if (depth > 0 && c === '`') {
        i++;
        readTemplate();
      } else i++;
    }
    return i;
  };
  const skipQuoted = (quote) => {
    i++;
    while (i < n && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      skipQuoted(c);
      literals.push({ start, value: text.slice(start + 1, i - 1) });
    } else if (c === '`') {
      const start = i;
      i++;
      readTemplate();
      literals.push({ start, value: text.slice(start + 1, i - 1) });
    } else i++;
  }
  return literals;
}

/** Which library owns each table: `@Entity('name')` in libs/<lib>/src. */
export function tableOwners(libsDir, files) {
  const owners = new Map();
  for (const file of files) {
    const lib = libOf(libsDir, file);
    for (const m of readFileSync(file, 'utf8').matchAll(ENTITY_DECORATOR)) owners.set(m[2], lib);
  }
  return owners;
}

function libOf(libsDir, file) {
  const rel = relative(libsDir, file);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
}

export function checkBoundaries(root) {
  const libsDir = resolve(root, 'libs');
  const files = walk(libsDir);
  const owners = tableOwners(libsDir, files);
  const violations = [];
  const report = (file, line, rule, message) => violations.push({ file: relative(root, file), line, rule, message });

  for (const file of files) {
    const lib = libOf(libsDir, file);
    const text = readFileSync(file, 'utf8');

    for (const m of text.matchAll(IMPORT_SPEC)) {
      const spec = m[2];
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const targetLib = libOf(libsDir, target);
      if (!targetLib || targetLib === lib || SHARED_LIBS.has(targetLib)) continue;
      const inLib = relative(join(libsDir, targetLib), target).split(sep).join('/');
      if (!/^src\/index(\.js|\.ts)?$/.test(inLib)) {
        report(file, lineAt(text, m.index), 'import', `imports ${spec}: use libs/${targetLib}/src/index.ts (its public surface) instead`);
      }
    }

    if (!SHARED_LIBS.has(lib) && relative(join(libsDir, lib, 'src'), file) === 'index.ts') {
      for (const m of text.matchAll(EXPORT_FROM)) {
        if (PERSISTENCE_FILE.test(m[2])) {
          report(file, lineAt(text, m.index), 'export', `exports ${m[2]}: a library's index exports no repository or entity`);
        }
      }
    }

    if (file.endsWith('.spec.ts')) continue; // tests may seed any table
    for (const m of text.matchAll(BUILDER_TABLE)) {
      const owner = owners.get(m[2]);
      if (!owner || owner === lib || SHARED_LIBS.has(owner)) continue;
      report(file, lineAt(text, m.index), 'sql', `query builder names table ${m[2]} owned by ${owner}: ask ${owner}'s service or port`);
    }
    for (const literal of stringLiterals(text)) {
      for (const m of literal.value.matchAll(SQL_TABLE)) {
        const owner = owners.get(m[1]);
        if (!owner || owner === lib || SHARED_LIBS.has(owner)) continue;
        report(file, lineAt(text, literal.start + 1 + m.index), 'sql', `SQL names table ${m[1]} owned by ${owner}: ask ${owner}'s service or port`);
      }
    }
  }
  return violations;
}

/** Splits violations into the listed (known) crossings and the rest; names listed crossings that no longer occur. */
export function withKnownCrossings(all, crossings) {
  const isKnown = (v) => v.rule === 'sql' && crossings.some((k) => k.file === v.file && v.message.includes(`table ${k.table} `));
  const known = all.filter(isKnown);
  const violations = all.filter((v) => !isKnown(v));
  const stale = crossings.filter((k) => !known.some((v) => v.file === k.file && v.message.includes(`table ${k.table} `)));
  return { violations, known, stale };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? process.cwd());
  const { violations, known, stale } = withKnownCrossings(checkBoundaries(root), knownCrossings(root));
  for (const v of known) console.log(`known: ${v.file}:${v.line}: ${v.message}`);
  for (const v of violations) console.log(`${v.file}:${v.line}: ${v.rule}: ${v.message}`);
  for (const k of stale) console.log(`${k.file}: no longer names ${k.table}: delete its entry from scripts/known-boundary-crossings.json`);
  if (violations.length || stale.length) {
    console.error(`\n${violations.length} boundary violation(s), ${stale.length} stale exception(s)`);
    process.exit(1);
  }
  console.log(known.length ? `Feature boundaries hold (${known.length} known crossing(s) listed above, still to remove).` : 'Feature boundaries hold.');
}
