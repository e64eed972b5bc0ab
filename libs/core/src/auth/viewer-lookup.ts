import type { RequestLoaders } from '../graphql/request-context.js';
import { Viewer } from './role.js';

/** What a bearer credential is used for: API tokens lend read-only scopes to queries only, and record their use. */
export interface BearerUse {
  operation: 'query' | 'mutation' | 'subscription' | 'rest';
  operationName?: string | null;
  requestId?: string;
  /** The request's loaders: the lookup primes them with the account row it read (so `me` needs no statement of its own). */
  loaders?: RequestLoaders;
}

/** Supplied by the accounts library: turns a bearer token into the current viewer, or throws UNAUTHENTICATED. */
export interface ViewerLookup {
  /** Without `use`, the strictest reading (a change) applies. */
  viewerFromAccessToken(token: string, use?: BearerUse): Promise<Viewer>;
}

export const VIEWER_LOOKUP = Symbol('VIEWER_LOOKUP');
