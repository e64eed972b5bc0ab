// Starts the embedded PostgreSQL for a test run from its TypeScript sources (libs/core's database/embedded/
// imports only Node built-ins, `pg` and its own files), transpiled by swc into node_modules/.cache
// so that its imports resolve from the project. Plain JS: it runs before Jest, and in the smoke tests.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function loadEmbeddedPostgres() {
  const sourceDir = join(root, 'libs/core/src/database/embedded');
  const outDir = join(root, 'node_modules/.cache/guildhall', `embedded-postgres.${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  try {
    for (const file of readdirSync(sourceDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))) {
      const source = join(sourceDir, file);
      const { code } = await swc.transform(readFileSync(source, 'utf8'), {
        filename: source,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      });
      // .mjs: ES modules wherever the cache sits; their imports of each other follow the new names.
      writeFileSync(join(outDir, file.replace(/\.ts$/, '.mjs')), code.replace(/(from\s+['"]\.\/[\w.-]+)\.js(['"])/g, '$1.mjs$2'));
    }
    return await import(pathToFileURL(join(outDir, 'embedded-postgres.mjs')).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
