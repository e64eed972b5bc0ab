import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, TestApp } from '../utils/test-app.js';

describe('the test-time transaction guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("fails a statement sent on another connection while a transaction is open, and allows the transaction's own", async () => {
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query('SELECT 1');
        await t.dataSource.query('SELECT 2');
      }),
    ).rejects.toThrow(/another connection while a transaction was open/);
    await expect(t.dataSource.transaction((manager) => manager.query('SELECT 3 AS n'))).resolves.toEqual([{ n: 3 }]);
    await expect(t.dataSource.query('SELECT 4 AS n')).resolves.toEqual([{ n: 4 }]);
  });
});
