import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryLane } from '../../libs/core/src/index.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { rawPost, type RawResponse } from '../utils/raw-http.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

/**
 * The query lane (QueryLane): a query Apollo has validated once is run again without Apollo's pipeline. Each test
 * sends a request twice, Apollo answering the first and the lane (or Apollo again) the second, and compares the two
 * answers whole: status, headers and bytes.
 */
describe('the query lane: a known query answered without Apollo, as Apollo answers it', () => {
  let t: TestApp;
  let member: TestUser;
  let admin: TestUser;
  let lane: QueryLane;
  /** Per lane.run call: whether the lane answered (true) or handed the execution to Apollo (false). */
  let laneRuns: boolean[];
  /** Executions of an operation (the lane's or Apollo's). */
  let executions: number;
  beforeAll(async () => {
    t = await startTestApp();
    [member, admin] = await Promise.all([signUpUser(t), createAdminUser(t)]);
    lane = t.app.get(QueryLane, { strict: false });
    const run = lane.run.bind(lane);
    lane.run = async (...args) => {
      const answered = await run(...args);
      laneRuns.push(answered !== undefined);
      return answered;
    };
    const execute = lane.executor.execute.bind(lane.executor);
    lane.executor.execute = (...args) => {
      executions += 1;
      return execute(...args);
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (body: object, headers: Record<string, string> = {}) => {
    laneRuns = [];
    executions = 0;
    const response = await rawPost(`${t.url}/graphql`, { 'content-type': 'application/json', ...headers }, JSON.stringify(body));
    return { ...response, laneRuns, executions };
  };
  /** What a client may compare between two answers: everything but the date and the request id. */
  const whole = ({ status, headers, body }: RawResponse) => {
    const { date: _date, 'x-request-id': _id, ...rest } = headers;
    return { status, headers: rest, body };
  };
  const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  it("answers a query Apollo has validated, the second time, with Apollo's status, headers and bytes", async () => {
    const body = { query: 'query LaneMe { me { id email fullName } }' };
    const first = await post(body, bearer(member));
    const second = await post(body, bearer(member));
    expect(first.laneRuns).toEqual([]);
    expect(second.laneRuns).toEqual([true]);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ data: { me: { id: member.id, email: member.email, fullName: 'Test Member' } } });
    expect(whole(second)).toEqual(whole(first));
    expect(second.body.endsWith('}\n')).toBe(true);
    // Another person's answer to the same text is theirs: the lane runs with each request's own context.
    const adminAnswer = await post(body, bearer(admin));
    expect(adminAnswer.laneRuns).toEqual([true]);
    expect(JSON.parse(adminAnswer.body).data.me.id).toBe(admin.id);
  });

  it.each([
    ['no accept header', undefined],
    ['*/*', '*/*'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['a weighted list', 'application/json;q=0.5, application/graphql-response+json'],
  ])("answers with the content type Apollo negotiates for %s", async (_name, accept) => {
    const body = { query: `query LaneAccept { me { id } } # ${accept ?? 'none'}` };
    const headers = { ...bearer(member), ...(accept ? { accept } : {}) };
    const first = await post(body, headers);
    const second = await post(body, headers);
    expect(second.laneRuns).toEqual([true]);
    expect(whole(second)).toEqual(whole(first));
  });

  it('leaves an accept header Apollo cannot serve to Apollo (406), without running the query', async () => {
    const body = { query: 'query LaneHtml { me { id } }' };
    await post(body, bearer(member));
    const first = await post(body, { ...bearer(member), accept: 'text/html' });
    const second = await post(body, { ...bearer(member), accept: 'text/html' });
    expect(first.status).toBe(406);
    expect(second.laneRuns).toEqual([]);
    expect(whole(second)).toEqual(whole(first));
  });

  it("hands a result with errors to Apollo, which answers it as always, executed once", async () => {
    // Data and an error: the member's own id, and another person's account (not found, to a member).
    const body = { query: 'query LaneForbidden($id: ID!) { me { id } user(id: $id) { email } }', variables: { id: admin.id } };
    const first = await post(body, bearer(member));
    const second = await post(body, bearer(member));
    expect(JSON.parse(first.body).data).toEqual({ me: { id: member.id }, user: null });
    expect(JSON.parse(first.body).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(first.executions).toBe(1);
    expect(second.laneRuns).toEqual([false]);
    expect(second.executions).toBe(1);
    expect(whole(second)).toEqual(whole(first));
    // Anonymous: the guard's UNAUTHENTICATED, through the lane's hand-over too.
    const anonymous = await post({ query: 'query LaneMe { me { id email fullName } }' });
    expect(anonymous.laneRuns).toEqual([false]);
    expect(JSON.parse(anonymous.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("hands an execution that throws to Apollo: its 500 with a generic INTERNAL_SERVER_ERROR, run once, nothing of the cause", async () => {
    const body = { query: 'query LaneThrows { me { id } }' };
    await post(body, bearer(member));
    const execute = lane.executor.execute;
    lane.executor.execute = (...args) => {
      executions += 1;
      if ((args[0].definitions[0] as { name?: { value: string } }).name?.value === 'LaneThrows') throw new Error('boom: SELECT secret FROM somewhere');
      return execute.apply(lane.executor, args);
    };
    try {
      const answer = await post(body, bearer(member));
      expect(answer.laneRuns).toEqual([false]);
      expect(answer.executions).toBe(1);
      // What Apollo answers when its executor throws (a bug, never a client's doing): not a hang, nor the cause.
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })] });
      expect(answer.body).not.toMatch(/boom|SELECT/);
    } finally {
      lane.executor.execute = execute;
    }
  });

  it("leaves variables that do not fit their types to Apollo's 400 BAD_USER_INPUT, executed once", async () => {
    const query = 'query LanePage($first: Int) { auditLog(first: $first) { edges { cursor } } }';
    expect((await post({ query, variables: { first: 2 } }, bearer(admin))).status).toBe(200);
    const first = await post({ query, variables: { first: 'many' } }, bearer(admin));
    const second = await post({ query, variables: { first: 'many' } }, bearer(admin));
    expect(first.status).toBe(400);
    expect(JSON.parse(first.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(second.executions).toBe(1);
    expect(whole(second)).toEqual(whole(first));
    const fits = await post({ query, variables: { first: 2 } }, bearer(admin));
    expect(fits.laneRuns).toEqual([true]);
  });

  it('never takes a mutation, another operation of a known text, or a body Apollo refuses', async () => {
    const logIn = { query: 'mutation LaneLogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }', variables: { input: { email: member.email, password: member.password } } };
    await post(logIn);
    expect((await post(logIn)).laneRuns).toEqual([]);

    const two = 'query LaneA { me { id } } query LaneB { me { email } }';
    await post({ query: two, operationName: 'LaneA' }, bearer(member));
    expect((await post({ query: two, operationName: 'LaneA' }, bearer(member))).laneRuns).toEqual([true]);
    const b = await post({ query: two, operationName: 'LaneB' }, bearer(member));
    expect(b.laneRuns).toEqual([]);
    expect(JSON.parse(b.body)).toEqual({ data: { me: { email: member.email } } });
    const neither = await post({ query: two }, bearer(member));
    expect(neither.status).toBe(400);
    expect(neither.laneRuns).toEqual([]);

    const known = 'query LaneKnown { me { id } }';
    await post({ query: known }, bearer(member));
    for (const refused of [{ variables: '{}' }, { variables: [1] }, { extensions: 'x' }, { operationName: 7 }]) {
      const first = await post({ query: known, ...refused }, bearer(member));
      const second = await post({ query: known, ...refused }, bearer(member));
      expect(first.status).toBe(400);
      expect(second.laneRuns).toEqual([]);
      expect(whole(second)).toEqual(whole(first));
    }
    const persisted = await post({ query: known, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, bearer(member));
    expect(persisted.laneRuns).toEqual([]);
    expect(persisted.status).toBe(400);
  });
});
