import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { describeError, safeErrorSerializer } from './log-serializers.js';

describe('database errors in logs', () => {
  const driverError = Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006', detail: 'Key (value)=(s3cret)' });
  const error = new QueryFailedError(`INSERT INTO app_secrets (name, value) VALUES ('jwt_signing_key', $1)`, ['s3cret-key'], driverError);

  it('keeps the message and code, never the SQL or its values', () => {
    const text = JSON.stringify(safeErrorSerializer(error));
    expect(text).toContain('cannot execute INSERT in a read-only transaction');
    expect(text).toContain('25006');
    expect(text).not.toMatch(/s3cret|app_secrets|parameters/);
  });

  it('describes it in one line', () => {
    expect(describeError(error)).toBe('QueryFailedError (25006): cannot execute INSERT in a read-only transaction');
  });
});
