import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuMsOf } from '../fuzz/run';
import { findLazySpans } from './copy';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["copy:repeat_phrase", {"phrase": "The early bird catches the worm", "small_n": 2}, "The early fox catches the worm. The early bird eats the worm.", true],
  ["copy:repeat_phrase", {"phrase": "The early bird catches the worm", "small_n": 2}, "The early bird catches the worm. The early bird catches the worm.", false],
  ["copy:repeat_phrase", {"phrase": "The early bird catches the worm", "small_n": 2}, "The early fox catches the worm.", false],
  ["copy:repeat_phrase", {"phrase": "The early bird catches the worm", "small_n": 2}, "The early fox catches the worm.\nThe early bird eats the worm.", true],
  ["copy:repeat_phrase", {"phrase": "The early bird catches the worm", "small_n": 2}, "The early fox catches the big worm. The early cat catches the worm.", false],
  ["copy:repeat_phrase", {"phrase": "The early bird catches the worm", "small_n": 2}, "The early fox catches the worm. The late bird eats the worm.", false],
  ["copy:repeat_phrase", {"phrase": "  Time flies when having fun ", "small_n": 3}, "Time runs when having fun, Time flies when eating fun, Time flies while having fun", true],
  ["copy:repeat_phrase", {"phrase": "  Time flies when having fun ", "small_n": 3}, "time runs when having fun, Time flies when eating fun, Time flies while having fun", false],
  ["copy:copy", {"prompt_to_repeat": "Write a poem about the sea."}, "  write a POEM about the sea.\n", true],
  ["copy:copy", {"prompt_to_repeat": "Write a poem about the sea."}, "Write a poem about the sea", false],
  ["copy:copy", {"prompt_to_repeat": "Write a poem about the sea."}, "Sure! Write a poem about the sea.", false],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 6, "n_end": 12}, "a poem", true],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 6, "n_end": 12}, " A POEM ", true],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 6, "n_end": 12}, "a poem ", true],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 6, "n_end": 12}, "a poem a", false],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 2, "n_end": 20}, "ite a poem about th", false],
  ["new:copy_span_idx", {"prompt_to_repeat": "Write a poem about the sea.", "n_start": 2, "n_end": 20}, "ite a poem about the", false],
  ["copy:copying_simple", {"prompt_to_repeat": "Write a poem about the sea."}, "Write a poem about the sea.", true],
  ["copy:copying_simple", {"prompt_to_repeat": "Write a poem about the sea."}, "WRITE A POEM ABOUT THE SEA.", true],
  ["copy:copying_simple", {"prompt_to_repeat": "Write a poem about the sea."}, "Write a poem about the sea. Done.", false],
  ["copy:copying_multiple", {"prompt_to_repeat": "Write a poem about the sea.", "N": 2}, "Write a poem about the sea.\n******\nWrite a poem about the sea.", true],
  ["copy:copying_multiple", {"prompt_to_repeat": "Write a poem about the sea.", "N": 2}, "Write a poem about the sea.******Write a poem about the sea.******", false],
  ["copy:copying_multiple", {"prompt_to_repeat": "Write a poem about the sea.", "N": 2}, "Write a poem about the sea.", false],
  ["copy:copying_multiple", {"prompt_to_repeat": "Write a poem about the sea.", "N": 2}, "Write a poem about the sea.\n******\nwrite a poem about the sea.", true],
];

describe('IFTrain copy checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});

describe('new:copy_span_idx corrected', () => {
  const kwargs = { prompt_to_repeat: 'Write a poem about the sea.', n_start: 2, n_end: 20 };
  // The instruction says "between (and including) index 2 and 20": characters 2..20 are "ite a poem about th".
  it.each([
    ['ite a poem about th', false, true],
    ['ite a poem about t', true, false],
  ])('%j: upstream %s, corrected %s', (response, upstream, corrected) => {
    const c = byId.get('new:copy_span_idx')!;
    expect(c.prepare(kwargs)(response)).toBe(upstream);
    expect(c.prepare(kwargs, 'corrected')(response)).toBe(corrected);
  });
});

describe('copy kwargs', () => {
  it('refuses what upstream draws at random or crashes on, saying which', () => {
    expect(() => byId.get('copy:repeat_phrase')!.prepare({ phrase: '', small_n: 2 })).toThrow(/kwargs.phrase: is empty, and upstream replaces an empty value by a random draw/);
    expect(() => byId.get('copy:repeat_phrase')!.prepare({ phrase: '  ', small_n: 2 })).toThrow(/kwargs.phrase: is blank: upstream strips it to '' and its check raises IndexError/);
    expect(() => byId.get('copy:repeat_phrase')!.prepare({ phrase: 'a b', small_n: 0 })).toThrow(/kwargs.small_n: is 0, and upstream replaces 0 by a random draw/);
    expect(() => byId.get('copy:copy')!.prepare({ prompt_to_repeat: '' })).toThrow(/prompt_to_repeat: is empty, and upstream raises ValueError/);
    expect(() => byId.get('new:copy_span_idx')!.prepare({ prompt_to_repeat: 'abc', n_start: 0, n_end: 2 })).toThrow(/n_start: is 0, and upstream replaces 0 by a random draw/);
  });

  it('refuses a phrase whose first or last word holds regex syntax, saying what upstream would do with it', () => {
    expect(() => byId.get('copy:repeat_phrase')!.prepare({ phrase: 'C++ is a language', small_n: 2 })).toThrow(
      /kwargs.phrase: upstream builds the regex "<first word> \.\*\? <last word>" from the phrase, and "C\+\+" holds regex syntax/,
    );
    expect(byId.get('copy:repeat_phrase')!.prepare({ phrase: "Don't judge a book by cover", small_n: 1 })("Don't judge a pen by cover")).toBe(true);
  });

  it('drops null kwargs as open-instruct does', () => {
    expect(byId.get('copy:copy')!.prepare({ prompt_to_repeat: 'Hi.', N: null })('hi.')).toBe(true);
  });
});

describe('findLazySpans (re.findall of "first .*? last" in linear time)', () => {
  // CPython 3.11: re.findall('A .*? B', text).
  it.each<[string, string[]]>([
    ['A x B A y B', ['A x B', 'A y B']],
    ['A  B', ['A  B']],
    ['A x\nB A B', []],
    ['A A x B B', ['A A x B']],
    ['xA y B', ['A y B']],
  ])('%j → %j', (text, expected) => expect(findLazySpans(text, 'A', 'B')).toEqual(expected));

  it('agrees with the regex on random texts', () => {
    const piece = fc.constantFrom('A', 'B', 'AB', 'x', ' ', ' ', '\n', 'é', '😀');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom(['A', 'B'], ['A', 'A'], ['AB', 'B']), (pieces, [first, last]) => {
      const text = pieces.join('');
      const regex = new RegExp(`${first} [^\\n]*? ${last}`, 'gu');
      expect(findLazySpans(text, first!, last!)).toEqual(text.match(regex) ?? []);
    }), { numRuns: 3000, seed: 5 });
  });

  it('stays linear on a text full of first words (the regex took 1.1 s on 120 KB) or full of the phrase', () => {
    const check = byId.get('copy:repeat_phrase')!.prepare({ phrase: 'Dance like nobody is watching you', small_n: 2 });
    expect(cpuMsOf(() => check('Dance '.repeat(100_000)))).toBeLessThan(1000);
    // No newline ahead once made the newline search restart at every first word: 2.3 s on 3.2 MB.
    expect(cpuMsOf(() => check('Dance like nobody is watching you '.repeat(100_000)))).toBeLessThan(1000);
  });
});
