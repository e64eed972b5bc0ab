import { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { MetricsService } from './metrics.service.js';

/** Counts every GraphQL request by operation name: rate, latency, outcome and error codes. */
export function metricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const stop = metrics.duration.startTimer();
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
  stop: (labels: { operation: string }) => number,
  operationName: string | null | undefined,
  errors: readonly GraphQLFormattedError[],
): void {
  const operation = metrics.operationLabel(operationName);
  stop({ operation });
  metrics.requests.inc({ operation, outcome: errors.length ? 'error' : 'ok' });
  for (const error of errors) metrics.errors.inc({ operation, code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
}
