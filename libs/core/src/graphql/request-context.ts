import type { Request, Response } from 'express';
import DataLoader from 'dataloader';
import { Viewer } from '../auth/role.js';

/**
 * Per-request DataLoaders, created on first use and dropped with the request; and, beside each loader, the
 * values a request already holds for its keys (`prime`: read with a list's own statement), which `load`
 * answers without a promise. A DataLoader always answers a promise, even for a primed key: on a list of
 * rows whose fields all find their values primed, that is one promise (and one graphql-js async step) per
 * row per field; with `load`, a field resolver returning the value as it is keeps the row synchronous.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly known = new Map<DataLoader<unknown, unknown>, Map<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Primes `loader` with a value read elsewhere, and keeps it for `load`. The first value primed for a key stays (as DataLoader's `prime`). */
  prime<K, V>(loader: DataLoader<K, V>, key: K, value: V): void {
    let values = this.known.get(loader as DataLoader<unknown, unknown>);
    if (!values) this.known.set(loader as DataLoader<unknown, unknown>, (values = new Map()));
    if (values.has(key)) return;
    values.set(key, value);
    loader.prime(key, value);
  }

  /** The value primed for `key` (undefined when none was), without asking the loader. */
  peek<K, V>(loader: DataLoader<K, V>, key: K): V | undefined {
    return this.known.get(loader as DataLoader<unknown, unknown>)?.get(key) as V | undefined;
  }

  /** The value primed for `key`, as it is (no promise); else the loader's promise. */
  load<K, V>(loader: DataLoader<K, V>, key: K): V | Promise<V> {
    const values = this.known.get(loader as DataLoader<unknown, unknown>);
    return values !== undefined && values.has(key) ? (values.get(key) as V) : loader.load(key);
  }
}

/** `then` for a value that may already be there: applies `next` at once to a plain value, after it resolves to a promise. */
export function whenLoaded<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<Awaited<R>> {
  return value instanceof Promise ? (value.then(next) as Promise<Awaited<R>>) : next(value);
}

export interface RequestContext {
  req: Request;
  res: Response;
  requestId: string;
  clientAddress: string;
  loaders: RequestLoaders;
  /** Resolved once per request by the auth guard: undefined = not yet looked at, null = anonymous. */
  viewer?: Viewer | null;
  viewerPromise?: Promise<Viewer | null>;
  /** Resolvers the auth guard has allowed for this request whatever the row (see AuthGuard). */
  grantedHandlers?: Set<unknown>;
}
