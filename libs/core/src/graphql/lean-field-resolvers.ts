import { CanActivate, ForbiddenException, PipeTransform } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, EXCEPTION_FILTERS_METADATA, GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { APP_FILTER, APP_INTERCEPTOR, type ModulesContainer } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { GqlModuleOptions } from '@nestjs/graphql';
import { createArgsMapper } from '@nestjs/graphql/dist/utils/map-args-to-props.util.js';
import type { GraphQLFieldResolver } from 'graphql';
import { argsReader, GQL_ARGS_PARAMTYPE } from './validated-args.js';

/**
 * Field resolvers (`@ResolveField`) without Nest's per-call pipeline.
 *
 * With `fieldResolverEnhancers: ['guards']`, Nest runs every field resolver through its external context
 * creator on every row: a chain of async steps (guards, each parameter's pipes, the handler, the result),
 * several promises per field per row. On a staff page of 20 events × 20 registrations × person × tier that
 * machinery, not SQL, was most of the API's CPU (and of its garbage).
 *
 * This replaces, in the resolver map Nest hands to the schema, each field resolver whose wrapper does only
 * what can be done synchronously with the same outcome:
 *   - the same guards in Nest's order (the global AuthGuard, then the class's and the method's `@UseGuards`,
 *     the module's own instances), called with the same execution context; a guard answering a plain
 *     boolean (the decision remembered for the request) costs no promise, and a guard's error or `false`
 *     (ForbiddenException, as Nest throws) reaches graphql-js as it would through Nest;
 *   - parameters from @Parent(), @Context(), @Info() and custom decorators (@CurrentRequest(),
 *     @CurrentViewer()) read as Nest reads them; once every guard says it has let the handler through for the
 *     whole request (`RequestWideGuard`) and no parameter needs an execution context (a custom decorator
 *     declared with `readsGraphQLContext` needs none), a call builds none: a list's later rows pay no guard.
 *   - arguments (@Args()) through the global pipes (`argsPipes`: GraphQLValidationPipe), with Nest's metadata,
 *     once per field node and request: graphql-js hands the same arguments to the field for every parent row
 *     (they come from the query text and its variables), so the staff page's 20 `Event.registrations(first:)`
 *     are validated once, and each row gets the same validated value, or the same error (after its guards,
 *     as in Nest). A validated value is also remembered, frozen, for later requests of the same document with the
 *     same argument values (`argsAcrossRequests`). Without `argsPipes`, such a field keeps Nest's wrapper.
 * Root queries (`@Query`) go the same way: Nest runs them with every enhancer, so for them the lean path also
 * needs no exception filter of their own (the global PassthroughExceptionFilter hands a GraphQL error back to
 * graphql-js unchanged, which is what throwing it does here). Arguments are mapped to renamed properties
 * (`@Field({ name })`) as Nest maps them, before the guards. Mutations and subscriptions keep Nest's wrapper.
 * Anything else keeps Nest's wrapper: a parameter with its own pipes, a method or class with its own pipes,
 * interceptors or (root queries) filters, a guard that is not a static instance of the module, field middleware,
 * a request-scoped resolver, or a field two resolvers declare. The global pipes run on arguments only; parent, context, info and
 * custom-decorator values skip them, so `lean` must only be used with pipes that hand those back unchanged
 * (GraphQLValidationPipe does: they are not client input). A field's validated arguments are one value shared
 * by its rows and by later requests with the same values: resolvers read them, never change them (they are frozen).
 */

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';
const FIELD_RESOLVER_MIDDLEWARE_METADATA = 'graphql:field_resolver_middleware';
const FIELD_TYPENAME = '__resolveType';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** The root type whose fields may run lean (Nest's own ResolverType value). */
const QUERY = 'Query';

/** @nestjs/graphql's GqlParamtype: where each built-in parameter decorator reads from (parent, args, context, info). */
const GQL_PARAM_ARG_INDEX: Record<string, number | undefined> = { '0': 0, '1': 2, '2': 3 };

type ResolverArgs = [parent: unknown, args: unknown, context: unknown, info: unknown];
/** Reads one parameter; `host` is undefined for a reader that said it needs none (`ParamReading.host` false). */
type ParamReader = (host: ExecutionContextHost | undefined, resolverArgs: ResolverArgs) => unknown;

/** A parameter's reader, and whether it needs Nest's execution context (a custom decorator's factory does). */
interface ParamReading {
  index: number;
  read: ParamReader;
  host: boolean;
}

/**
 * A guard that can tell, from the GraphQL context alone, that it lets `handler` through for every row of this
 * request (AuthGuard, once it has granted a handler a decision that does not depend on the row). A lean field
 * whose guards all say so, and whose parameters need no execution context, is called without building one.
 */
export interface RequestWideGuard extends CanActivate {
  grantedForRequest(graphqlContext: unknown, handler: object): boolean;
}

/** Custom decorators' factories that read only the GraphQL context, with how (see `readsGraphQLContext`). */
const CONTEXT_READERS = new WeakMap<object, (graphqlContext: unknown) => unknown>();

/**
 * Declares that a `createParamDecorator` factory answers `read(graphqlContext)` (Nest's `getContext()` of the
 * GraphQL execution context), so that lean resolvers read it without building an execution context per call.
 * Returns the factory, for `createParamDecorator`.
 */
export function readsGraphQLContext<F extends (data: never, context: never) => unknown>(factory: F, read: (graphqlContext: never) => ReturnType<F>): F {
  CONTEXT_READERS.set(factory, read as (graphqlContext: unknown) => unknown);
  return factory;
}

interface ParamMetadata {
  index: number;
  data?: unknown;
  pipes?: Array<PipeTransform | (new (...args: never[]) => PipeTransform)>;
  factory?: (data: unknown, context: ExecutionContextHost) => unknown;
}

/**
 * The readers of a method's parameters, or null when one needs Nest (a parameter with its own pipes, or
 * arguments when no `argsPipes` are given). `paramtypes` are the method's design types (the pipes' metatype).
 */
export function paramReaders(
  metadata: Record<string, ParamMetadata> | undefined,
  argsPipes?: readonly PipeTransform[],
  paramtypes: readonly unknown[] = [],
): ParamReading[] | null {
  const readers: ParamReading[] = [];
  for (const [key, param] of Object.entries(metadata ?? {})) {
    if (param.pipes?.length) return null;
    if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) {
      const { factory, data } = param;
      if (!factory) return null;
      const fromContext = CONTEXT_READERS.get(factory);
      readers.push(
        fromContext
          ? { index: param.index, read: (_host, args) => fromContext(args[2]), host: false }
          : { index: param.index, read: (host) => factory(data, host as ExecutionContextHost), host: true },
      );
      continue;
    }
    const paramtype = key.split(':')[0];
    if (paramtype === String(GQL_ARGS_PARAMTYPE)) {
      if (!argsPipes) return null; // nothing to validate them with here: Nest's path
      readers.push({ index: param.index, read: argsReader(param.index, param.data, paramtypes[param.index], argsPipes), host: false });
      continue;
    }
    const argIndex = GQL_PARAM_ARG_INDEX[paramtype];
    if (argIndex === undefined) return null;
    const data = param.data;
    readers.push({
      index: param.index,
      read:
        data === undefined || data === null || data === ''
          ? (_host, args) => args[argIndex]
          : (_host, args) => (args[argIndex] as Record<string, unknown> | undefined)?.[data as string],
      host: false,
    });
  }
  return readers;
}

