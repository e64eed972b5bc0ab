import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretBox } from '../../libs/core/src/index.js';
import { ApiProcess, spawnApi, startApi } from './support/api-process.js';
import { ensureBuilt } from './support/built-server.js';
import { createFaultDb, FaultDb } from './support/fault-db.js';

const K9 = { id: 'k9', key: randomBytes(32) };
const K9_SETTING = `k9:${K9.key.toString('base64')}`;
const OTHER_SETTING = `k1:${randomBytes(32).toString('base64')}`;

describe('the built server and sealed secrets', () => {
  let db: FaultDb;
  let dbName: string;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    db = await createFaultDb();
    dbName = new URL(db.url).pathname.slice(1);
    const sealed = new SecretBox([K9]).seal({ table: 'app_secrets', key: 'name', column: 'value' }, 'an earlier generated key');
    await db.sql(`INSERT INTO app_secrets (name, value) VALUES ('probe', $1)`, [sealed]);
  }, 180_000);
  afterEach(async () => {
    api?.child.kill('SIGKILL');
    api = undefined;
    await db.sql(`BEGIN READ WRITE; ALTER DATABASE ${dbName} SET default_transaction_read_only = off; COMMIT`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('exits with EX_CONFIG (78) and one line naming the missing key, instead of retrying', async () => {
    api = await spawnApi(db.url, { GUILDHALL_ENCRYPTION_KEYS: OTHER_SETTING });
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([api.exited, new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 60_000)))]);
    clearTimeout(timer);
    expect(exit).toEqual({ code: 78, signal: null });
    expect(api.output()).toContain('Invalid configuration: GUILDHALL_ENCRYPTION_KEYS has no key "k9", which sealed values in app_secrets.value: add it back after the current key');
    expect(api.output()).not.toMatch(/retrying|SELECT|app_secrets \(/);
  }, 90_000);

  it('on a read-only database, starts with the values unresealed and says why once, without SQL', async () => {
    await db.sql(`INSERT INTO webhook_endpoints (url, events, secret) VALUES ('https://example.org/hook', '{payment.succeeded}', 'whsec_plain')`);
    await db.sql(`ALTER DATABASE ${dbName} SET default_transaction_read_only = on`);
    api = await startApi(db.url, { GUILDHALL_ENCRYPTION_KEYS: `${OTHER_SETTING},${K9_SETTING}` });
    expect(api.output()).toContain('Could not reseal app_secrets.value with key \\"k1\\"; will try at the next start');
    expect(api.output()).not.toMatch(/SET "value"|starts_with|whsec_plain|an earlier generated key/); // no statement, no value
    const [row] = await db.sql(`SELECT secret FROM webhook_endpoints`);
    expect(row.secret).toBe('whsec_plain');

    await api.signal('SIGKILL');
    await db.sql(`BEGIN READ WRITE; ALTER DATABASE ${dbName} SET default_transaction_read_only = off; COMMIT`);
    api = await startApi(db.url, { GUILDHALL_ENCRYPTION_KEYS: `${OTHER_SETTING},${K9_SETTING}` });
    expect(api.output()).toMatch(/Resealed 1 secrets with key \\"k1\\"/);
    const [after] = await db.sql(`SELECT secret FROM webhook_endpoints`);
    expect(after.secret).toMatch(/^enc:v1:k1:/);
  }, 90_000);
});
