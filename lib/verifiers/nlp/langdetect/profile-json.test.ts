import { describe, expect, it } from 'vitest';
import { createIntMap } from './int-map';
import { parseProfile, type ProfileSource } from './profile-json';

function entries(p: ProfileSource): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  p.forEachGram((source, start, end, count) => out.push([source.slice(start, end), count]));
  return out;
}

describe('parseProfile', () => {
  it('reads freq in file order, n_words and name, wherever they sit', () => {
    const p = parseProfile('{"name": "xx", "freq": {"a": 3, "\\u00e9b": 2, "ab ": 10}, "n_words": [5, 2, 10]}', 'xx.json');
    expect([p.name, p.nWords, entries(p)]).toEqual(['xx', [5, 2, 10], [['a', 3], ['éb', 2], ['ab ', 10]]]);
  });

  it('accepts an empty freq object', () => {
    expect(entries(parseProfile('{"freq":{},"n_words":[1,1,1],"name":"zz"}', 'zz'))).toEqual([]);
  });

  it.each([
    ['{"freq":{"a":-1},"n_words":[1,1,1],"name":"x"}', /bad-file at offset 13: expected a non-negative integer count/],
    ['{"freq":{"a":1},"name":"x"}', /bad-file at offset 0: no "n_words"/],
    ['{"freq":{"a":1 "b":2},"n_words":[1,1,1],"name":"x"}', /expected "," or "}"/],
    ['{"freq":{"a":1},"n_words":[0,1,1],"name":"x"}', /"n_words" must be positive/],
  ])('rejects %s, naming the file and offset', (text, message) => {
    expect(() => parseProfile(text, 'bad-file')).toThrow(message);
  });
});

describe('createIntMap', () => {
  it('inserts once, finds, and reports absent keys as -1', () => {
    const map = createIntMap(3);
    expect(map.getOrInsert(7, () => 70)).toBe(70);
    expect(map.getOrInsert(7, () => 99)).toBe(70);
    expect(map.getOrInsert(2 ** 30, () => 1)).toBe(1);
    expect([map.get(7), map.get(2 ** 30), map.get(8), map.size]).toEqual([70, 1, -1, 2]);
  });

  it('refuses to grow past its capacity', () => {
    const map = createIntMap(1);
    map.getOrInsert(1, () => 1);
    expect(() => map.getOrInsert(2, () => 2)).toThrow(/full at 1 keys/);
  });
});