const FIELD_ENHANCERS = [PIPES_METADATA, INTERCEPTORS_METADATA, FIELD_RESOLVER_MIDDLEWARE_METADATA];
/** Nest runs a root field's own filters too (a field's only with `fieldResolverEnhancers: ['filters']`, not set here). */
const ROOT_ENHANCERS = [...FIELD_ENHANCERS, EXCEPTION_FILTERS_METADATA];

function hasEnhancers(target: object, keys: readonly string[]): boolean {
  for (const key of keys) {
    const value = Reflect.getMetadata(key, target) as unknown[] | undefined;
    if (value?.length) return true;
  }
  return false;
}

/**
 * One field resolver: the guards, then the method with its parameters, all synchronous unless a guard or
 * the method answers with a promise.
 */
export function leanFieldResolver(
  instance: object,
  handler: (...params: unknown[]) => unknown,
  readers: readonly ParamReading[],
  guards: readonly CanActivate[],
  mapArgs?: ((args: unknown) => unknown) | null,
): GraphQLFieldResolver<unknown, unknown> {
  const classRef = instance.constructor;
  const length = readers.reduce((max, r) => Math.max(max, r.index + 1), 0);
  const call = (host: ExecutionContextHost | undefined, resolverArgs: ResolverArgs): unknown => {
    const params = new Array<unknown>(length);
    let pending = false;
    for (const reader of readers) {
      const value = reader.read(host, resolverArgs);
      params[reader.index] = value;
      pending ||= value instanceof Promise;
    }
    // Only arguments still in their pipes are promises (custom decorators' values are handed over as they are).
    return pending ? Promise.all(params).then((values) => handler.apply(instance, values)) : handler.apply(instance, params);
  };
  const guardFrom = (index: number, host: ExecutionContextHost, resolverArgs: ResolverArgs): unknown => {
    for (let i = index; i < guards.length; i++) {
      const allowed = guards[i].canActivate(host);
      if (allowed === true) continue;
      if (allowed === false) throw new ForbiddenException('Forbidden resource');
      return Promise.resolve(allowed as Promise<boolean>).then((ok) => {
        if (!ok) throw new ForbiddenException('Forbidden resource');
        return guardFrom(i + 1, host, resolverArgs);
      });
    }
    return call(host, resolverArgs);
  };
  // Every guard has already let this handler through for the whole request, and no parameter needs Nest's
  // execution context: nothing to build one for (most calls on a list's rows, after the first).
  const hostFree = !readers.some((reader) => reader.host);
  const grantedForRequest = (context: unknown): boolean => {
    if (!hostFree) return false;
    for (const guard of guards) if (!(guard as Partial<RequestWideGuard>).grantedForRequest?.(context, handler)) return false;
    return true;
  };
  return (parent, args, context, info) => {
    const resolverArgs: ResolverArgs = [parent, mapArgs ? mapArgs(args) : args, context, info];
    if (grantedForRequest(context)) return call(undefined, resolverArgs);
    const host = new ExecutionContextHost(resolverArgs, classRef as never, handler);
    host.setType('graphql');
    return guardFrom(0, host, resolverArgs);
  };
}

