import { ApolloServerPlugin } from '@apollo/server';
import { MetricsService } from './metrics.service.js';

/** Counts every GraphQL request by operation name: rate, latency, outcome and error codes. */
export function metricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const stop = metrics.duration.startTimer();
      return {
        async willSendResponse({ operationName, response }) {
          const operation = metrics.operationLabel(operationName);
          stop({ operation });
          // The errors as the client sees them, after the formatter gave each its extensions.code.
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.requests.inc({ operation, outcome: errors.length ? 'error' : 'ok' });
          for (const error of errors) metrics.errors.inc({ operation, code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
