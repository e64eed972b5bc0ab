import { Inject, Injectable } from '@nestjs/common';
import { parseCookie } from 'cookie';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig, AppError, badInput, ErrorCode, type RequestContext } from '../../core/src/index.js';
import type { IssuedSession } from './auth.service.js';
import type { AuthPayload } from './user.type.js';

/** The header the portal sends; its value asks for the refresh token in a cookie. */
export const SESSION_MODE_HEADER = 'x-guildhall-session';
export const REFRESH_COOKIE = 'guildhall_refresh';
/** The cookie goes only to the GraphQL endpoint, where refreshSession and logOut read it. */
const COOKIE_PATH = '/graphql';

/**
 * Browser sessions: with `X-Guildhall-Session: cookie` the refresh token travels in an httpOnly,
 * SameSite=Lax cookie (Secure unless the site is on a loopback address) instead of the response
 * body, so page scripts never see it. Other clients keep receiving and sending it in the body.
 */
@Injectable()
export class BrowserSessions {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  isBrowserSession(req: Request): boolean {
    return String(req.headers[SESSION_MODE_HEADER] ?? '').trim().toLowerCase() === 'cookie';
  }

  /** The refresh token named by the argument, or else (browser sessions) the cookie's. */
  refreshTokenFor(ctx: RequestContext, argument: string | null | undefined): string {
    if (argument) return argument;
    if (!this.isBrowserSession(ctx.req)) throw badInput('refreshToken', 'is required (or send X-Guildhall-Session: cookie with the session cookie)');
    const fromCookie = parseCookie(ctx.req.headers.cookie ?? '')[REFRESH_COOKIE];
    if (!fromCookie) throw new AppError(ErrorCode.UNAUTHENTICATED, 'No session: sign in', { reason: 'NO_SESSION' });
    return fromCookie;
  }

  /** The payload to answer with; for a browser session the refresh token goes into the cookie instead. */
  deliver(ctx: RequestContext, session: IssuedSession): AuthPayload {
    const payload = { accessToken: session.accessToken, accessTokenExpiresAt: session.accessTokenExpiresAt, user: session.user };
    if (!this.isBrowserSession(ctx.req)) return { ...payload, refreshToken: session.refreshToken };
    ctx.res.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...this.cookieAttributes(ctx.req),
      // The refresh token's lifetime (the token itself expires at refreshTokenExpiresAt in the database).
      maxAge: this.config.refreshTokenTtlDays * 86_400_000,
    });
    return { ...payload, refreshToken: null };
  }

  /** Removes the cookie (log-out, or a refresh the API refused). */
  clear(ctx: RequestContext): void {
    if (this.isBrowserSession(ctx.req)) ctx.res.clearCookie(REFRESH_COOKIE, this.cookieAttributes(ctx.req));
  }

  private cookieAttributes(req: Request) {
    const secure = !(isLoopback(new URL(this.config.publicUrl).hostname) || isLoopback(req.hostname ?? ''));
    return { httpOnly: true, sameSite: 'lax' as const, path: COOKIE_PATH, secure };
  }
}

/** Browsers treat these as secure contexts over plain http, and developers run the portal on them. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
