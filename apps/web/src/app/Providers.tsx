import { MantineProvider } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from '../shared/api/client.js';
import { SessionProvider, useSession } from '../shared/session/SessionProvider.js';
import { cssVariablesResolver, theme } from './theme.js';

/**
 * Theme (light or dark as the system says; Mantine writes its colour-scheme attribute from a
 * module script, there is no inline script), the session, then the GraphQL client.
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <SessionProvider>
        <ApiProvider>{children}</ApiProvider>
      </SessionProvider>
    </MantineProvider>
  );
}

/** A fresh client (and so an empty cache) whenever the signed-in user changes. */
function ApiProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const userId = session?.user.id ?? null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the client is per user, on purpose
  const client = useMemo(() => createApiClient(), [userId]);
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}
