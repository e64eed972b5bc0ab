import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryLane } from '../../libs/core/src/index.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const TOKEN = 'metrics-token-for-the-e2e-test';

describe('GET /metrics', () => {
  let off: TestApp;
  let on: TestApp;
  beforeAll(async () => {
    [off, on] = await Promise.all([startTestApp(), startTestApp({ GUILDHALL_METRICS_TOKEN: TOKEN })]);
  });
  afterAll(async () => {
    await Promise.all([off?.close(), on?.close()]);
  });

  const scrape = (t: TestApp, authorization?: string) => fetch(`${t.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('is off by default: 404', async () => {
    expect((await scrape(off)).status).toBe(404);
    expect((await scrape(off, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('with a token set, refuses a missing or wrong token with 401', async () => {
    expect((await scrape(on)).status).toBe(401);
    expect((await scrape(on, 'Bearer not-the-metrics-token-at-all')).status).toBe(401);
    expect((await scrape(on, TOKEN)).status).toBe(401);
  });

  it('counts each GraphQL operation, its errors and latency, and shows pool, queue and outbox gauges', async () => {
    await on.gql(`query WhoAmI { me { id } }`);
    await on.gql(`query WhoAmI { me { id } }`);
    await on.sql(`INSERT INTO outbox_messages (to_address, template, subject, body_text) VALUES ('m@example.org', 't', 's', 'b')`);
    const response = await scrape(on, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/guildhall_graphql_requests_total\{operation="WhoAmI",outcome="error"\} 2/);
    expect(text).toMatch(/guildhall_graphql_errors_total\{operation="WhoAmI",code="UNAUTHENTICATED"\} 2/);
    expect(text).toMatch(/guildhall_graphql_request_duration_seconds_count\{operation="WhoAmI"\} 2/);
    expect(text).toMatch(/guildhall_db_pool_connections\{state="waiting"\} \d+/);
    expect(text).toMatch(/guildhall_database_up 1/);
    expect(text).toMatch(/guildhall_jobs\{state="locked"\} 0/);
    expect(text).toMatch(/guildhall_outbox_backlog\{status="PENDING"\} 1/);
  });

  it('counts a query answered by the query lane (the second time its text is sent) as one answered by Apollo', async () => {
    for (let i = 0; i < 3; i++) expect((await on.gql(`query Hello { __typename }`)).data).toEqual({ __typename: 'Query' });
    const text = await (await scrape(on, `Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/guildhall_graphql_requests_total\{operation="Hello",outcome="ok"\} 3/);
    expect(text).toMatch(/guildhall_graphql_request_duration_seconds_count\{operation="Hello"\} 3/);
  });

  it('times a query the lane handed to Apollo (it had an error) from the lane\'s start, its execution included', async () => {
    const lane = on.app.get(QueryLane, { strict: false });
    const slow = `query SlowRefusal { me { id } }`;
    expect(errorCode(await on.gql(slow))).toBe('UNAUTHENTICATED'); // Apollo's answer: now a known query
    const original = lane.executor.execute;
    lane.executor.execute = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return original.apply(lane.executor, args);
    };
    try {
      expect(errorCode(await on.gql(slow))).toBe('UNAUTHENTICATED'); // the lane ran it (300 ms), Apollo answered
    } finally {
      lane.executor.execute = original;
    }
    const text = await (await scrape(on, `Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/guildhall_graphql_request_duration_seconds_count\{operation="SlowRefusal"\} 2/);
    const sum = Number(/guildhall_graphql_request_duration_seconds_sum\{operation="SlowRefusal"\} ([0-9.e-]+)/.exec(text)?.[1]);
    expect(sum).toBeGreaterThanOrEqual(0.3);
  });

  it('keeps client-chosen operation names from growing the label set without bound', async () => {
    await on.gql(`query ${'x'.repeat(100)} { me { id } }`);
    const text = await (await scrape(on, `Bearer ${TOKEN}`)).text();
    expect(text).not.toContain('x'.repeat(100));
    expect(text).toMatch(/guildhall_graphql_requests_total\{operation="other",outcome="error"\} 1/);
  });
});
