import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors/app-error.js';
import { isUuid } from './ids.js';
import { AwaitedProperty } from './property-fields.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or a lazy promise that runs its count only when a client asks for the field. */
  totalCount: number | PromiseLike<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function Connection<T>(node: Type<T>, name = node.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType]) edges: Edge<T>[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'How many nodes match, across all pages.' })
    @AwaitedProperty()
    totalCount: number | PromiseLike<number>;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** Keyset cursors: an opaque, URL-safe encoding of the sort key values of a row. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number, path = 'after'): unknown[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw badInput(path, 'is not a cursor this list gave out');
}

/** A `[timestamp, uuid]` cursor (lists ordered by created_at, id), checked before it reaches SQL. */
export function decodeTimeIdCursor(cursor: string | undefined, path = 'after'): [string, string] | undefined {
  const values = decodeCursor(cursor, 2, path);
  if (!values) return undefined;
  const [at, id] = values;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id)) throw badInput(path, 'is not a cursor this list gave out');
  return [at, id];
}

export function pageSize(first: number | undefined): number {
  return Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

/** An edge whose cursor is encoded only if a client reads it (most pages select only `node`). */
class LazyEdge<T, Row = unknown> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly row: Row,
    private readonly cursorOf: (row: Row) => unknown[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.row));
  }

  withNode<U>(node: U): LazyEdge<U, Row> {
    return new LazyEdge(node, this.row, this.cursorOf);
  }
}

/** The page with each node mapped (a row into its GraphQL type), cursors still encoded only when read. */
export function mapNodes<T, U>(page: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return {
    ...page,
    edges: page.edges.map((edge) => (edge instanceof LazyEdge ? (edge as LazyEdge<T>).withNode(map(edge.node)) : { cursor: edge.cursor, node: map(edge.node) })),
  };
}

/** `rows` holds up to `first + 1` rows (the extra one tells whether another page exists). */
export function toConnection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => unknown[],
  totalCount: number | PromiseLike<number>,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => new LazyEdge(node, node, cursorOf));
  const last = edges.at(-1);
  return {
    edges,
    // Encoded only when read, as the edges' own cursors.
    pageInfo: {
      hasNextPage: rows.length > first,
      get endCursor() {
        return last ? last.cursor : null;
      },
    },
    totalCount,
  };
}

/**
 * A promise that does its work only when awaited: GraphQL awaits `totalCount` only when the
 * query selects it, so lists that nobody counts never pay for the COUNT.
 */
export function lazy<T>(work: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    then(onFulfilled, onRejected) {
      started ??= work();
      return started.then(onFulfilled, onRejected);
    },
  };
}
