import { invalidRequest } from './errors.js';
import type { Params } from './params.js';
import type { FakeList } from './types.js';

interface Listable {
  id: string;
  created: number;
}

/** `created=N` or `created[gt|gte|lt|lte]=N`, as every Stripe list accepts. */
export function matchesCreated(params: Params, key = 'created'): (item: Listable) => boolean {
  const exact = params.has(key) && typeof params.raw[key] === 'string' ? params.int(key) : undefined;
  const range = exact === undefined ? params.object(key) : undefined;
  const gt = range?.int('gt');
  const gte = range?.int('gte');
  const lt = range?.int('lt');
  const lte = range?.int('lte');
  return (item) =>
    (exact === undefined || item.created === exact) &&
    (gt === undefined || item.created > gt) &&
    (gte === undefined || item.created >= gte) &&
    (lt === undefined || item.created < lt) &&
    (lte === undefined || item.created <= lte);
}

/**
 * A Stripe list page. `items` are in creation order; Stripe lists newest first, so the page is
 * taken from the reversed sequence. Supports `limit` (1–100, default 10), `starting_after`,
 * `ending_before` and the `created` filter.
 */
export function listPage<T extends Listable>(
  items: Iterable<T>,
  params: Params,
  url: string,
  filter: (item: T) => boolean = () => true,
): FakeList<T> {
  const limit = params.int('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest('This value must be greater than or equal to 1 and less than or equal to 100.', 'parameter_invalid_integer', 'limit');
  }
  const byCreated = matchesCreated(params);
  const newestFirst = [...items].reverse().filter((item) => byCreated(item) && filter(item));
  const startingAfter = params.optionalString('starting_after');
  const endingBefore = params.optionalString('ending_before');
  let data: T[];
  let hasMore: boolean;
  if (endingBefore !== undefined) {
    const index = cursorIndex(newestFirst, endingBefore, 'ending_before');
    const from = Math.max(0, index - limit);
    data = newestFirst.slice(from, index);
    hasMore = from > 0;
  } else {
    const from = startingAfter === undefined ? 0 : cursorIndex(newestFirst, startingAfter, 'starting_after') + 1;
    data = newestFirst.slice(from, from + limit);
    hasMore = from + limit < newestFirst.length;
  }
  return { object: 'list', data: data.map((item) => structuredClone(item)), has_more: hasMore, url };
}

function cursorIndex(items: Listable[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw invalidRequest(`No such object: '${id}'`, 'resource_missing', param);
  return index;
}
