import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../libs/core/src/index.js';

/**
 * The app as `npm start` runs it without DATABASE_URL or JWT_SECRET: it starts, answers, seals its generated secrets
 * with a key kept in the data folder, reports and stops its own server.
 */
describe('the app on its embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-embedded-app-'));
  const token = 'metrics-token-for-the-embedded-test';
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      GUILDHALL_DATA_DIR: dataDir,
      GUILDHALL_JOBS_ENABLED: 'false',
      GUILDHALL_METRICS_TOKEN: token,
      LOG_LEVEL: 'silent',
    });
    expect(config.databaseUrl).toBeUndefined();
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }, 60_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, answers, shows the server in /metrics, and stops it on close', async () => {
    const signUp = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($input: SignUpInput!) { signUp(input: $input) { user { email } } }`,
        variables: { input: { email: 'embedded.app@example.org', password: 'embedded app password', fullName: 'Embedded App' } },
      }),
    });
    expect(((await signUp.json()) as { data: unknown }).data).toEqual({ signUp: { user: { email: 'embedded.app@example.org' } } });

    // The JWT key it generated is sealed with the key generated beside the cluster (owner-only file).
    const keyFile = join(dataDir, 'encryption-keys');
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^embedded:[A-Za-z0-9+/]{43}=\n$/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const [jwtKey] = await app.get<DataSource>(getDataSourceToken()).query(`SELECT value FROM app_secrets WHERE name = 'jwt_signing_key'`);
    expect(jwtKey.value).toMatch(/^enc:v1:embedded:/);

    const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(await metrics.text()).toMatch(/^guildhall_embedded_postgres_up 1$/m);

    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await app.close();
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
