import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { planRefresh, refreshSession } from './session-refresh.js';
import { getSession, type Session, setSession, subscribeToSession } from './session-store.js';

export interface SessionState {
  /** The signed-in session, or null for a visitor. */
  session: Session | null;
  /** False until the first attempt to restore a session from the refresh cookie has finished. */
  restored: boolean;
  signedIn: (session: Session) => void;
  signedOut: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Restores the session from the refresh cookie on load, then keeps it fresh. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeToSession, getSession);
  const [restored, setRestored] = useState(false);

  useEffect(() => subscribeToSession(planRefresh), []);
  useEffect(() => {
    let live = true;
    void refreshSession().finally(() => live && setRestored(true));
    return () => {
      live = false;
    };
  }, []);

  const state: SessionState = { session, restored, signedIn: setSession, signedOut: () => setSession(null) };
  return <SessionContext value={state}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider above it');
  return state;
}
