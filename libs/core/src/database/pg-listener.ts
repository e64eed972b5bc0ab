import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_TARGET } from './database.module.js';
import { type DatabaseTarget } from './database-target.js';

/** The application_name of the LISTEN connection (tests find it in pg_stat_activity to drop it). */
export const LISTEN_APPLICATION_NAME = 'guildhall-listen';

type PayloadHandler = (payload: string) => void;
type ConnectionHandler = (listening: boolean) => void;

/**
 * The process's one LISTEN connection to PostgreSQL, shared by every feature that follows a channel (discussions'
 * live fan-out, the viewer cache's invalidations). A NOTIFY reaches it only while it is connected: a feature that
 * must not miss one (a cache) follows `onConnectionChange` and treats every drop as "anything may have changed".
 * When the connection drops (a database restart), it is made again with backoff and every channel is listened to again.
 */
@Injectable()
export class PgListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PgListener');
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private readonly channels = new Map<string, Set<PayloadHandler>>();
  private readonly connectionHandlers = new Set<ConnectionHandler>();

  constructor(@Inject(DATABASE_TARGET) private readonly target: DatabaseTarget) {}

  /** True while the connection is up and LISTENs on every channel asked for. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async onModuleInit(): Promise<void> {
    await this.connect(0, true);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.setClient(undefined);
    await client?.end().catch(() => undefined);
  }

  /**
   * Calls `handler` with the payload of every NOTIFY on `channel` (a plain identifier, written into LISTEN) from now
   * on. Meant for start-up (a provider's constructor); a channel added while connected is listened to at once.
   */
  listen(channel: string, handler: PayloadHandler): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`PgListener: "${channel}" is not a plain channel name`);
    const handlers = this.channels.get(channel) ?? new Set<PayloadHandler>();
    const isNew = handlers.size === 0;
    handlers.add(handler);
    this.channels.set(channel, handlers);
    if (isNew && this.client) {
      this.client.query(`LISTEN ${channel}`).catch((error: Error) => this.logger.warn(`LISTEN ${channel} failed: ${error.message}`));
    }
  }

  /** Called with false when the connection drops (NOTIFYs may have been missed) and true once it listens again. */
  onConnectionChange(handler: ConnectionHandler): void {
    this.connectionHandlers.add(handler);
  }

  private setClient(client: Client | undefined): void {
    const was = this.client !== undefined;
    this.client = client;
    if (was !== (client !== undefined)) for (const handler of this.connectionHandlers) handler(client !== undefined);
  }

  private async connect(attempt: number, atStart = false): Promise<void> {
    const client = new Client({ connectionString: this.target.url, application_name: LISTEN_APPLICATION_NAME });
    client.on('notification', (message) => {
      for (const handler of this.channels.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.logger.warn(`A ${message.channel} handler failed: ${(error as Error).message}`);
        }
      }
    });
    client.on('error', (error) => this.logger.warn(`LISTEN connection failed: ${error.message}`));
    client.on('end', () => {
      if (this.client === client) this.setClient(undefined);
      this.reconnect(0);
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
      this.setClient(client);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      // At start-up the database answered a moment ago: fail loudly rather than run without notifications.
      if (atStart) throw error;
      this.logger.warn(`LISTEN connection could not be made again (attempt ${attempt + 1}); retrying`);
      this.reconnect(attempt + 1);
    }
  }

  private reconnect(attempt: number): void {
    if (this.stopped || this.retry !== undefined) return;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect(attempt);
    }, delay);
    this.retry.unref();
  }
}
