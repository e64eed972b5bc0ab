import type { Client as WsClient } from 'graphql-ws';
import type { SubscriptionForwarder } from 'urql';
import { getAccessToken } from '../session/session-store.js';

/**
 * GraphQL subscriptions over one graphql-ws socket at /graphql (graphql-transport-ws). The package
 * is loaded the first time a page subscribes, so it stays out of the first page's bundle. The access
 * token goes from memory into `connection_init` (`{ authorization: "Bearer …" }`), never into the URL;
 * the socket is lazy: it opens with the first subscription and closes after the last one.
 */
export function createLiveForwarder(): SubscriptionForwarder {
  let socket: Promise<WsClient> | null = null;
  const connect = (): Promise<WsClient> => {
    socket ??= import('graphql-ws').then(({ createClient }) => {
      const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      return createClient({
        url: `${scheme}//${window.location.host}/graphql`,
        lazy: true,
        retryAttempts: 5,
        connectionParams: () => {
          const token = getAccessToken();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      });
    });
    return socket;
  };

  return (request) => ({
    subscribe(sink) {
      let unsubscribe: (() => void) | null = null;
      let closed = false;
      void connect().then((client) => {
        if (closed) return;
        unsubscribe = client.subscribe({ ...request, query: request.query ?? '' }, sink);
      }, (error: unknown) => sink.error(error));
      return {
        unsubscribe() {
          closed = true;
          unsubscribe?.();
        },
      };
    },
  });
}
