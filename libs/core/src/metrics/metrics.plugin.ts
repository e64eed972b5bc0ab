import { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { MetricsService } from './metrics.service.js';

type RequestTimer = (labels: { operation: string }) => number;
/** The latency timer of a request whose execution began before Apollo saw it (the query lane's hand-over). */
const STARTED = Symbol('guildhall.requestTimer');

/**
 * Hands Apollo's metrics plugin a request's timer, started before Apollo saw the request (the query lane, handing
 * an execution with errors to Apollo): its latency then counts from the lane's start, execution included.
 */
export function handOverRequestTimer(context: object, stop: RequestTimer): void {
  Object.defineProperty(context, STARTED, { value: stop, enumerable: true, configurable: true, writable: true });
}

/** Counts every GraphQL request by operation name: rate, latency, outcome and error codes. */
export function metricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue }) {
      const stop = (contextValue as { [STARTED]?: RequestTimer })[STARTED] ?? metrics.duration.startTimer();
      return {
        async willSendResponse({ operationName, response }) {
          // The errors as the client sees them, after the formatter gave each its extensions.code.
          recordGraphQLRequest(metrics, stop, operationName, response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : []);
        },
      };
    },
  };
}

/**
 * One answered GraphQL request: `stop` (the duration histogram's timer, started when the request did) observes its
 * latency; then its outcome and each error's code. The plugin above and the query lane (which answers without it).
 */
export function recordGraphQLRequest(
  metrics: MetricsService,
  stop: RequestTimer,
  operationName: string | null | undefined,
  errors: readonly GraphQLFormattedError[],
): void {
  const operation = metrics.operationLabel(operationName);
  stop({ operation });
  metrics.requests.inc({ operation, outcome: errors.length ? 'error' : 'ok' });
  for (const error of errors) metrics.errors.inc({ operation, code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
}
