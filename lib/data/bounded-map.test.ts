import { describe, expect, it } from 'vitest';
import { rememberBounded } from './bounded-map';

describe('rememberBounded', () => {
  it('stores and returns the value, and empties the map when it holds the limit', () => {
    const map = new Map<string, number>();
    expect(['a', 'bb', 'ccc'].map((k) => rememberBounded(map, k, k.length, 3))).toEqual([1, 2, 3]);
    expect([...map.entries()]).toEqual([['a', 1], ['bb', 2], ['ccc', 3]]);
    expect(rememberBounded(map, 'dddd', 4, 3)).toBe(4);
    expect([...map.entries()]).toEqual([['dddd', 4]]);
    expect(rememberBounded(map, 'dddd', 5, 3)).toBe(5); // a key already there is overwritten, nothing emptied
    expect(map.size).toBe(1);
  });
});
