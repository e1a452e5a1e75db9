import { describe, expect, it } from 'vitest';
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
  it('rejects an empty phrase or prompt and a zero count, which upstream would replace by random draws', () => {
    expect(() => byId.get('copy:repeat_phrase')!.prepare({ phrase: '  ', small_n: 2 })).toThrow(/kwargs.phrase/);
    expect(() => byId.get('copy:repeat_phrase')!.prepare({ phrase: 'a b', small_n: 0 })).toThrow('kwargs.small_n: must be >= 1 (got 0)');
    expect(() => byId.get('copy:copy')!.prepare({ prompt_to_repeat: '' })).toThrow(/prompt_to_repeat/);
  });

  it('drops null kwargs as open-instruct does', () => {
    expect(byId.get('copy:copy')!.prepare({ prompt_to_repeat: 'Hi.', N: null })('hi.')).toBe(true);
  });
});
