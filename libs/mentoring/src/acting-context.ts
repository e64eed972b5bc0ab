import type { Viewer } from '../../core/src/index.js';

/** Who does something, and under which request (for the audit log). */
export interface ActingContext {
  actor: Viewer;
  requestId: string;
}
