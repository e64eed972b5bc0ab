import { stringifyDocument } from '@urql/core';
import { RefreshSessionDocument, type RefreshSessionMutation } from './session.generated.js';
import { SESSION_HEADERS } from '../api/session-headers.js';
import { getSession, type Session, setSession } from './session-store.js';

const RefreshQuery = stringifyDocument(RefreshSessionDocument);

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

let inFlight: Promise<Session | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Trades the refresh cookie for a new access token (the API rotates the cookie). One request at a
 * time: concurrent callers share it. Resolves null, and forgets the session, when the API refuses.
 */
export function refreshSession(): Promise<Session | null> {
  inFlight ??= requestRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function requestRefresh(): Promise<Session | null> {
  let body: { data?: RefreshSessionMutation | null };
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...SESSION_HEADERS },
      body: JSON.stringify({ query: RefreshQuery, operationName: 'RefreshSession' }),
    });
    body = (await response.json()) as typeof body;
  } catch {
    // Offline or the API is down: keep what we have; setting it again plans another try (in 5 s
    // when the token is about to expire).
    const kept = getSession();
    setSession(kept);
    return kept;
  }
  // The API answered: a new session, or a refusal (no cookie, spent, ended) that signs this tab out.
  const session = body.data?.refreshSession ?? null;
  setSession(session);
  return session;
}

/**
 * Keeps the session alive: called whenever the session changes, it schedules a refresh shortly
 * before the current access token expires (or cancels it after log-out).
 */
export function planRefresh(): void {
  clearTimeout(timer);
  const session = getSession();
  if (!session) return;
  const wait = Math.max(5_000, Date.parse(session.accessTokenExpiresAt) - Date.now() - REFRESH_MARGIN_MS);
  timer = setTimeout(() => void refreshSession(), wait);
}
