import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Binaries } from './binaries.js';
import { generatedOnce } from './generated-once.js';
import { EmbeddedPostgresError } from './embedded-postgres.error.js';
import { run, type RunAs } from './system-user.js';

/** The cluster's superuser, and how long a server gets to stop before it is stopped harder. */
export const SUPERUSER = 'postgres';
export const STOP_TIMEOUT_MS = 15_000;

/** PGlite (the embedded engine before this one) wrote its cluster straight into the data folder. */
export function refuseOldEngineFolder(dataDir: string): void {
  if (!existsSync(join(dataDir, 'PG_VERSION')) || existsSync(join(dataDir, 'pg'))) return;
  const version = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  throw new EmbeddedPostgresError(
    `${dataDir} holds a database of Guildhall's former embedded engine (PGlite, PostgreSQL ${version} in WebAssembly), ` +
      `which this version no longer runs. To keep that data, start the previous Guildhall release on it and copy it out with ` +
      `pg_dump (its start-up line prints the URL), then restore it into this version's database. To start afresh, move the folder ` +
      `aside (mv "${dataDir}" "${dataDir}.pglite"), or point GUILDHALL_DATA_DIR at another folder, or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

/** The superuser password: generated once and kept in the data folder, readable only by its owner. */
export function passwordOf(dataDir: string): Promise<string> {
  return generatedOnce(join(dataDir, 'password'), () => randomBytes(24).toString('base64url'));
}

export async function initCluster(binaries: Binaries, clusterDir: string, password: string, runAs: RunAs | undefined): Promise<void> {
  await rm(clusterDir, { recursive: true, force: true }); // a half-made cluster from an interrupted first start
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const pwfile = join(tmpdir(), `guildhall-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  try {
    const args = [
      `--pgdata=${clusterDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      // Unicode-aware upper/lower and code-point ordering on every OS, with no OS locale needed.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ];
    const result = await run(binaries.initdb, args, runAs);
    if (result.code !== 0) {
      throw new EmbeddedPostgresError(`Creating the embedded PostgreSQL cluster in ${clusterDir} failed (initdb exit ${result.code}):\n${result.output}`);
    }
  } finally {
    await rm(pwfile, { force: true });
  }
  await chmod(clusterDir, 0o700);
}

/**
 * After a crash `postmaster.pid` stays behind. PostgreSQL ignores it when its process is gone, but
 * refuses to start when the number now belongs to another program (common in containers). A live
 * postgres with that number is a server orphaned by a killed Guildhall process: it is stopped.
 */
export async function removeStalePidFile(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return void (await rm(pidFile, { force: true }));
  if (!isPostgres(pid)) return void (await rm(pidFile, { force: true }));
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    throw new EmbeddedPostgresError(
      `Another PostgreSQL (PID ${pid}) is using ${clusterDir} and did not stop. Is another Guildhall process running on this data folder? ` +
        `One process per embedded data folder: for several, set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  const comm = `/proc/${pid}/comm`;
  if (!existsSync(comm)) return platform() !== 'linux'; // elsewhere, trust the number
  return readFileSync(comm, 'utf8').trim() === 'postgres';
}
