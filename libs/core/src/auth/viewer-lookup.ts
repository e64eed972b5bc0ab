import { Viewer } from './role.js';

/** Supplied by the accounts library: turns a bearer token into the current viewer, or throws UNAUTHENTICATED. */
export interface ViewerLookup {
  viewerFromAccessToken(token: string): Promise<Viewer>;
}

export const VIEWER_LOOKUP = Symbol('VIEWER_LOOKUP');