type ResolverMaps = Parameters<NonNullable<GqlModuleOptions['transformResolvers']>>[0];

type ModuleRef = ModulesContainer extends Map<string, infer M> ? M : never;

/**
 * The guards Nest would run for the method, in its order: the global ones, then the class's, then the
 * method's (`@UseGuards`), each the module's own static instance; null when one cannot be had that way.
 */
function guardsFor(moduleRef: ModuleRef, classRef: object, method: object, globalGuards: readonly CanActivate[]): CanActivate[] | null {
  const declared = [
    ...((Reflect.getMetadata(GUARDS_METADATA, classRef) as unknown[] | undefined) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, method) as unknown[] | undefined) ?? []),
  ];
  const guards = [...globalGuards];
  for (const guard of declared) {
    if (typeof guard !== 'function') {
      if (typeof (guard as CanActivate | null)?.canActivate !== 'function') return null;
      guards.push(guard as CanActivate);
      continue;
    }
    const wrapper = moduleRef.injectables.get(guard as never);
    const instance = wrapper?.isDependencyTreeStatic() ? (wrapper.instance as CanActivate | undefined) : undefined;
    if (typeof instance?.canActivate !== 'function') return null;
    guards.push(instance);
  }
  return guards;
}

interface Candidate {
  typeName: string;
  fieldName: string;
  resolve: GraphQLFieldResolver<unknown, unknown> | null;
}

