import { Extensions } from '@nestjs/graphql';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage.js';
import { type GraphQLField, type GraphQLSchema, isObjectType } from 'graphql';

const AWAITED = 'awaitedProperty';

/** On a `@Field()` property that may hold a promise: the field keeps a resolver, whose answer the executor awaits. */
export function AwaitedProperty(): PropertyDecorator {
  return Extensions({ [AWAITED]: true }) as PropertyDecorator;
}

/**
 * Fields that only read their parent's property are left to the executor's own property read.
 *
 * Nest gives every `@Field()` property of an object type a resolver, `(root) => root[name] ?? defaultValue`. To
 * graphql-jit a field with a resolver is a call: it builds a resolve info and a response path, calls through a
 * try/catch and checks the answer for a promise, for every scalar of every row. A field without one it compiles
 * to a property read inside the row's object literal. On a staff page of 20 events × 20 registrations × person
 * × tier that is about 4,000 calls a request that do nothing but read a property.
 *
 * The resolver is removed only when both hold:
 *   - it is Nest's own property reader, and reads exactly the field's own name with no default value (checked by
 *     calling it on a probe object: a renamed property or a `defaultValue` keeps it);
 *   - the property never holds a promise: only a resolver's answer is awaited (and a list's items), a property read
 *     is not. A property that may hold one (`totalCount: number | PromiseLike<number>`, counted only when asked)
 *     says so with `@AwaitedProperty()`; one declared as a `Promise` (TypeScript's `design:type`) keeps its resolver
 *     too. `awaited-property.spec.ts` checks that every `@Field` property whose declared type mentions a promise
 *     carries the decorator.
 * Field resolvers (`@ResolveField`), fields with middleware, and root fields keep what they have.
 */
export function readPropertiesDirectly(schema: GraphQLSchema): GraphQLSchema {
  const classes = new Map(TypeMetadataStorage.getObjectTypesMetadata().map((type) => [type.name, type.target]));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const target = classes.get(type.name);
    if (!target) continue;
    for (const field of Object.values(type.getFields())) {
      if (readsOwnPropertyOnly(field) && !mayHoldPromise(field, target)) field.resolve = undefined;
    }
  }
  return schema;
}

/** Whether `field.resolve` is Nest's property reader for the field's own name, with no default value. */
function readsOwnPropertyOnly(field: GraphQLField<unknown, unknown>): boolean {
  const resolve = field.resolve as ((root: unknown) => unknown) | undefined;
  if (!resolve || resolve.name !== 'rootFieldResolver' || resolve.length !== 1) return false;
  const read: PropertyKey[] = [];
  const probe = new Proxy({}, { get: (_target, key) => (read.push(key), undefined) });
  return resolve(probe) === undefined && read.length === 1 && read[0] === field.name;
}

function mayHoldPromise(field: GraphQLField<unknown, unknown>, target: { prototype: unknown }): boolean {
  if (field.extensions?.[AWAITED] === true) return true;
  return Reflect.getMetadata('design:type', target.prototype as object, field.name) === Promise;
}
