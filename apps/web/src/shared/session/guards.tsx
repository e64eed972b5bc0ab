import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../ui/states.js';
import { useSession } from './SessionProvider.js';

/** Roles that reach the staff console (issue 13 adds narrower staff permissions). */
const STAFF_ROLES = new Set(['ADMIN']);

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

/** Pages for staff: others see the not-found page (the console's existence is not advertised). */
export function RequireStaff({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { session } = useSession();
  return (
    <RequireAuth>
      {session && STAFF_ROLES.has(session.user.role) ? children : fallback}
    </RequireAuth>
  );
}

/** Where to go after log-in: the `next` parameter when it is a path on this site, else home. */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
