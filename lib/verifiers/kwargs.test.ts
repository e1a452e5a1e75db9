import { describe, expect, it } from 'vitest';
import { compareCount, countSchema, noKwargs, positiveSchema, relationSchema, textSchema } from './kwargs';
import { getConstraint, listConstraints } from './registry';

describe('compareCount', () => {
  it.each([
    [2, 'less than', 3, true],
    [3, 'less than', 3, false],
    [3, 'at least', 3, true],
    [2, 'at least', 3, false],
  ] as const)('%i %s %i → %s', (actual, relation, threshold, expected) => {
    expect(compareCount(actual, relation, threshold)).toBe(expected);
  });
});

describe('shared kwargs schemas', () => {
  const message = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, v: unknown) =>
    schema.safeParse(v).error?.issues[0]?.message;

  it('say what a bad value should have been', () => {
    expect(message(relationSchema, 'at most')).toBe('must be one of "less than", "at least"');
    expect(message(countSchema, -1)).toBe('must be >= 0');
    expect(message(countSchema, 1.5)).toBe('must be an integer');
    expect(message(countSchema, '3')).toBe('must be a number');
    expect(message(positiveSchema, 0)).toBe('must be >= 1');
    expect(message(textSchema, '')).toBe('must be a non-empty string');
    expect(message(noKwargs, { num_words: 3 })).toBe('takes no kwargs (upstream raises TypeError), got num_words');
    expect(countSchema.parse(0)).toBe(0);
    expect(noKwargs.parse({})).toEqual({});
  });
});

describe('ids without kwargs', () => {
  const none = listConstraints().filter((c) => c.kwargNames.length === 0);

  it('reject a non-null kwarg in every suite, as build_description(self) does upstream, and ignore nulls', () => {
    const strict = none.filter((c) => !c.id.startsWith('custom:'));
    // 8 IFEval ids, 28 IFBench ids and 11 IFTrain ids declare build_description(self); the lab's 3 soft ids take none either.
    expect(strict.filter((c) => !c.suites.includes('lab')).length).toBe(47);
    for (const c of strict) {
      expect(() => c.prepare({ N: 3 }), c.id).toThrow(`constraint ${c.id}: kwargs.N: unknown kwarg: ${c.id} takes no kwargs; upstream's build_description raises TypeError on it`);
      expect(typeof c.prepare({ N: null })('Some text.'), c.id).not.toBe('undefined');
    }
  });

  it("accept and ignore any kwarg for IFBench's custom:* ids, whose build_description takes **kwargs", () => {
    const custom = none.filter((c) => c.id.startsWith('custom:'));
    expect(custom.map((c) => c.id).sort()).toHaveLength(11);
    for (const c of custom) expect(typeof c.prepare({ N: 3 })('Some text.'), c.id).toBe('boolean');
    expect(getConstraint('custom:multiples').prepare({ anything: 'x' })('14 21 28 35 42 49')).toBe(true);
  });
});

describe('an unknown kwarg', () => {
  // Upstream's explicit build_description parameters make any other kwarg a TypeError; ifkit names it and the nearest one.
  it.each<[string, Record<string, unknown>, string, string]>([
    ['keywords:word_once', { keywrod: 'apple' }, 'keywrod', 'takes keyword (did you mean "keyword"?)'],
    ['keywords:frequency', { keyword: 'a', frequency: 2, relation: 'at least', relaton: 'x' }, 'relaton', 'takes keyword, frequency, relation (did you mean "relation"?)'],
    ['count:word_count_range', { min_words: 1, max_words: 9, min_word: 2 }, 'min_word', '(did you mean "min_words"?)'],
    ['copy:repeat_phrase', { phrase: 'a b', small_n: 2, N: 2 }, 'N', 'takes phrase, small_n'],
  ])('%s refuses %j, naming %s', (id, kwargs, key, message) => {
    expect(() => getConstraint(id).prepare(kwargs)).toThrow(`constraint ${id}: kwargs.${key}: unknown kwarg: ${id} `);
    expect(() => getConstraint(id).prepare(kwargs)).toThrow(message);
  });

  it('is not refused when null, as upstream drops nulls first', () => {
    expect(getConstraint('keywords:word_once').prepare({ keyword: 'apple', keywrod: null })('An apple.')).toBe(true);
  });
});
