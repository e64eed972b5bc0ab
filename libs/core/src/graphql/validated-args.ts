import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { FieldNode } from 'graphql';

/**
 * The @Args() parameters of lean field resolvers (lean-field-resolvers.ts), validated as Nest's pipes would, once per
 * field node and request, and remembered across requests per field node and argument values.
 */

/** @nestjs/graphql's GqlParamtype.ARGS: the key prefix of an @Args() parameter's metadata, and the `type` its pipes are given. */
export const GQL_ARGS_PARAMTYPE = 3;

/** A value the pipes have finished with (a pending one is the Promise itself). */
class Settled {
  constructor(readonly value: unknown) {}
}

/** Per request (its context object), per field node: each @Args() parameter's value after the pipes. */
const argsByRequest = new WeakMap<object, Map<FieldNode, Array<Settled | Promise<unknown>>>>();

/**
 * Per field node, per parameter and argument values (as JSON): the value the pipes made of them, frozen, for every
 * request of the document (the node is the same object while Apollo keeps the parsed document). The pipes' answer
 * depends on nothing but the values (GraphQLValidationPipe: class-validator's rules and the NUL check), so a list
 * read sent again with the same arguments is not validated again (3–4% of a list read's CPU). What failed is not
 * remembered: it is validated again, and fails again, on every request.
 */
const argsAcrossRequests = new WeakMap<FieldNode, Map<string, unknown>>();
/** Distinct argument values remembered per field node (a document sent with ever-changing variables stops adding). */
const MAX_ARGS_PER_NODE = 64;

/** `value` and everything in it made read-only: one validated value is handed to every request that sends the same arguments. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The JSON of argument values, or undefined for values JSON cannot key (they are then validated on every request). */
function argsKey(index: number, value: unknown): string | undefined {
  try {
    return `${index}:${JSON.stringify(value) ?? ''}`;
  } catch {
    return undefined;
  }
}

/**
 * An @Args() parameter read as Nest reads it and passed through `pipes` in turn: once per field node and request,
 * and once per field node and argument values across requests (`argsAcrossRequests`).
 */
export function argsReader(index: number, data: unknown, metatype: unknown, pipes: readonly PipeTransform[]): (host: unknown, resolverArgs: readonly unknown[]) => unknown {
  const metadata = { type: GQL_ARGS_PARAMTYPE, data, metatype } as unknown as ArgumentMetadata;
  const transform = (value: unknown) => pipes.reduce<Promise<unknown>>(async (previous, pipe) => pipe.transform(await previous, metadata), Promise.resolve(value));
  return (_host, [, args, context, info]) => {
    const value = data ? (args as Record<string, unknown> | undefined)?.[data as string] : args;
    const node = (info as { fieldNodes?: readonly FieldNode[] } | undefined)?.fieldNodes?.[0];
    if (!node || typeof context !== 'object' || context === null) return transform(value);
    let nodes = argsByRequest.get(context);
    if (!nodes) argsByRequest.set(context, (nodes = new Map()));
    let params = nodes.get(node);
    if (!params) nodes.set(node, (params = []));
    const known = params[index];
    if (known instanceof Settled) return known.value;
    if (known) return known;
    const key = argsKey(index, value);
    let remembered = argsAcrossRequests.get(node);
    if (key !== undefined && remembered?.has(key)) {
      const result = remembered.get(key);
      params[index] = new Settled(result);
      return result;
    }
    const pending = transform(value);
    params[index] = pending;
    const perNode = params;
    pending.then((result) => {
      perNode[index] = new Settled(deepFreeze(result));
      if (key === undefined) return;
      // Another request may have made the node's map while this one validated.
      remembered ??= argsAcrossRequests.get(node);
      if (!remembered) argsAcrossRequests.set(node, (remembered = new Map()));
      if (remembered.size < MAX_ARGS_PER_NODE) remembered.set(key, result);
    }, () => undefined);
    return pending;
  };
}
