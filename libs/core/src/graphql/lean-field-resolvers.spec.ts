import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { type ArgumentMetadata, type CallHandler, CanActivate, Catch, createParamDecorator, ExecutionContext, ForbiddenException, Injectable, Module, type PipeTransform, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, ModulesContainer, NestFactory } from '@nestjs/core';
import { Args, Context, Field, GqlExecutionContext, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Info, InputType, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { leanFieldResolvers, readsGraphQLContext, type RequestWideGuard } from './lean-field-resolvers.js';

@ObjectType()
class Thing {
  @Field()
  id!: string;
  ownerId!: string;
}

const ContextName = createParamDecorator((_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<{ name: string }>().name);
/** The same value, declared as read from the GraphQL context alone. */
const LeanContextName = createParamDecorator(
  readsGraphQLContext(
    (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<{ name: string }>().name,
    (ctx: { name: string }) => ctx.name,
  ),
);

@Injectable()
class DenyGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@InputType()
class ThingFilter {
  /** Renamed in the schema: Nest hands the method `{ startsWith }` for `{ starts_with }`. */
  @Field({ name: 'starts_with' })
  startsWith!: string;
}

@Catch()
class SwallowingFilter {
  catch(): string {
    return 'filtered';
  }
}

@Injectable()
class NoopInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler) {
    return next.handle();
  }
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing])
  things(@Args('filter') filter: ThingFilter, @ContextName() name: string): Thing[] {
    return [{ id: `${filter.startsWith}:${name}`, ownerId: 'o' }];
  }

  @UseGuards(DenyGuard)
  @Query(() => Thing, { name: 'guardedThing' })
  guarded(): Thing {
    return { id: 'never', ownerId: 'o' };
  }

  @UseFilters(SwallowingFilter)
  @Query(() => String)
  filtered(): string {
    return 'x';
  }

  @UseInterceptors(NoopInterceptor)
  @Query(() => String)
  intercepted(): string {
    return 'x';
  }

  @Mutation(() => String)
  rename(@Args('name') name: string): string {
    return name;
  }

  @ResolveField(() => String)
  label(@Parent() thing: Thing, @ContextName() name: string, @Info() info: { fieldName: string }, @Context('name') again: string): string {
    return `${thing.id}:${name}:${info.fieldName}:${again}`;
  }

  @ResolveField(() => String)
  named(@Parent() thing: Thing, @LeanContextName() name: string): string {
    return `${thing.id}:${name}`;
  }

  @ResolveField(() => String)
  async later(@Parent() thing: Thing): Promise<string> {
    return thing.id;
  }

  @ResolveField(() => String)
  withArgs(@Parent() thing: Thing, @Args('prefix') prefix: string): string {
    return prefix + thing.id;
  }

  @UseGuards(DenyGuard)
  @ResolveField(() => String)
  ownGuard(@Parent() thing: Thing): string {
    return thing.id;
  }
}

@Module({ providers: [ThingResolver, DenyGuard] })
class ThingModule {}

@Module({ imports: [GraphQLSchemaBuilderModule, ThingModule] })
class SchemaModule {}

@Module({ imports: [GraphQLSchemaBuilderModule, ThingModule], providers: [{ provide: APP_INTERCEPTOR, useClass: NoopInterceptor }] })
class GlobalInterceptorModule {}

@Module({ imports: [GraphQLSchemaBuilderModule, ThingModule], providers: [{ provide: APP_FILTER, useClass: SwallowingFilter }] })
class GlobalFilterModule {}

async function resolversWith(guards: CanActivate[], argsPipes?: PipeTransform[], root: object = SchemaModule, rootFilters: object[] = []) {
  const app = await NestFactory.createApplicationContext(root, { logger: false });
  // Nest builds the schema before it hands over the resolvers: the arguments' renames are known by then.
  await app.get(GraphQLSchemaFactory).create([ThingResolver]);
  const nest = () => 'nest';
  const map = {
    Thing: { label: nest, named: nest, later: nest, withArgs: nest, ownGuard: nest },
    Query: { things: nest, guardedThing: nest, filtered: nest, intercepted: nest },
    Mutation: { rename: nest },
  };
  leanFieldResolvers(app.get(ModulesContainer), guards, argsPipes, rootFilters)(map);
  await app.close();
  return { map, nest };
}

