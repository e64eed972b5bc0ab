import { describe, expect, it } from '@jest/globals';
import { buildSchema, type DocumentNode, execute, type ExecutionResult, type GraphQLError, getIntrospectionQuery, Kind, parse } from 'graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { CompiledExecutorGateway } from './compiled-executor.js';

const SCHEMA = buildSchema(`
  enum Status { ACTIVE LAPSED }
  input Filter { status: Status! tags: [String!] }
  interface Node { id: ID! }
  type Person implements Node { id: ID! name: String! status: Status! friends(first: Int!): [Person!]! secret: String badge: String! }
  type Group implements Node { id: ID! title: String! }
  union Found = Person | Group
  type Query {
    person(id: ID!): Person
    people(filter: Filter): [Person!]!
    node(id: ID!): Node
    search: [Found!]!
    slow: Int!
    now: String
  }
  type Mutation { rename(id: ID!, name: String!): Person! }
`);

interface Person { id: string; name: string; status: 'ACTIVE' | 'LAPSED' }
const PEOPLE: Person[] = [
  { id: '1', name: 'Ada', status: 'ACTIVE' },
  { id: '2', name: 'Bo', status: 'LAPSED' },
  { id: '3', name: 'Cy', status: 'ACTIVE' },
];

/** Resolvers as our schema has them: sync and async, thrown AppErrors, a non-null field that fails, abstract types. */
function withResolvers(): void {
  const fields = (type: string) => (SCHEMA.getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields();
  const query = fields('Query');
  query.person.resolve = (_: unknown, { id }: { id: string }) => PEOPLE.find((p) => p.id === id) ?? null;
  query.people.resolve = async (_: unknown, { filter }: { filter?: { status: string } }) => PEOPLE.filter((p) => !filter || p.status === filter.status);
  query.node.resolve = (_: unknown, { id }: { id: string }) => (id === 'g' ? { id: 'g', title: 'Readers' } : (PEOPLE.find((p) => p.id === id) ?? null));
  query.search.resolve = () => [PEOPLE[0], { id: 'g', title: 'Readers' }];
  query.slow.resolve = () => Promise.reject(new AppError(ErrorCode.FORBIDDEN, 'not for you', { reason: 'NOPE' }));
  query.now.resolve = () => {
    throw new Error('boom');
  };
  const person = fields('Person');
  person.friends.resolve = async (p: Person, { first }: { first: number }) => PEOPLE.filter((f) => f.id !== p.id).slice(0, first);
  person.secret.resolve = (p: Person) => {
    if (p.id !== '1') throw new AppError(ErrorCode.FORBIDDEN, 'private');
    return 'shh';
  };
  person.badge.resolve = (p: Person) => (p.status === 'ACTIVE' ? 'gold' : null);
  fields('Mutation').rename.resolve = (_: unknown, { id, name }: { id: string; name: string }) => ({ ...PEOPLE.find((p) => p.id === id)!, name });
  const resolveType = (value: object) => ('title' in value ? 'Group' : 'Person');
  (SCHEMA.getType('Node') as unknown as { resolveType: unknown }).resolveType = resolveType;
  (SCHEMA.getType('Found') as unknown as { resolveType: unknown }).resolveType = resolveType;
}
withResolvers();

/**
 * What a client, our error formatter and the request-errors log see of a result: data, and each error's message,
 * path, locations, and cause (the AppError's code, else what the log prints: `originalError ?? error`).
 */
function seen(result: ExecutionResult) {
  return {
    data: result.data,
    errors: result.errors?.map((e: GraphQLError) => ({
      message: e.message,
      path: e.path,
      locations: e.locations,
      cause: e.originalError instanceof AppError ? `${e.originalError.code}:${e.originalError.options.reason ?? ''}` : (e.originalError ?? e).message,
      extensions: e.extensions,
    })),
  };
}

function gateway(): CompiledExecutorGateway {
  const g = new CompiledExecutorGateway();
  g.useSchema(SCHEMA);
  return g;
}

/** Runs `document` through the gateway twice (interpreted, then compiled) and through graphql-js. */
async function runAll(g: CompiledExecutorGateway, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string) {
  const reference = await execute({ schema: SCHEMA, document, variableValues: variables, operationName });
  const first = await g.execute(document, operationName, {}, variables);
  const second = await g.execute(document, operationName, {}, variables);
  return { reference, first, second };
}

const CASES: Array<[string, string, Record<string, unknown>?]> = [
  ['nested lists with arguments', '{ people { id name status friends(first: 1) { name friends(first: 2) { id } } } }'],
  ['input objects and enums in variables', 'query($f: Filter) { people(filter: $f) { id status } }', { f: { status: 'LAPSED', tags: ['x'] } }],
  ['aliases, fragments, @skip and @include', 'query($no: Boolean!) { a: person(id: "1") { ...P } b: person(id: "2") { name @skip(if: $no) id @include(if: $no) } } fragment P on Person { id name }', { no: true }],
  ['interfaces and unions with __typename', '{ node(id: "g") { __typename id ... on Group { title } } search { __typename ... on Person { name } ... on Group { title } } }'],
  ['a thrown AppError, the field null, siblings kept', '{ people { id secret } }'],
  ['a null from a non-null field nulls the nearest nullable parent', '{ people { id badge } person(id: "1") { badge } }'],
  ['a rejected non-null root field nulls data', '{ slow person(id: "1") { id } }'],
  ['an unknown error keeps its cause for the formatter', '{ now person(id: "3") { name } }'],
  ['a mutation', 'mutation { rename(id: "2", name: "Bea") { id name } }'],
];

describe('CompiledExecutorGateway: operations compiled by graphql-jit answer as graphql-js does', () => {
  for (const [name, text, variables] of CASES) {
    it(name, async () => {
      const g = gateway();
      const document = parse(text);
      const { reference, first, second } = await runAll(g, document, variables);
      expect(g.isCompiled(document)).toBe(true);
      expect(seen(first)).toEqual(seen(reference));
      expect(seen(second)).toEqual(seen(reference));
      // Apollo reads `extensions.code` of every error: graphql-jit leaves `extensions` out when the cause has none.
      for (const error of second.errors ?? []) expect(error.extensions).toEqual({});
    });
  }

  it('answers the introspection query alike (GraphiQL, codegen)', async () => {
    const { reference, second } = await runAll(gateway(), parse(getIntrospectionQuery()));
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(reference.data);
  });

  it('interprets a document the first time and compiles it the second, per operation name', async () => {
    const g = gateway();
    const document = parse('query A { person(id: "1") { name } } query B { person(id: "2") { name } }');
    await g.execute(document, 'A', {}, undefined);
    expect(g.isCompiled(document, 'A')).toBe(false);
    expect((await g.execute(document, 'A', {}, undefined)).data).toEqual({ person: { name: 'Ada' } });
    expect(g.isCompiled(document, 'A')).toBe(true);
    expect(g.isCompiled(document, 'B')).toBe(false);
    expect(g.isCompiled(parse('query A { person(id: "1") { name } } query B { person(id: "2") { name } }'), 'A')).toBe(false);
  });

  it('leaves variables that do not coerce to graphql-js, so Apollo sees its errors (BAD_USER_INPUT, status 400)', async () => {
    const g = gateway();
    const document = parse('query($f: Filter, $id: ID!) { people(filter: $f) { id } person(id: $id) { id } }');
    await g.execute(document, undefined, {}, { f: null, id: '1' });
    for (const variables of [{ f: { status: 'GONE' }, id: '1' }, { f: null }, { f: { tags: [1] }, id: 1 }]) {
      const reference = await execute({ schema: SCHEMA, document, variableValues: variables });
      const result = await g.execute(document, undefined, {}, variables);
      expect(result.data).toBeUndefined();
      expect(seen(result)).toEqual(seen(reference));
      expect(result.errors![0].nodes?.[0].kind).toBe(Kind.VARIABLE_DEFINITION);
    }
    expect(g.isCompiled(document)).toBe(true);
  });

  it('answers an unknown operation name as graphql-js does', async () => {
    const document = parse('query A { slow }');
    const { reference, second } = await runAll(gateway(), document, undefined, 'Nope');
    expect(seen(second)).toEqual(seen(reference));
    expect(second.errors![0].message).toContain('Nope');
  });
});
