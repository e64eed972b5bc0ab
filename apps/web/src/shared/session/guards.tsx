import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../ui/states.js';
import { useSession } from './SessionProvider.js';
import type { SessionUser } from './session-store.js';

/**
 * Pages for signed-in people: a visitor is sent to log in and comes back here afterwards. Waits
 * for the session to be restored from the cookie first, so a reload does not bounce to log in.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, restored } = useSession();
  const location = useLocation();
  if (!restored) return <LoadingState />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/**
 * True when the user may open a staff page needing any one of `permissions` (none: any staff page).
 * `ADMIN` is the role, not a staff permission: pages the API keeps for admins alone name it.
 */
export function mayOpen(user: SessionUser | undefined, permissions: readonly string[] = []): boolean {
  if (!user?.isStaff) return false;
  return permissions.length === 0 || permissions.some((p) => (p === 'ADMIN' ? user.role === 'ADMIN' : user.staffPermissions.includes(p)));
}

/**
 * Pages for staff, each for the permissions it names (any one of them; an ADMIN holds all): others
 * see the not-found page (the console's existence is not advertised). The API checks again.
 */
export function RequireStaff({ children, fallback, permissions }: { children: ReactNode; fallback: ReactNode; permissions?: readonly string[] }) {
  const { session } = useSession();
  return <RequireAuth>{mayOpen(session?.user, permissions) ? children : fallback}</RequireAuth>;
}

/** Where to go after log-in: the `next` parameter when it is a path on this site, else home. */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
