import { describe, expect, it } from '@jest/globals';
import { type FragmentDefinitionNode, type FieldNode, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { fieldsAt, rememberedPerField, rowFieldsAsked, selects } from './selection.js';

/** The info of the query's first root field, as graphql-js hands it to that field's resolver. */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [root], fragments };
}

const USER = ['edges', 'node', 'user'];
const MEMBERSHIP = [...USER, 'membership'];

describe('selects: whether a resolver\'s selection asks for a path below it', () => {
  it('follows plain fields, and answers false for what is not asked', () => {
    const info = infoOf('{ list { totalCount edges { node { id user { fullName } } } } }');
    expect(selects(info, USER)).toBe(true);
    expect(selects(info, MEMBERSHIP)).toBe(false);
    expect(selects(info, ['edges', 'node', 'event'])).toBe(false);
    expect(selects(info, ['pageInfo'])).toBe(false);
  });

  it('follows aliases, named fragments (nested) and inline fragments', () => {
    expect(selects(infoOf('{ list { e: edges { n: node { who: user { m: membership { status } } } } } }'), MEMBERSHIP)).toBe(true);
    expect(selects(infoOf('{ list { edges { node { ...R } } } } fragment R on Registration { user { ...U } } fragment U on User { membership { status } }'), MEMBERSHIP)).toBe(true);
    expect(selects(infoOf('{ list { edges { ... on RegistrationEdge { node { user { ... { membership { status } } } } } } } }'), MEMBERSHIP)).toBe(true);
    expect(selects(infoOf('{ list { edges { node { ...R } } } } fragment R on Registration { user { fullName } }'), MEMBERSHIP)).toBe(false);
  });

  it('looks in every field node of the field (the same field asked twice is merged)', () => {
    const parsed = infoOf('{ list { edges { node { id } } } }');
    const other = infoOf('{ list { edges { node { user { membership { status } } } } } }');
    expect(selects({ fieldNodes: [...parsed.fieldNodes, ...other.fieldNodes], fragments: {} }, MEMBERSHIP)).toBe(true);
  });

  it('counts a field under @skip / @include as asked for (reading too much, never too little)', () => {
    expect(selects(infoOf('query($no: Boolean!) { list { edges { node { user @include(if: $no) { id } } } } }'), USER)).toBe(true);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(selects(infoOf('{ list { ...L } } fragment L on List { ...L edges { node { id } } }'), USER)).toBe(false);
  });
});

describe('rememberedPerField: what a field asks, computed once per field', () => {
  it('computes once per field node, again for another node, and keys merged nodes by their list', () => {
    let computed = 0;
    const asksUser = rememberedPerField((info) => {
      computed += 1;
      return selects(info, USER);
    });
    const withUser = infoOf('{ list { edges { node { user { id } } } } }');
    const without = infoOf('{ list { edges { node { id } } } }');
    expect([asksUser(withUser), asksUser({ ...withUser }), asksUser(withUser)]).toEqual([true, true, true]);
    expect(computed).toBe(1);
    expect(asksUser(without)).toBe(false);
    expect(computed).toBe(2);
    const merged = { fieldNodes: [...without.fieldNodes, ...withUser.fieldNodes], fragments: {} };
    expect([asksUser(merged), asksUser(merged)]).toEqual([true, true]);
    expect(computed).toBe(3);
  });
});

describe('fieldsAt: the field names a resolver\'s selection asks for at a path below it', () => {
  it('unions every alias, fragment, inline fragment and field node, and is undefined where the path is not asked', () => {
    const info = infoOf(
      '{ list { edges { node { user { fullName m: membership { status } ...U ... on User { email } } } } } } fragment U on User { membership { tier { name } } id }',
    );
    expect([...fieldsAt(info, USER)!].sort()).toEqual(['email', 'fullName', 'id', 'membership']);
    expect([...fieldsAt(info, MEMBERSHIP)!].sort()).toEqual(['status', 'tier']);
    expect([...fieldsAt(info, [...MEMBERSHIP, 'tier'])!]).toEqual(['name']);
    expect(fieldsAt(info, ['edges', 'node', 'event'])).toBeUndefined();
    const other = infoOf('{ list { edges { node { user { role } } } } }');
    expect([...fieldsAt({ fieldNodes: [...info.fieldNodes, ...other.fieldNodes], fragments: info.fragments }, USER)!].sort()).toEqual(['email', 'fullName', 'id', 'membership', 'role']);
  });

  it('is empty for a leaf, and names __typename like any field', () => {
    const info = infoOf('{ list { totalCount edges { __typename } } }');
    expect([...fieldsAt(info, ['totalCount'])!]).toEqual([]);
    expect([...fieldsAt(info, ['edges'])!]).toEqual(['__typename']);
  });
});

describe('rowFieldsAsked: the row fields a selection reads, through an allow-list', () => {
  const all = ['id', 'authorId', 'title', 'body', 'createdAt'] as const;
  const needs = { author: ['authorId'], comments: [] } as const;
  it('reads the fields asked and those always read, in the list\'s order, __typename aside', () => {
    expect(rowFieldsAsked(new Set(['createdAt', '__typename', 'title']), all, ['id'], needs)).toEqual(['id', 'title', 'createdAt']);
  });
  it('maps a field to the row fields it reads, or to none', () => {
    expect(rowFieldsAsked(new Set(['author', 'comments']), all, ['id'], needs)).toEqual(['id', 'authorId']);
  });
  it('reads every field (the same list) when one asked is not on the list', () => {
    expect(rowFieldsAsked(new Set(['title', 'somethingNew']), all, ['id'], needs)).toBe(all);
  });
});
