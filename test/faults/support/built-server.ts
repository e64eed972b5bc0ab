import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const MAIN_JS = 'dist/apps/api/src/main.js';
const SOURCES = ['apps', 'libs', 'migrations'];
const LOCK = 'dist/.fault-tests-build.lock';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    return statSync(MAIN_JS).mtimeMs >= Math.max(...SOURCES.map(newestSource));
  } catch {
    return false;
  }
}

/** The fault tests run the built server (`npm run build`): build it when dist is missing or older than the sources. */
export async function ensureBuilt(): Promise<void> {
  for (let waited = 0; !isFresh(); waited += 500) {
    mkdirSync('dist', { recursive: true });
    let locked = false;
    try {
      mkdirSync(LOCK);
      locked = true;
    } catch {
      // another test file is building: wait for it
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!isFresh()) execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    } finally {
      if (locked) rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
