import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type GraphQLObjectType, type GraphQLSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { Connection, type ConnectionShape, lazy, toConnection } from './connection.js';
import { AwaitedProperty, readPropertiesDirectly } from './property-fields.js';

@ObjectType()
class Gadget {
  @Field() name!: string;
  @Field(() => Int) weight!: number;
  @Field() madeAt!: Date;
  @Field(() => [String]) tags!: string[];
  @Field(() => Gadget, { nullable: true }) spare!: Gadget | null;
  /** Renamed: the schema's `label` reads the property `title`. */
  @Field({ name: 'label' }) title!: string;
  @Field({ defaultValue: 'grey' }) colour!: string;
  /** Counted only when asked. */
  @Field(() => Int)
  @AwaitedProperty()
  stock!: number | PromiseLike<number>;
  /** Declared as a promise (TypeScript records Promise). */
  @Field(() => Int) reorderAt!: Promise<number>;
}

@ObjectType()
class GadgetConnection extends Connection(Gadget) {}

const GADGET: Gadget = { name: 'lamp', weight: 3, madeAt: new Date('2026-01-02T03:04:05Z'), tags: ['a'], spare: null, title: 'Lamp', colour: undefined as unknown as string, stock: Promise.resolve(7), reorderAt: Promise.resolve(2) };

@Resolver(() => Gadget)
class GadgetResolver {
  @Query(() => GadgetConnection)
  gadgets(): ConnectionShape<Gadget> {
    return toConnection([GADGET], 20, (g) => [g.name], lazy(async () => 1));
  }
}

@Module({ imports: [GraphQLSchemaBuilderModule] })
class SchemaModule {}

const fieldsOf = (schema: GraphQLSchema, type: string) => (schema.getType(type) as GraphQLObjectType).getFields();

async function nestSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(SchemaModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create([GadgetResolver]);
    // As Nest's GraphQL module does after building it: the root field answers from its resolver class.
    fieldsOf(schema, 'Query').gadgets.resolve = () => new GadgetResolver().gadgets();
    return schema;
  } finally {
    await app.close();
  }
}

describe('readPropertiesDirectly', () => {
  it('drops Nest’s property resolver where the property is one type that is never a promise', async () => {
    const schema = await nestSchema();
    expect(fieldsOf(schema, 'Gadget').name.resolve).toBeDefined();
    readPropertiesDirectly(schema);
    const gadget = fieldsOf(schema, 'Gadget');
    for (const plain of ['name', 'weight', 'madeAt', 'tags', 'spare']) expect([plain, gadget[plain].resolve]).toEqual([plain, undefined]);
    const edge = fieldsOf(schema, 'GadgetEdge');
    expect(edge.node.resolve).toBeUndefined();
    expect(edge.cursor.resolve).toBeUndefined();
    expect(fieldsOf(schema, 'GadgetConnection').edges.resolve).toBeUndefined();
  });

  it('keeps it for a renamed property, a default value, a property that may hold a promise, and a root field', async () => {
    const schema = readPropertiesDirectly(await nestSchema());
    const gadget = fieldsOf(schema, 'Gadget');
    expect(gadget.label.resolve).toBeDefined();
    expect(gadget.colour.resolve).toBeDefined();
    expect(gadget.stock.resolve).toBeDefined();
    expect(gadget.reorderAt.resolve).toBeDefined();
    expect(fieldsOf(schema, 'GadgetConnection').totalCount.resolve).toBeDefined();
    expect(fieldsOf(schema, 'Query').gadgets.resolve).toBeDefined();
  });

  it('answers as before through graphql-jit: renamed, defaulted and promised values included', async () => {
    const schema = readPropertiesDirectly(await nestSchema());
    const query = compileQuery(schema, parse('{ gadgets { totalCount edges { cursor node { name weight madeAt tags spare { name } label colour stock reorderAt } } } }'));
    if (!isCompiledQuery(query)) throw new Error('not compiled');
    const result = await query.query(undefined, {}, {});
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      gadgets: {
        totalCount: 1,
        edges: [{ cursor: expect.any(String), node: { name: 'lamp', weight: 3, madeAt: '2026-01-02T03:04:05.000Z', tags: ['a'], spare: null, label: 'Lamp', colour: 'grey', stock: 7, reorderAt: 2 } }],
      },
    });
  });
});
