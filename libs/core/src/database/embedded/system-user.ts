import { spawn, spawnSync } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import { dirname, parse, resolve } from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres.error.js';

/** The system user the server runs as when Guildhall runs as root (PostgreSQL refuses root). */
export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

const SYSTEM_USER = 'postgres';

/**
 * PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user (created,
 * as the package's `createPostgresUser` does, when the system has none).
 */
export async function systemUserWhenRoot(): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = () => {
    const uid = spawnSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name: SYSTEM_USER } : undefined;
  };
  const found = lookup();
  if (found) return found;
  const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { encoding: 'utf8' });
  const created = made.status === 0 ? lookup() : undefined;
  if (!created) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL needs a "${SYSTEM_USER}" system user (PostgreSQL refuses to run as root) and could not create one ` +
        `(${made.stderr?.trim() || made.error?.message || 'useradd failed'}). Create it (useradd --system ${SYSTEM_USER}), run as another user, or set DATABASE_URL.`,
    );
  }
  return created;
}

/** Can `user` enter every folder from the root down to `path` (inclusive)? Names the first that it cannot. */
export async function firstUnreachable(path: string, user: RunAs): Promise<string | undefined> {
  const folders: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dir === parse(dir).root) break;
  }
  for (const dir of folders) {
    const info = await stat(dir);
    const mode = info.mode;
    const canEnter = info.uid === user.uid ? (mode & 0o100) !== 0 : info.gid === user.gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!canEnter) return dir;
  }
  return undefined;
}

/** The data folder is ours: let the system user pass through it (not list it) to its cluster folder. */
export async function letSystemUserEnter(dataDir: string): Promise<void> {
  const info = await stat(dataDir);
  if (info.uid === process.getuid?.() && (info.mode & 0o001) === 0) await chmod(dataDir, (info.mode & 0o777) | 0o001);
}

export async function checkReachable(path: string, user: RunAs, setting: string): Promise<void> {
  const blocked = await firstUnreachable(path, user);
  if (!blocked) return;
  const mode = ((await stat(blocked)).mode & 0o777).toString(8);
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL runs as the "${user.name}" system user (PostgreSQL refuses to run as root), and that user cannot enter ` +
      `${blocked} (mode ${mode}) on the way to ${path}. Set ${setting} to a folder it can reach (for example /var/lib/guildhall), ` +
      `or allow it in (chmod o+x "${blocked}"), or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

/** Runs a program (as the system user when there is one) and collects what it printed. */
export function run(command: string, args: string[], runAs: RunAs | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' }, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}
