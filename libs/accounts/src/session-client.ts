import type { RequestContext } from '../../core/src/index.js';
import type { SessionClient } from './sessions.repository.js';

/** The client as a session records it: its address and its user agent, cut to a sane length. */
export function sessionClientOf(ctx: RequestContext): SessionClient {
  const agent = ctx.req.headers['user-agent'];
  return { address: ctx.clientAddress, userAgent: typeof agent === 'string' && agent ? agent.slice(0, 300) : null };
}