const call = (resolve: unknown, parent: unknown, context: unknown = { name: 'ctx' }) =>
  (resolve as (...args: unknown[]) => unknown)(parent, {}, context, { fieldName: 'label' });

describe('leanFieldResolvers', () => {
  it('replaces field resolvers reading only parent, context, info and custom decorators; keeps Nest for @Args without the global pipes, and for mutations', async () => {
    const { map, nest } = await resolversWith([{ canActivate: () => true }]);
    expect(map.Thing.label).not.toBe(nest);
    expect(map.Thing.later).not.toBe(nest);
    expect(map.Thing.ownGuard).not.toBe(nest);
    expect(map.Query.guardedThing).not.toBe(nest);
    expect(map.Thing.withArgs).toBe(nest);
    expect(map.Query.things).toBe(nest);
    expect(map.Mutation.rename).toBe(nest);
  });

  it('runs a root query lean with the global pipes: its own guards, its renamed arguments mapped as Nest maps them; one with its own filter or interceptor keeps Nest', async () => {
    const seen: unknown[] = [];
    const pipe: PipeTransform = { transform: (value: unknown) => (seen.push(value), value) };
    const { map, nest } = await resolversWith([{ canActivate: () => true }], [pipe]);
    expect(map.Query.filtered).toBe(nest);
    expect(map.Query.intercepted).toBe(nest);
    expect(map.Mutation.rename).toBe(nest);
    const things = map.Query.things as (...args: unknown[]) => unknown;
    const info = { fieldName: 'things', fieldNodes: [{ kind: 'Field' }] };
    await expect(things(undefined, { filter: { starts_with: 'th' } }, { name: 'ctx' }, info)).resolves.toEqual([{ id: 'th:ctx', ownerId: 'o' }]);
    expect(seen).toEqual([{ startsWith: 'th' }]);
    expect(() => (map.Query.guardedThing as (...args: unknown[]) => unknown)(undefined, {}, {}, { fieldName: 'guardedThing' })).toThrow(ForbiddenException);
  });

  it('keeps root queries on Nest\'s path when a global interceptor or an unknown global filter is registered (fields stay lean)', async () => {
    const granted = [{ canActivate: () => true }];
    const intercepted = await resolversWith(granted, [], GlobalInterceptorModule);
    expect(intercepted.map.Query.guardedThing).toBe(intercepted.nest);
    expect(intercepted.map.Thing.label).not.toBe(intercepted.nest);
    const filtered = await resolversWith(granted, [], GlobalFilterModule);
    expect(filtered.map.Query.guardedThing).toBe(filtered.nest);
    const known = await resolversWith(granted, [], GlobalFilterModule, [SwallowingFilter]);
    expect(known.map.Query.guardedThing).not.toBe(known.nest);
  });

  it('given the global pipes, runs a field taking @Args() lean: its arguments through the pipes once per field node and request, with Nest\'s metadata', async () => {
    const seen: Array<[unknown, ArgumentMetadata]> = [];
    const upper: PipeTransform = { transform: async (value: unknown, metadata: ArgumentMetadata) => (seen.push([value, metadata]), String(value).toUpperCase()) };
    const { map, nest } = await resolversWith([{ canActivate: () => true }], [upper]);
    expect(map.Thing.withArgs).not.toBe(nest);
    const withArgs = map.Thing.withArgs as (...args: unknown[]) => unknown;
    const node = { kind: 'Field' };
    const request = { name: 'one request' };
    const info = { fieldName: 'withArgs', fieldNodes: [node] };
    // Three parent rows of one list: the same field node, the same arguments, one validation.
    const rows = ['t1', 't2', 't3'].map((id) => withArgs({ id }, { prefix: 'p:' }, request, info));
    expect(await Promise.all(rows)).toEqual(['P:t1', 'P:t2', 'P:t3']);
    expect(seen).toEqual([['p:', { type: 3, data: 'prefix', metatype: String }]]);
    // Once validated, later rows get the value at once.
    expect(withArgs({ id: 't4' }, { prefix: 'p:' }, request, info)).toBe('P:t4');
    // Another request, or another field node, validates again.
    expect(await withArgs({ id: 't5' }, { prefix: 'q:' }, { name: 'another request' }, info)).toBe('Q:t5');
    expect(await withArgs({ id: 't6' }, { prefix: 'r:' }, request, { fieldName: 'withArgs', fieldNodes: [{ kind: 'Field' }] })).toBe('R:t6');
    expect(seen.map(([value]) => value)).toEqual(['p:', 'q:', 'r:']);
  });

  it('remembers validated arguments per field node across requests, frozen; what failed is validated again every time', async () => {
    const made: Array<{ prefix: string; nested: { tags: string[] } }> = [];
    const toObject: PipeTransform = {
      transform: async (value: unknown) => {
        if (value === 'bad') throw new Error('bad prefix');
        const result = { prefix: String(value), nested: { tags: ['t'] } };
        made.push(result);
        return result;
      },
    };
    const { map } = await resolversWith([{ canActivate: () => true }], [toObject]);
    const withArgs = map.Thing.withArgs as (...args: unknown[]) => unknown;
    const info = { fieldName: 'withArgs', fieldNodes: [{ kind: 'Field' }] };
    await withArgs({ id: 'a' }, { prefix: 'p:' }, { request: 1 }, info);
    // A second request with the same field node and arguments: no validation, the same (frozen) value at once.
    expect(withArgs({ id: 'b' }, { prefix: 'p:' }, { request: 2 }, info)).toBe('[object Object]b');
    expect(made).toHaveLength(1);
    expect(Object.isFrozen(made[0]) && Object.isFrozen(made[0].nested) && Object.isFrozen(made[0].nested.tags)).toBe(true);
    // Other arguments, or another field node, are validated.
    await withArgs({ id: 'c' }, { prefix: 'q:' }, { request: 3 }, info);
    await withArgs({ id: 'd' }, { prefix: 'p:' }, { request: 4 }, { fieldName: 'withArgs', fieldNodes: [{ kind: 'Field' }] });
    expect(made.map((m) => m.prefix)).toEqual(['p:', 'q:', 'p:']);
    // A refusal is not remembered: each request gets its own.
    await expect(withArgs({ id: 'e' }, { prefix: 'bad' }, { request: 5 }, info)).rejects.toThrow('bad prefix');
    await expect(withArgs({ id: 'f' }, { prefix: 'bad' }, { request: 6 }, info)).rejects.toThrow('bad prefix');
  });

  it('refuses as Nest does with @Args(): the guard before the pipes, and every row the same pipe error', async () => {
    let piped = 0;
    const invalid = new Error('prefix is invalid');
    const refusing: PipeTransform = { transform: async () => (piped++, Promise.reject(invalid)) };
    const { map: denied } = await resolversWith([{ canActivate: () => false }], [refusing]);
    const node = { kind: 'Field' };
    expect(() => (denied.Thing.withArgs as (...args: unknown[]) => unknown)({ id: 'x' }, { prefix: 'p' }, {}, { fieldNodes: [node] })).toThrow(ForbiddenException);
    expect(piped).toBe(0);
    const { map } = await resolversWith([{ canActivate: () => true }], [refusing]);
    const request = {};
    const rows = ['a', 'b'].map((id) => (map.Thing.withArgs as unknown as (...args: unknown[]) => Promise<unknown>)({ id }, { prefix: 'p' }, request, { fieldNodes: [node] }));
    for (const row of rows) await expect(row).rejects.toBe(invalid);
    expect(piped).toBe(1);
  });

  it('builds no execution context and asks no guard once every guard has granted the handler for the request, unless a parameter needs one', async () => {
    const asked: string[] = [];
    const granted = new Set<string>();
    const guard: RequestWideGuard = {
      canActivate: (context: ExecutionContext) => {
        asked.push(context.getHandler().name);
        granted.add(context.getHandler().name);
        return true;
      },
      grantedForRequest: (_context, handler) => granted.has((handler as { name: string }).name),
    };
    const { map } = await resolversWith([guard]);
    const context = { name: 'ctx' };
    const rows = ['r1', 'r2', 'r3'].map((id) => (map.Thing.named as (...args: unknown[]) => unknown)({ id }, {}, context, { fieldName: 'named' }));
    expect(rows).toEqual(['r1:ctx', 'r2:ctx', 'r3:ctx']);
    expect(asked).toEqual(['named']);
    // A custom decorator not declared with readsGraphQLContext needs Nest's execution context: the guard is asked every row.
    for (const id of ['r1', 'r2']) expect(call(map.Thing.label, { id }, context)).toBe(`${id}:ctx:label:ctx`);
    expect(asked).toEqual(['named', 'label', 'label']);
    // The granted handler in one request is not granted in another.
    granted.clear();
    expect((map.Thing.named as (...args: unknown[]) => unknown)({ id: 'r4' }, {}, { name: 'other' }, {})).toBe('r4:other');
    expect(asked).toEqual(['named', 'label', 'label', 'named']);
  });

  it("runs the global guards first, then the method's own @UseGuards instance", async () => {
    const order: string[] = [];
    const { map } = await resolversWith([{ canActivate: () => (order.push('global'), true) }]);
    expect(() => call(map.Thing.ownGuard, { id: 'x' })).toThrow(ForbiddenException);
    expect(order).toEqual(['global']);
    const { map: refused } = await resolversWith([{ canActivate: () => (order.push('refusing global'), false) }]);
    expect(() => call(refused.Thing.ownGuard, { id: 'x' })).toThrow(ForbiddenException);
    expect(order).toEqual(['global', 'refusing global']);
  });

  it('reads each parameter as Nest does and answers synchronously when the guard does', async () => {
    const { map } = await resolversWith([{ canActivate: () => true }]);
    expect(call(map.Thing.label, { id: 't1' })).toBe('t1:ctx:label:ctx');
    await expect(call(map.Thing.later, { id: 't2' })).resolves.toBe('t2');
  });

  it('hands the guard the resolver, the handler and the graphql arguments, and waits for an async guard', async () => {
    const seen: Array<{ type: string; handler: string; root: unknown; className: string }> = [];
    const guard: CanActivate = {
      canActivate: async (context: ExecutionContext) => {
        const gql = GqlExecutionContext.create(context);
        seen.push({ type: context.getType(), handler: context.getHandler().name, root: gql.getRoot(), className: context.getClass().name });
        return true;
      },
    };
    const { map } = await resolversWith([guard]);
    await expect(call(map.Thing.label, { id: 't3' })).resolves.toBe('t3:ctx:label:ctx');
    expect(seen).toEqual([{ type: 'graphql', handler: 'label', root: { id: 't3' }, className: 'ThingResolver' }]);
  });

  it('refuses as Nest does: a guard answering false is ForbiddenException, a guard error is passed on, and the method does not run', async () => {
    let ran = 0;
    const { map: denied } = await resolversWith([{ canActivate: () => false }]);
    expect(() => call(denied.Thing.label, { id: 'x' })).toThrow(ForbiddenException);
    const { map: asyncDenied } = await resolversWith([{ canActivate: async () => false }]);
    await expect(call(asyncDenied.Thing.label, { id: 'x' }) as Promise<unknown>).rejects.toBeInstanceOf(ForbiddenException);
    const refusal = new Error('not yours');
    const { map: throwing } = await resolversWith([
      {
        canActivate: () => {
          throw refusal;
        },
      },
    ]);
    expect(() => call(throwing.Thing.later, { get id() { return String(++ran); } })).toThrow(refusal);
    expect(ran).toBe(0);
  });
});
