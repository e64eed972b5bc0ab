import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, insertPeople, register } from '../factories/events.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { RegistrationsService } from '../../libs/events/src/index.js';

/**
 * Registration lists read only the lean columns (id, event, owner, status, created_at) when the selection asks
 * for nothing else, and every column as soon as it does (by name, through a fragment, or an inline fragment):
 * the same rows, order and cursors either way, and the detail fields always filled.
 */
const LEAN = `edges { cursor node { id status createdAt user { fullName } } } pageInfo { endCursor }`;
const DETAILED = `edges { cursor node { id status createdAt user { fullName } price { amount currency } checkInCode confirmedAt } } pageInfo { endCursor }`;
const BY_FRAGMENT = `edges { cursor node { id status createdAt user { fullName } ...Code } } pageInfo { endCursor }`;
const BY_INLINE = `edges { cursor node { id status createdAt user { fullName } ... on Registration { checkInCode } } } pageInfo { endCursor }`;
const CODE_FRAGMENT = `fragment Code on Registration { checkInCode }`;

const eventRegistrations = (fields: string) => `query($e: ID!) { eventRegistrations(eventId: $e, first: 10) { ${fields} } }`;
const eventField = (fields: string) => `query($e: ID!) { event(id: $e) { registrations(first: 10) { ${fields} } } }`;
const mine = (fields: string) => `{ myRegistrations(first: 10) { ${fields.replace('user { fullName }', 'event { id title }')} } }`;

type Row = { cursor: string; node: Record<string, unknown> };
const leanPart = (edges: Row[]) => edges.map(({ cursor, node: { id, status, createdAt, user, event } }) => ({ cursor, id, status, createdAt, user, event }));
/** The registration statement of a request: the one that reads event_registrations' columns as a list. */
const listStatement = (statements: string[]) => statements.find((sql) => /c\.status AS "status"/.test(sql)) ?? '';

describe('registration lists: lean columns unless the selection asks for more', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    member = await signUpUser(t);
    eventId = await createEvent(t, admin, { capacity: 10 });
    await register(t, member, eventId);
    const service = t.app.get(RegistrationsService);
    for (const person of await insertPeople(t, 3, 'columns')) await service.register(person, eventId);
    await register(t, member, await createEvent(t, admin, { capacity: 10 }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const cases: Array<[string, (fields: string) => string, () => TestUser]> = [
    ['eventRegistrations', eventRegistrations, () => admin],
    ['Event.registrations', eventField, () => admin],
    ['myRegistrations', mine, () => member],
  ];

  for (const [name, query, who] of cases) {
    it(`${name}: the same rows and cursors lean or detailed; detail fields filled whichever way they are asked`, async () => {
      const read = async (fields: string, extra = '') => {
        const run = await countQueries(() => t.gql(`${query(fields)} ${extra}`, { e: eventId }, who().accessToken), dataStatements);
        expect(run.result.errors).toBeUndefined();
        const data = run.result.data!;
        const connection = (data.eventRegistrations ?? data.event?.registrations ?? data.myRegistrations) as { edges: Row[]; pageInfo: { endCursor: string } };
        return { connection, sql: listStatement(run.statements) };
      };
      const lean = await read(LEAN);
      const detailed = await read(DETAILED);
      const byFragment = await read(BY_FRAGMENT, CODE_FRAGMENT);
      const byInline = await read(BY_INLINE);

      expect(lean.connection.edges.length).toBeGreaterThanOrEqual(2);
      for (const other of [detailed, byFragment, byInline]) {
        expect(leanPart(other.connection.edges)).toEqual(leanPart(lean.connection.edges));
        expect(other.connection.pageInfo.endCursor).toBe(lean.connection.pageInfo.endCursor);
      }
      // The lean read leaves the codes, prices and times out of its statement; any detail field asked brings them back.
      expect(lean.sql).not.toContain('check_in_code');
      for (const other of [detailed, byFragment, byInline]) expect(other.sql).toContain('check_in_code');
      for (const { node } of detailed.connection.edges) {
        expect(node.checkInCode).toMatch(/^[A-Z2-9]{10}$/);
        expect(node.price).toEqual({ amount: expect.any(Number), currency: expect.any(String) });
        expect(typeof node.confirmedAt).toBe('string');
      }
      for (const other of [byFragment, byInline]) {
        expect(other.connection.edges.map((e) => e.node.checkInCode)).toEqual(detailed.connection.edges.map((e) => e.node.checkInCode));
      }
    });
  }
});
