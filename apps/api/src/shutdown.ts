import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import type { RootLogger } from '../../../libs/core/src/index.js';
import { HttpDrain } from './http-drain.js';

export interface ShutdownTimings {
  /** In-flight requests get this long to finish after the port closes; then their sockets are cut. */
  drainMs: number;
  /** The process exits (code 1) if shutting down takes longer than this, whatever is still pending. */
  deadlineMs: number;
}

const DEFAULT_TIMINGS: ShutdownTimings = { drainMs: 4_000, deadlineMs: 9_500 };

/**
 * Call before `listen`. SIGTERM/SIGINT: close the port, let in-flight requests finish (up to `drainMs`), then `app.close()`:
 * the job runner stops first (JobRunnerService.beforeApplicationShutdown: running jobs finish or are
 * unlocked), then TypeORM ends the pool; exit 0. Used instead of Nest's enableShutdownHooks, which closes
 * the HTTP server without a deadline and re-raises the signal (exit 143 rather than 0).
 * Returns a function that removes the handlers (start-up failed before listening).
 */
export function exitGracefullyOnSignals(app: INestApplication, logger: RootLogger, timings: ShutdownTimings = DEFAULT_TIMINGS): () => void {
  const drain = new HttpDrain(app.getHttpServer() as Server, (open, busy) =>
    logger.info({ context: 'shutdown', open, busy }, `Draining ${open} connections (${busy} with a request in progress)`),
  );
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      logger.error({ context: 'shutdown', signal }, `Shutdown took longer than ${timings.deadlineMs} ms; exiting anyway`);
      process.exit(1);
    }, timings.deadlineMs);
    deadline.unref();
    logger.info({ context: 'shutdown', signal }, 'Shutting down: no new connections; finishing requests in flight');
    void shutDown(app, drain, logger, timings).then(
      () => {
        logger.info({ context: 'shutdown' }, 'Stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ context: 'shutdown', err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}

async function shutDown(app: INestApplication, drain: HttpDrain, logger: RootLogger, timings: ShutdownTimings): Promise<void> {
  const drained = await drain.close(timings.drainMs);
  if (!drained) logger.warn({ context: 'shutdown' }, `Requests still open after ${timings.drainMs} ms were cut off`);
  await app.close();
}
