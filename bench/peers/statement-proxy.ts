import { connect, createServer, type Server, type Socket } from 'node:net';

/** Transaction control, counted apart from the statements that read or write data. */
const CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SET |SAVEPOINT|RELEASE)/i;

export interface StatementCounts {
  /** Simple-protocol queries plus extended-protocol executions, less transaction control. */
  data: number;
  control: number;
}

/**
 * A TCP proxy in front of PostgreSQL that counts the statements its clients run, the same way for every
 * target (pg_stat_statements is not loaded on every server): each `Query` message is one statement, and
 * each `Execute` message is one (an unnamed `Parse` before it tells whether it is transaction control).
 * Used only while counting, never while timing: the bench starts each target again on the direct URL.
 */
export class StatementProxy {
  private server?: Server;
  private counts: StatementCounts = { data: 0, control: 0 };

  constructor(private readonly upstream: { host: string; port: number }) {}

  /** A listening proxy in front of `databaseUrl`'s server, and the URL that reaches the same database through it. */
  static async in(databaseUrl: string): Promise<{ proxy: StatementProxy; url: string }> {
    const upstream = new URL(databaseUrl);
    const proxy = new StatementProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    const proxied = new URL(databaseUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(await proxy.listen());
    return { proxy, url: proxied.toString() };
  }

  async listen(): Promise<number> {
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  reset(): void {
    this.counts = { data: 0, control: 0 };
  }

  read(): StatementCounts {
    return { ...this.counts };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private pipe(client: Socket): void {
    const server = connect(this.upstream);
    let pending: Buffer = Buffer.alloc(0);
    let started = false;
    let lastParseIsControl = false;
    client.on('data', (chunk: Buffer) => {
      server.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!started) {
          // The startup message has no type byte: an Int32 length then the protocol version.
          if (pending.length < 4) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          pending = pending.subarray(length);
          started = length !== 8; // 8 bytes: an SSLRequest; the startup message follows it
          continue;
        }
        if (pending.length < 5) break;
        const type = String.fromCharCode(pending[0]);
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const body = pending.subarray(5, 1 + length);
        if (type === 'Q') this.count(body.subarray(0, body.indexOf(0)).toString());
        if (type === 'P') {
          const nameEnd = body.indexOf(0);
          lastParseIsControl = CONTROL.test(body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString());
        }
        if (type === 'E') {
          if (lastParseIsControl) this.counts.control++;
          else this.counts.data++;
          lastParseIsControl = false;
        }
        pending = pending.subarray(1 + length);
      }
    });
    server.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on('close', end).on('error', end);
    server.on('close', end).on('error', end);
  }

  private count(sql: string): void {
    if (CONTROL.test(sql)) this.counts.control++;
    else this.counts.data++;
  }
}
