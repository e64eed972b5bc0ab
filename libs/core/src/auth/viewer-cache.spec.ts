import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../config/app-config.js';
import type { PgListener } from '../database/pg-listener.js';
import { Role } from './role.js';
import { VIEWER_CHANGES_CHANNEL, ViewerCache } from './viewer-cache.js';

/** What ViewerCache uses of the process's LISTEN connection, driven by hand (the real one: viewer-cache.e2e.spec.ts). */
class HandListener {
  listening = true;
  readonly channels = new Map<string, (payload: string) => void>();
  readonly onChange: Array<(listening: boolean) => void> = [];
  listen(channel: string, handler: (payload: string) => void): void {
    this.channels.set(channel, handler);
  }
  onConnectionChange(handler: (listening: boolean) => void): void {
    this.onChange.push(handler);
  }
  drop(): void {
    this.listening = false;
    for (const handler of this.onChange) handler(false);
  }
}

const entry = (id: string) => ({ viewer: { id, role: Role.USER, sessionId: `s-${id}`, permissions: [] }, account: { id, fullName: 'A', tags: ['x'] } });

describe('ViewerCache', () => {
  let listener: HandListener;
  let cache: ViewerCache;
  const make = (seconds = 5) => new ViewerCache({ viewerCacheSeconds: seconds } as AppConfig, listener as unknown as PgListener);
  beforeEach(() => {
    listener = new HandListener();
    cache = make();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('keeps what a lookup read, frozen through and through', () => {
    cache.remember('s1', entry('u1'), cache.generation);
    const hit = cache.get('s1')!;
    expect(hit.viewer.id).toBe('u1');
    expect(Object.isFrozen(hit.viewer)).toBe(true);
    expect(Object.isFrozen((hit.account as { tags: string[] }).tags)).toBe(true);
    expect(cache.get('s2')).toBeUndefined();
  });

  it('does not keep what a lookup read when the cache was emptied while it ran', () => {
    const began = cache.generation;
    cache.clear();
    cache.remember('s1', entry('u1'), began);
    expect(cache.get('s1')).toBeUndefined();
    cache.remember('s1', entry('u1'), cache.generation);
    expect(cache.get('s1')).toBeDefined();
  });

  it('is emptied by any notice on its channel and by the connection dropping', () => {
    cache.remember('s1', entry('u1'), cache.generation);
    listener.channels.get(VIEWER_CHANGES_CHANNEL)!('users');
    expect(cache.get('s1')).toBeUndefined();
    cache.remember('s1', entry('u1'), cache.generation);
    listener.drop();
    listener.listening = true;
    expect(cache.get('s1')).toBeUndefined();
  });

  it('is bypassed while the connection is down: nothing read, nothing kept', () => {
    cache.remember('s1', entry('u1'), cache.generation);
    listener.listening = false;
    expect(cache.get('s1')).toBeUndefined();
    cache.remember('s2', entry('u2'), cache.generation);
    listener.listening = true;
    expect(cache.get('s2')).toBeUndefined();
  });

  it('forgets an entry after VIEWER_CACHE_SECONDS, and keeps nothing when that is 0', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    cache.remember('s1', entry('u1'), cache.generation);
    jest.setSystemTime(1_000_000 + 4_999);
    expect(cache.get('s1')).toBeDefined();
    jest.setSystemTime(1_000_000 + 5_000);
    expect(cache.get('s1')).toBeUndefined();
    const off = make(0);
    off.remember('s1', entry('u1'), off.generation);
    expect(off.get('s1')).toBeUndefined();
  });

  it('holds at most 10,000 entries, dropping the oldest first', () => {
    for (let i = 0; i <= 10_000; i++) cache.remember(`s${i}`, entry(`u${i}`), cache.generation);
    expect(cache.get('s0')).toBeUndefined();
    expect(cache.get('s1')).toBeDefined();
    expect(cache.get('s10000')).toBeDefined();
  });
});
