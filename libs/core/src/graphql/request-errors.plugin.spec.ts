import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { RepeatGate } from '../logging/repeat-gate.js';
import { requestErrorsPlugin } from './request-errors.plugin.js';

describe('requestErrorsPlugin', () => {
  it('logs the same unexpected error once per interval, then with the count held back', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    let now = 0;
    const gate = new RepeatGate(60_000);
    const admit = gate.admit.bind(gate);
    gate.admit = (key: string) => admit(key, now);
    const plugin = requestErrorsPlugin(pino({ level: 'error' }, sink), gate);
    const outage = new GraphQLError('boom', { originalError: new Error('Connection terminated unexpectedly') });

    const fail = async () => {
      const listener = await plugin.requestDidStart!({} as never);
      await (listener as { didEncounterErrors: (ctx: unknown) => Promise<void> }).didEncounterErrors({
        errors: [outage],
        contextValue: { requestId: 'r1' },
        operationName: 'Me',
      });
    };
    for (let i = 0; i < 50; i++) await fail();
    now = 61_000;
    await fail();

    expect(lines).toHaveLength(2);
    expect(lines[0].repeatedSinceLastLog).toBeUndefined();
    expect(lines[1].repeatedSinceLastLog).toBe(49);
  });
});
