import { existsSync, readFileSync } from 'node:fs';
import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres.error.js';
import { checkReachable, firstUnreachable, type RunAs } from './system-user.js';

export interface Binaries {
  postgres: string;
  initdb: string;
  version: string;
}

/** The binaries of the installed `@embedded-postgres/<os>-<arch>` package, checked complete. */
export async function findBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let paths: { postgres: string; initdb: string };
  try {
    paths = (await import(name)) as typeof paths;
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed. ` +
        `Run \`npm ci\` without --omit=optional or --ignore-scripts, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const packageJson = join(dirname(paths.postgres), '..', '..', 'package.json');
  const version = existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version : 'unknown';
  const libDir = join(dirname(paths.postgres), '..', 'lib');
  if (platform() === 'linux' && !existsSync(join(libDir, 'libpq.so.5'))) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries in ${dirname(paths.postgres)} are incomplete: their install script did not run ` +
        `(npm --ignore-scripts?). Run \`npm rebuild ${name}\`, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  return { ...paths, version };
}

/**
 * The binaries live in node_modules; when the system user cannot reach them (a project inside root's
 * home, mode 700), a copy in the system's temporary folder is used instead (about 60 MB, made once).
 */
export async function reachableBinaries(binaries: Binaries, runAs: RunAs | undefined): Promise<Binaries> {
  if (!runAs || !(await firstUnreachable(dirname(binaries.postgres), runAs))) return binaries;
  const nativeDir = resolve(dirname(binaries.postgres), '..');
  const copyDir = join(tmpdir(), `guildhall-postgres-${binaries.version}`);
  const copied = { ...binaries, postgres: join(copyDir, 'bin', 'postgres'), initdb: join(copyDir, 'bin', 'initdb') };
  if (!existsSync(join(copyDir, '.complete'))) {
    const partial = `${copyDir}.${process.pid}.partial`;
    await rm(partial, { recursive: true, force: true });
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await writeFile(join(partial, '.complete'), binaries.version);
    await rm(copyDir, { recursive: true, force: true });
    await rename(partial, copyDir);
  }
  await checkReachable(copyDir, runAs, 'TMPDIR');
  return copied;
}