/** Every `@ResolveField` and `@Query` of the static resolvers, as lean resolvers (null where Nest's path is needed). */
export function discoverFieldResolvers(
  modules: ModulesContainer,
  guards: readonly CanActivate[],
  argsPipes?: readonly PipeTransform[],
  rootFilters: readonly object[] = [],
): Candidate[] {
  const candidates: Candidate[] = [];
  const leanRoots = onlyKnownGlobalEnhancers(modules, rootFilters);
  const seen = new Set<object>();
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype || seen.has(instance)) continue;
      seen.add(instance);
      const classRef = instance.constructor;
      const classType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, classRef) as string | undefined;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const methodName of Object.getOwnPropertyNames(prototype)) {
        if (methodName === 'constructor' || methodName === FIELD_TYPENAME) continue;
        const method = Object.getOwnPropertyDescriptor(prototype, methodName)?.value as ((...params: unknown[]) => unknown) | undefined;
        if (typeof method !== 'function') continue;
        const declaredType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
        const root = leanRoots && declaredType === QUERY && !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method);
        if (!root && !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) continue;
        const typeName = declaredType ?? classType;
        if (!typeName || (!root && ROOT_TYPES.has(typeName))) continue;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? methodName;
        const enhancers = root ? ROOT_ENHANCERS : FIELD_ENHANCERS;
        const plain = wrapper.isDependencyTreeStatic() && !hasEnhancers(method, enhancers) && !hasEnhancers(classRef, enhancers);
        const paramtypes = (Reflect.getMetadata('design:paramtypes', prototype, methodName) as unknown[] | undefined) ?? [];
        const readers = plain ? paramReaders(Reflect.getMetadata(ROUTE_ARGS_METADATA, classRef, methodName) as Record<string, ParamMetadata> | undefined, argsPipes, paramtypes) : null;
        const methodGuards = readers ? guardsFor(moduleRef, classRef, method, guards) : null;
        const resolve = readers && methodGuards ? leanFieldResolver(instance, method, readers, methodGuards, createArgsMapper(classRef, methodName)) : null;
        candidates.push({ typeName, fieldName, resolve });
      }
    }
  }
  return candidates;
}

/**
 * Whether the app registers no global interceptor (APP_INTERCEPTOR) and no global exception filter (APP_FILTER)
 * but those of `knownFilters` (classes that hand a GraphQL error back unchanged): Nest runs global ones on root
 * queries, the lean path does not, so with any other one root queries keep Nest's wrapper.
 */
function onlyKnownGlobalEnhancers(modules: ModulesContainer, knownFilters: readonly object[]): boolean {
  for (const moduleRef of modules.values()) {
    // Nest keeps a static enhancer among the module's providers, a request-scoped one among its injectables.
    for (const [token, wrapper] of [...moduleRef.providers, ...moduleRef.injectables]) {
      if (typeof token !== 'string') continue;
      if (token.startsWith(APP_INTERCEPTOR)) return false;
      if (token.startsWith(APP_FILTER) && !knownFilters.includes(wrapper.metatype as object)) return false;
    }
  }
  return true;
}

/**
 * For `transformResolvers`: swaps Nest's wrapper for the lean resolver wherever exactly one resolver method
 * declares the field and it qualifies (see above). `argsPipes`: the global pipes, for fields taking @Args();
 * `rootFilters`: the global exception filters known to hand GraphQL errors back unchanged (root queries run lean
 * only when no other global filter, and no global interceptor, is registered).
 */
export function leanFieldResolvers(modules: ModulesContainer, guards: readonly CanActivate[], argsPipes?: readonly PipeTransform[], rootFilters: readonly object[] = []) {
  return (resolvers: ResolverMaps): ResolverMaps => {
    const byField = new Map<string, Candidate[]>();
    for (const candidate of discoverFieldResolvers(modules, guards, argsPipes, rootFilters)) {
      const key = `${candidate.typeName}.${candidate.fieldName}`;
      byField.set(key, [...(byField.get(key) ?? []), candidate]);
    }
    // Nest hands the scalars' maps and the resolvers' map together, as an array.
    const maps = (Array.isArray(resolvers) ? resolvers : [resolvers]) as Array<Record<string, unknown>>;
    for (const [, found] of byField) {
      const [only] = found;
      if (found.length !== 1 || !only.resolve) continue;
      for (const map of maps) {
        const fields = map[only.typeName] as Record<string, unknown> | undefined;
        if (fields && typeof fields[only.fieldName] === 'function') fields[only.fieldName] = only.resolve;
      }
    }
    return resolvers;
  };
}
