import { LoggerService } from '@nestjs/common';
import graphileWorker, { type Logger as JobLogger } from 'graphile-worker';
import { pino, Logger } from 'pino';
import { safeErrorSerializer } from './log-serializers.js';

export type RootLogger = Logger;

/**
 * Structured JSON logs on stdout; secrets never logged: authorization, cookie, set-cookie (the
 * browser session's refresh token) and Stripe signature headers and password fields redacted; database errors without their SQL and bound values.
 */
export function createRootLogger(level: string): RootLogger {
  return pino({
    level,
    base: { service: 'guildhall' },
    serializers: { err: safeErrorSerializer, error: safeErrorSerializer },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'req.headers["stripe-signature"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.refreshToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** Nest's own messages (bootstrap, module errors) go through the same pino logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: RootLogger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** graphile-worker's logger, writing through pino. */
export function jobRunnerLogger(logger: RootLogger): JobLogger {
  const child = logger.child({ context: 'jobs' });
  const { Logger } = graphileWorker;
  return new Logger(() => (level: string, message: string, meta?: unknown) => {
    const fields = { meta };
    if (level === 'error') child.error(fields, message);
    else if (level === 'warning') child.warn(fields, message);
    else if (level === 'info') child.debug(fields, message);
    else child.trace(fields, message);
  });
}
