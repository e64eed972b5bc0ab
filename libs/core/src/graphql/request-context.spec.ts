import { describe, expect, it } from '@jest/globals';
import DataLoader from 'dataloader';
import { RequestLoaders, whenLoaded } from './request-context.js';

describe('RequestLoaders: values a request already holds answer without a promise', () => {
  const people = () => {
    const batches: string[][] = [];
    const loader = new DataLoader(async (ids: readonly string[]) => (batches.push([...ids]), ids.map((id) => `loaded ${id}`)));
    return { loader, batches };
  };

  it('load answers a primed key as it is (no promise, no batch), and the loader itself has it too', async () => {
    const loaders = new RequestLoaders();
    const { loader, batches } = people();
    loaders.prime(loader, 'a', 'primed a');
    loaders.prime(loader, 'none', undefined as unknown as string);
    expect(loaders.load(loader, 'a')).toBe('primed a');
    expect(loaders.load(loader, 'none')).toBeUndefined();
    expect(await loader.load('a')).toBe('primed a');
    expect(batches).toEqual([]);
  });

  it('load of a key nobody primed is the loader\'s promise, batched as before', async () => {
    const loaders = new RequestLoaders();
    const { loader, batches } = people();
    loaders.prime(loader, 'a', 'primed a');
    const b = loaders.load(loader, 'b');
    const c = loaders.load(loader, 'c');
    expect(b).toBeInstanceOf(Promise);
    expect([await b, await c]).toEqual(['loaded b', 'loaded c']);
    expect(batches).toEqual([['b', 'c']]);
  });

  it('peek answers a primed value, or undefined, and never asks the loader', async () => {
    const loaders = new RequestLoaders();
    const { loader, batches } = people();
    loaders.prime(loader, 'a', 'primed a');
    expect(loaders.peek(loader, 'a')).toBe('primed a');
    expect(loaders.peek(loader, 'b')).toBeUndefined();
    expect(loaders.peek(people().loader, 'a')).toBeUndefined();
    await Promise.resolve();
    expect(batches).toEqual([]);
  });

  it('the first value primed for a key stays, and each loader has its own', async () => {
    const loaders = new RequestLoaders();
    const first = people();
    const second = people();
    loaders.prime(first.loader, 'a', 'one');
    loaders.prime(first.loader, 'a', 'two');
    expect(loaders.load(first.loader, 'a')).toBe('one');
    expect(await first.loader.load('a')).toBe('one');
    expect(await loaders.load(second.loader, 'a')).toBe('loaded a');
  });

  it('whenLoaded applies the next step at once to a value, after resolution to a promise (errors included)', async () => {
    expect(whenLoaded(2, (n) => n * 10)).toBe(20);
    const later = whenLoaded(Promise.resolve(3), (n) => n * 10);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(30);
    expect(() => whenLoaded(undefined, () => { throw new Error('missing'); })).toThrow('missing');
    await expect(whenLoaded(Promise.resolve(undefined), () => { throw new Error('missing'); })).rejects.toThrow('missing');
  });
});
