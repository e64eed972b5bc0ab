import type { Request, Response } from 'express';
import DataLoader from 'dataloader';
import { Viewer } from '../auth/role.js';

/** Per-request DataLoaders, created on first use and dropped with the request. */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
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
