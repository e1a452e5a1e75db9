import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStringIndex, findKey } from './string-index';

describe('buildStringIndex / findKey', () => {
  const keys = ['bias', 'i word the', 'i-1 tag+i word DT cat', 'i pref1 ', '', 'é𝟙', 'i word th'];
  const index = buildStringIndex(keys);

  it('finds every key, whole or in parts, at its position in the list', () => {
    keys.forEach((k, i) => expect(findKey(index, k)).toBe(i));
    expect(findKey(index, 'i word ', 'the')).toBe(1);
    expect(findKey(index, 'i-1 tag+i word ', 'DT', ' ', 'cat')).toBe(2);
    expect(findKey(index, 'i pref1 ', '')).toBe(3);
    expect(findKey(index, '', '', '', '')).toBe(4);
    expect(findKey(index, 'é', '𝟙')).toBe(5);
  });

  it('misses keys that are not listed, prefixes and extensions included', () => {
    for (const miss of ['i word t', 'i word thee', 'I word the', 'i-1 tag+i word DT', 'bias ', 'é']) expect(findKey(index, miss)).toBe(-1);
    expect(findKey(index, 'i-1 tag+i word ', 'DT', ' ', 'ca')).toBe(-1);
  });

  it('sizes the table to at least twice the keys, a power of two', () => {
    expect([index.slots.length, index.start.length, index.text.length]).toEqual([16, 8, keys.reduce((n, k) => n + k.length, 0)]);
    expect(buildStringIndex(Array.from({ length: 100 }, (_, i) => `k${i}`)).slots.length).toBe(256);
  });

  it('refuses a key listed twice', () => {
    expect(() => buildStringIndex(['a', 'b', 'a'])).toThrow(/"a" is listed twice/);
  });

  it('agrees with a Map on random keys and queries split anywhere', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 60 }), fc.array(fc.string({ maxLength: 6 })), fc.nat(), (list, queries, cut) => {
        const idx = buildStringIndex(list);
        const map = new Map(list.map((k, i) => [k, i]));
        for (const q of [...list, ...queries]) {
          const at = q.length === 0 ? 0 : cut % (q.length + 1);
          expect(findKey(idx, q.slice(0, at), q.slice(at))).toBe(map.get(q) ?? -1);
        }
      }),
    );
  });
});
