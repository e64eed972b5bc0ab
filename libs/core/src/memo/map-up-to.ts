/**
 * A Map of at most `limit` keys: adding a new key to a full map empties it first (the keys are the few values a hot
 * path meets again and again, so a burst of new ones costs recomputation, never unbounded memory). Setting a key it
 * holds only replaces the value.
 */
export class MapUpTo<K, V> extends Map<K, V> {
  constructor(readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
