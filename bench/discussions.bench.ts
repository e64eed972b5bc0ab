/**
 * Discussions benchmark (issue 15), on a fresh database from the test template with the real app
 * in this process (as the webhooks benchmark does):
 *
 *   1. posting: BENCH_DISCUSSION_WRITERS (20) members reply to one thread at once until it holds
 *      BENCH_DISCUSSION_REPLIES (1,000) replies: posts/s and p50/p99 latency of replyToThread;
 *   2. paging: the thread read 50 posts a page (author, quote, reactions per post) from the first page to
 *      the last: SQL statements per request (counted on PostgresQueryRunner, as bench/statement-count
 *      does) must not grow with the page number or the page size; latency per page;
 *   3. live delivery: BENCH_DISCUSSION_SUBSCRIBERS (1,000) graphql-ws connections subscribed to the
 *      space's postAdded (the writers' tokens, 50 connections each), then one reply: the time from
 *      sending the mutation to each subscriber's message, p50/p99 (authorisation re-checked per event).
 *
 * `runDiscussionsBench()` is what bench/run.ts calls (`npm run bench -- --only discussions`).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { goodStandingTier, memberInGoodStanding } from '../test/factories/communities.js';
import { createForum, startThread } from '../test/factories/discussions.js';
import { createAdminUser, type TestUser } from '../test/factories/users.js';
import { countQueries } from '../test/utils/count-queries.js';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';
import { printTable } from './table.js';

const TRANSACTION_CONTROL = /^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|SET |SAVEPOINT|RELEASE)/i;
const REPLY = `mutation($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }`;
const PAGE = `query($id: ID!, $first: Int, $after: String) { thread(id: $id) { id posts(first: $first, after: $after) { totalCount edges { node { id html createdAt editedAt deleted hidden author { id fullName } quote { id html author { id fullName } } reactions { kind count mine } } } pageInfo { endCursor hasNextPage } } } }`;

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (n: number) => n.toFixed(1);

async function post(t: TestApp, token: string, threadId: string, body: string): Promise<string> {
  const result = await t.gql<{ replyToThread: { id: string } }>(REPLY, { threadId, body }, token);
  if (!result.data?.replyToThread) throw new Error(`replyToThread failed: ${JSON.stringify(result.errors)}`);
  return result.data.replyToThread.id;
}

export async function runDiscussionsBench(): Promise<void> {
  const writers = positiveInt('BENCH_DISCUSSION_WRITERS', 20);
  const replies = positiveInt('BENCH_DISCUSSION_REPLIES', 1000);
  const subscribers = positiveInt('BENCH_DISCUSSION_SUBSCRIBERS', 1000);
  const t = await startTestApp({ DISCUSSIONS_POSTS_PER_MINUTE: '1000', DB_POOL_SIZE: '20', LOG_LEVEL: 'silent' });
  const clients: Client[] = [];
  try {
    const admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    const people: TestUser[] = [];
    for (let i = 0; i < writers; i++) people.push(await memberInGoodStanding(t, tierId, `Writer ${i + 1}`));
    const forum = await createForum(t, admin, { title: 'Bench forum' });
    const threadId = await startThread(t, people[0], forum, 'A long thread', 'The first post');

    // 1. Posting under concurrent writers, into one thread (its row is locked per reply).
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(people.map(async (person, w) => {
      for (;;) {
        const n = next++;
        if (n >= replies) return;
        const t0 = performance.now();
        await post(t, person.accessToken, threadId, `Reply ${n + 1} by writer ${w + 1}: some words about the topic at hand.`);
        latencies.push(performance.now() - t0);
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`\nPosting: ${replies} replies into one thread by ${writers} concurrent writers`);
    printTable(['posts', 'seconds', 'posts/s', 'p50 ms', 'p99 ms', 'max ms'], [[replies, elapsed.toFixed(1), (replies / elapsed).toFixed(1), ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies.at(-1) ?? 0)]]);

    // 2. Paging through the thread: statements per request, first page to last.
    const rows: Array<Array<string | number>> = [];
    const reader = people[1].accessToken;
    for (const first of [50, 10]) {
      let after: string | null = null;
      let page = 0;
      const counts: number[] = [];
      const times: number[] = [];
      await t.gql(PAGE, { id: threadId, first }, reader); // warm-up, not counted
      for (;;) {
        const t0 = performance.now();
        const { result, count } = await countQueries(
          (): Promise<{ data?: { thread: { posts: { edges: unknown[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } } | null; errors?: unknown }> =>
            t.gql(PAGE, { id: threadId, first, after }, reader),
          (sql) => !TRANSACTION_CONTROL.test(sql.trim()),
        );
        times.push(performance.now() - t0);
        if (!result.data) throw new Error(`page failed: ${JSON.stringify(result.errors)}`);
        counts.push(count);
        page++;
        const { pageInfo } = result.data.thread.posts;
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      times.sort((a, b) => a - b);
      rows.push([first, page, Math.min(...counts), Math.max(...counts), counts[0], counts.at(-1)!, ms(percentile(times, 50)), ms(percentile(times, 99))]);
    }
    console.log(`\nPaging the ${replies + 1} posts (author, quote and reactions on each): SQL statements per request`);
    printTable(['page size', 'pages', 'min stmts', 'max stmts', 'first page', 'last page', 'p50 ms', 'p99 ms'], rows);

    // 3. One post delivered to many open subscriptions.
    const arrivals: number[] = [];
    let sentAt = 0;
    let ready = 0;
    const wsUrl = `${t.url.replace('http', 'ws')}/graphql`;
    await Promise.all(Array.from({ length: subscribers }, (_, i) => new Promise<void>((resolve, reject) => {
      const token = people[i % people.length].accessToken;
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, on: { connected: () => { ready++; resolve(); }, error: reject } });
      clients.push(client);
      client.subscribe({ query: `subscription($id: ID!) { postAdded(spaceId: $id) { id } }`, variables: { id: forum } }, {
        next: () => arrivals.push(performance.now() - sentAt),
        error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
        complete: () => undefined,
      });
    })));
    // Subscriptions are registered after connection_ack: give the server a moment to set them up.
    await new Promise((r) => setTimeout(r, 2000));
    sentAt = performance.now();
    await post(t, people[0].accessToken, threadId, 'One post for everyone watching');
    const answeredAt = performance.now() - sentAt;
    const deadline = Date.now() + 60_000;
    while (arrivals.length < subscribers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    arrivals.sort((a, b) => a - b);
    console.log(`\nLive delivery of one post to ${subscribers} graphql-ws subscriptions (${ready} connected; time from sending the mutation; the mutation answered in ${ms(answeredAt)} ms)`);
    printTable(['delivered', 'p50 ms', 'p99 ms', 'last ms'], [[`${arrivals.length}/${subscribers}`, ms(percentile(arrivals, 50)), ms(percentile(arrivals, 99)), ms(arrivals.at(-1) ?? 0)]]);
  } finally {
    await Promise.allSettled(clients.map((c) => c.dispose()));
    await t.close();
  }
}
