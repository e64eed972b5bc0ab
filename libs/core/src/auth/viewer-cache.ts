import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PgListener } from '../database/pg-listener.js';
import { Viewer } from './role.js';

/**
 * The NOTIFY channel of "a viewer may have changed": triggers on `users`, `sessions` and `security_settings`
 * (migration AddViewerChangeNotices) send it when a row a viewer is read from changes, from any process or tool.
 */
export const VIEWER_CHANGES_CHANNEL = 'guildhall_viewer_changes';

/** Entries kept at most; the oldest goes first. */
const MAX_ENTRIES = 10_000;

/** A session's viewer as a query saw it, with the account row read in the same statement (frozen: it is shared). */
export interface CachedViewer<Account = unknown> {
  readonly viewer: Readonly<Viewer>;
  readonly account: Readonly<Account>;
}

interface Entry {
  value: CachedViewer;
  expiresAt: number;
}

/**
 * A per-process memo of session → viewer for queries, so a read does not pay a statement to re-read its own session.
 * Correctness rests on three rules:
 * - It is consulted only for queries: mutations, subscriptions and REST always read the session afresh.
 * - Anything that may change a viewer empties it: any NOTIFY on VIEWER_CHANGES_CHANNEL (sent on commit by triggers,
 *   whichever process or tool wrote), the end of every GraphQL mutation of this process (so its own client's next query
 *   sees a log-out or a role change at once, before the notice arrives), and the LISTEN connection dropping.
 *   A lookup that started before an emptying does not store what it read (`generation`).
 * - It is bypassed while the LISTEN connection is down, and entries live `VIEWER_CACHE_SECONDS` (5 by default; 0 turns
 *   the cache off) at most, in case a notice is lost.
 * Another process sees a change when the notice reaches it: a few milliseconds after the commit.
 */
@Injectable()
export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private current = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly listener: PgListener,
  ) {
    this.ttlMs = config.viewerCacheSeconds * 1000;
    listener.listen(VIEWER_CHANGES_CHANNEL, () => this.clear());
    listener.onConnectionChange(() => this.clear());
  }

  private get enabled(): boolean {
    return this.ttlMs > 0 && this.listener.listening;
  }

  /** Read before a lookup, passed to `remember` after it. */
  get generation(): number {
    return this.current;
  }

  get(sessionId: string): CachedViewer | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(sessionId);
    return undefined;
  }

  /** Keeps what a lookup begun at `generation` read, unless something may have changed since it began. */
  remember(sessionId: string, value: CachedViewer, generation: number): void {
    if (!this.enabled || generation !== this.current) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { value: deepFreeze(value), expiresAt: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.current += 1;
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
