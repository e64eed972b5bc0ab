/**
 * The signed-in session, in memory only: the access token never reaches localStorage or
 * sessionStorage (a script injected into the page could read those). The refresh token is an
 * httpOnly cookie that only the API sees. React reads this store through SessionProvider.
 */
export interface SessionUser {
  id: string;
  fullName: string;
  role: string;
}

export interface Session {
  accessToken: string;
  /** When the access token stops working (ISO 8601). */
  accessTokenExpiresAt: string;
  user: SessionUser;
}

type Listener = () => void;

let current: Session | null = null;
const listeners = new Set<Listener>();

export function getSession(): Session | null {
  return current;
}

export function getAccessToken(): string | null {
  return current?.accessToken ?? null;
}

export function setSession(session: Session | null): void {
  current = session;
  for (const listener of listeners) listener();
}

export function subscribeToSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
