import { MapUpTo } from './map-up-to.js';

/**
 * `compute` remembered per key, for the life of the process, up to `limit` keys (a `MapUpTo`: emptied when a new key
 * finds it full; the keys are the few values a hot path meets again and again: statement texts, instants, calendar
 * dates), so a burst of new keys costs a recomputation, never unbounded memory. A key whose computation throws is not
 * remembered. For shapes built once with no bound, see `rememberedByKey`.
 */
export function rememberedUpTo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const known = new MapUpTo<K, V>(limit);
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = compute(key);
      known.set(key, value);
    }
    return value as V;
  };
}
