import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PgListener } from '../../../core/src/index.js';

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
 * their transaction, so the signal goes out when (and only if) it commits; every process's one LISTEN
 * connection (core's PgListener) hands each signal to its own subscribers. No in-memory-only
 * pub/sub: a post made through one process reaches the subscribers of every other.
 */
@Injectable()
export class LiveFanout {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(pg: PgListener) {
    pg.listen(LIVE_CHANNEL, (payload) => {
      try {
        const signal = JSON.parse(payload) as LiveSignal;
        for (const deliver of this.listeners.get(`${signal.topic}:${signal.key}`) ?? []) deliver(signal);
      } catch {
        // not ours: ignore
      }
    });
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
