import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import { pino } from 'pino';
import { accessLogMiddleware } from './access-log.middleware.js';

function capture(level: string) {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** A request and response that finish with `status` (enough for both middlewares). */
function exchange(status: number) {
  const res = Object.assign(new EventEmitter(), { statusCode: status, writableEnded: true, getHeader: () => undefined, setHeader: () => undefined });
  const req = Object.assign(new EventEmitter(), { id: 'req-1', method: 'POST', url: '/graphql', originalUrl: '/graphql', headers: {}, socket: {} });
  return { req: req as unknown as Request, res: res as unknown as Response, finish: () => res.emit('finish') };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('accessLogMiddleware', () => {
  it('writes pino-http access lines when info is enabled', async () => {
    const { logger, lines } = capture('info');
    const { req, res, finish } = exchange(200);
    let passed = false;
    accessLogMiddleware(logger)(req, res, () => (passed = true));
    finish();
    await flush();
    expect(passed).toBe(true);
    expect(lines).toEqual([expect.objectContaining({ msg: 'request completed', level: 30 })]);
  });

  it('above info: nothing for answered requests, an error line with the request id for a 5xx', async () => {
    const { logger, lines } = capture('warn');
    const ok = exchange(200);
    const failed = exchange(503);
    const middleware = accessLogMiddleware(logger);
    let calls = 0;
    middleware(ok.req, ok.res, () => calls++);
    middleware(failed.req, failed.res, () => calls++);
    ok.finish();
    failed.finish();
    await flush();
    expect(calls).toBe(2);
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'request errored', req: { id: 'req-1', method: 'POST', url: '/graphql' }, res: { statusCode: 503 } })]);
  });
});
