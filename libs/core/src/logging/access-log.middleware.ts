import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { RootLogger } from './logger.js';

/**
 * Access logs: pino-http when info lines are written. When they are not (LOG_LEVEL warn or above), pino-http
 * would still build a child logger and serialise every request for nothing; then only failed requests (5xx)
 * are logged, at error level as pino-http does, with the request id.
 */
export function accessLogMiddleware(logger: RootLogger): RequestHandler {
  if (logger.isLevelEnabled('info')) {
    return pinoHttp({ logger, genReqId: (req) => (req as Request).id as string, autoLogging: { ignore: (req) => req.url === '/health' } });
  }
  return (req: Request, res: Response, next: NextFunction) => {
    res.once('finish', () => {
      if (res.statusCode >= 500) {
        logger.error({ req: { id: (req as Request & { id?: string }).id, method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode } }, 'request errored');
      }
    });
    next();
  };
}
