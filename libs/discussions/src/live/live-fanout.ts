import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { DATABASE_TARGET, type DatabaseTarget } from '../../../core/src/index.js';

export const LIVE_CHANNEL = 'discussions_live';

/** What is live: new posts of a space (key: space id), new notifications of a person (key: user id). */
export type LiveTopic = 'post' | 'notification';

/** What a NOTIFY carries: ids only; subscribers re-read the row with their own rights. */
export interface LiveSignal {
  topic: LiveTopic;
  key: string;
  id: string;
}

type Listener = (signal: LiveSignal) => void;

/**
 * Live fan-out across API processes through PostgreSQL LISTEN/NOTIFY. Writers call `notify` inside
 * their transaction, so the signal goes out when (and only if) it commits; every process keeps one
 * dedicated connection that LISTENs and hands each signal to its own subscribers. No in-memory-only
 * pub/sub: a post made through one process reaches the subscribers of every other.
 */
@Injectable()
export class LiveFanout implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveFanout');
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(@Inject(DATABASE_TARGET) private readonly target: DatabaseTarget) {}

  async onModuleInit(): Promise<void> {
    await this.connect(0, true);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  /** One LISTEN connection; when it drops (a database restart), it is made again with backoff. */
  private async connect(attempt: number, atStart = false): Promise<void> {
    const client = new Client({ connectionString: this.target.url, application_name: 'guildhall-listen' });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      try {
        const signal = JSON.parse(message.payload) as LiveSignal;
        for (const listener of this.listeners.get(`${signal.topic}:${signal.key}`) ?? []) listener(signal);
      } catch {
        // not ours: ignore
      }
    });
    client.on('error', (error) => this.logger.warn(`LISTEN connection failed: ${error.message}`));
    client.on('end', () => {
      if (this.client === client) this.client = undefined;
      this.reconnect(0);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = client;
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      // At start-up the database answered a moment ago: fail loudly rather than run without live updates.
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

  /** Inside the writing transaction: delivered on commit, dropped on rollback. */
  async notify(manager: EntityManager, topic: LiveTopic, key: string, id: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [LIVE_CHANNEL, JSON.stringify({ topic, key, id } satisfies LiveSignal)]);
  }

  /** The signals of one topic and key, as an async iterator (ended by `return()` when the client unsubscribes). */
  iterator(topic: LiveTopic, key: string): AsyncIterableIterator<LiveSignal> {
    const name = `${topic}:${key}`;
    const queue: LiveSignal[] = [];
    const waiting: Array<(result: IteratorResult<LiveSignal>) => void> = [];
    let done = false;
    const listener: Listener = (signal) => {
      const next = waiting.shift();
      if (next) next({ value: signal, done: false });
      else if (queue.length < 1000) queue.push(signal);
    };
    const set = this.listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(name, set);
    const stop = () => {
      done = true;
      set.delete(listener);
      if (!set.size) this.listeners.delete(name);
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: () => {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (error: unknown) => {
        stop();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
