import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage, IsInt, MaxLength, Min, MetadataStorage, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-memo.js';

class BaseArgs {
  @IsInt()
  @Min(1)
  first!: number;
}

class SearchArgs extends BaseArgs {
  @MaxLength(5, { groups: ['strict'] })
  @MaxLength(10)
  q!: string;
}

/** The lookups a fresh storage (filled with the global one's rules for these classes) answers, with and without the memo. */
function storageWith(classes: Array<new () => object>): MetadataStorage {
  const storage = new MetadataStorage();
  const global = getMetadataStorage();
  for (const target of classes) {
    for (const metadata of global.getTargetValidationMetadatas(target, '', true, false)) if (metadata.target === target) storage.addValidationMetadata(metadata);
  }
  return storage;
}

describe('memoizeValidationMetadata', () => {
  const cases: Array<[string, new () => object, boolean, boolean, string[] | undefined]> = [
    ['own and inherited rules', SearchArgs, false, false, undefined],
    ['a group asked for', SearchArgs, false, false, ['strict']],
    ['strict groups', SearchArgs, false, true, undefined],
    ['always', SearchArgs, true, false, undefined],
    ['a parent class alone', BaseArgs, false, false, undefined],
  ];

  it.each(cases)('answers as class-validator does: %s', (_label, target, always, strictGroups, groups) => {
    const plain = storageWith([BaseArgs, SearchArgs]);
    const memoized = storageWith([BaseArgs, SearchArgs]);
    memoizeValidationMetadata(memoized);
    const expected = plain.getTargetValidationMetadatas(target, '', always, strictGroups, groups);
    expect(expected.length).toBeGreaterThan(0);
    expect(memoized.getTargetValidationMetadatas(target, '', always, strictGroups, groups)).toEqual(expected);
    expect(memoized.getTargetValidationMetadatas(target, '', always, strictGroups, groups)).toEqual(expected);
  });

  it('answers a repeated lookup without scanning again, and scans again after a rule is added', () => {
    const storage = storageWith([BaseArgs, SearchArgs]);
    let scans = 0;
    const scan = storage.getTargetValidationMetadatas.bind(storage);
    storage.getTargetValidationMetadatas = (...args) => {
      scans += 1;
      return scan(...args);
    };
    memoizeValidationMetadata(storage);
    memoizeValidationMetadata(storage); // once per storage
    const before = storage.getTargetValidationMetadatas(SearchArgs, '', false, false).length;
    storage.getTargetValidationMetadatas(SearchArgs, '', false, false);
    expect(scans).toBe(1);
    storage.getTargetValidationMetadatas(SearchArgs, '', false, false, ['strict']);
    expect(scans).toBe(2);

    class Later extends SearchArgs {}
    const rule = getMetadataStorage().getTargetValidationMetadatas(BaseArgs, '', true, false).find((m) => m.constraintCls !== undefined && m.propertyName === 'first')!;
    storage.addValidationMetadata(Object.assign(Object.create(Object.getPrototypeOf(rule)), rule, { target: SearchArgs, propertyName: 'extra' }));
    expect(storage.getTargetValidationMetadatas(SearchArgs, '', false, false).length).toBe(before + 1);
    expect(scans).toBe(3);
    expect(storage.getTargetValidationMetadatas(Later, '', false, false).length).toBe(before + 1);
  });

  it('leaves validation as it was on the global storage (the pipe installs it there)', () => {
    memoizeValidationMetadata();
    const bad = Object.assign(new SearchArgs(), { first: 0, q: 'a'.repeat(11) });
    expect(validateSync(bad).map((e) => e.property).sort()).toEqual(['first', 'q']);
    const seven = () => Object.assign(new SearchArgs(), { first: 1, q: 'abcdefg' });
    // Without groups every rule applies, the grouped one too; strictGroups leaves grouped rules out.
    expect(validateSync(seven()).map((e) => e.property)).toEqual(['q']);
    expect(validateSync(seven(), { groups: ['strict'] }).map((e) => e.property)).toEqual(['q']);
    expect(validateSync(seven(), { strictGroups: true })).toEqual([]);
    expect(validateSync(Object.assign(new SearchArgs(), { first: 1, q: 'abc' }))).toEqual([]);
  });
});
