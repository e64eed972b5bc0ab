import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * An embedded PostgreSQL (PGlite) served over the wire protocol on a free loopback port, so the
 * app keeps the ordinary `pg` driver. PGlite is one backend session: the socket server multiplexes
 * connections and runs an open transaction's queries before anyone else's, so code must never wait,
 * inside a transaction, on a query sent through another connection.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    readonly dataDir: string | undefined,
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async start(dataDir: string | undefined, maxConnections = 32): Promise<EmbeddedPostgres> {
    let location: string | undefined;
    if (dataDir !== undefined) {
      location = resolve(dataDir);
      mkdirSync(location, { recursive: true });
    }
    const db = await PGlite.create(location);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    return new EmbeddedPostgres(db, server, url, location);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
