// Starts the embedded PostgreSQL for a test run from its TypeScript source (libs/core's
// embedded-postgres.ts imports only Node built-ins and `pg`), transpiled by swc into node_modules/.cache
// so that its imports resolve from the project. Plain JS: it runs before Jest, and in the smoke tests.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function loadEmbeddedPostgres() {
  const source = join(root, 'libs/core/src/database/embedded-postgres.ts');
  const { code } = await swc.transform(readFileSync(source, 'utf8'), {
    filename: source,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
  });
  const outDir = join(root, 'node_modules/.cache/guildhall');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `embedded-postgres.${process.pid}.mjs`);
  writeFileSync(out, code);
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(out, { force: true });
  }
}
