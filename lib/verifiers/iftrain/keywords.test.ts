import { describe, expect, it } from 'vitest';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["keywords:no_adjacent_consecutive", {}, "hello world again", true],
  ["keywords:no_adjacent_consecutive", {}, "apple banana", false],
  ["keywords:no_adjacent_consecutive", {}, "Apple Banana", false],
  ["keywords:no_adjacent_consecutive", {}, "zoo ant", true],
  ["keywords:no_adjacent_consecutive", {}, "b a", true],
  ["keywords:no_adjacent_consecutive", {}, "1 2 3", false],
  ["keywords:no_adjacent_consecutive", {}, "one", true],
  ["keywords:no_adjacent_consecutive", {}, "", true],
  ["keywords:word_once", {"keyword": "river"}, "The river flows.", true],
  ["keywords:word_once", {"keyword": "river"}, "The River and the river.", false],
  ["keywords:word_once", {"keyword": "river"}, "No water.", false],
  ["keywords:word_once", {"keyword": "river"}, "rivers", true],
  ["keywords:word_once", {"keyword": "river"}, "RIVER", true],
  ["keywords:word_once", {"keyword": " sea "}, "the sea", true],
  ["keywords:word_once", {"keyword": " sea "}, "season", true],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 2, "relation": "at least"}, "cat cat", true],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 2, "relation": "at least"}, "Cat category", true],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 2, "relation": "at least"}, "cat dog", false],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 2, "relation": "less than"}, "cat cat", false],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 2, "relation": "less than"}, "cat dog", true],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 2, "relation": "less than"}, "dog", true],
  ["keywords:word_count_different_numbers", {"keyword": "cat", "frequency": 0, "relation": "at least"}, "dog", true],
  ["keywords:exclude_word_harder", {"keyword": "sea"}, "I love the sea.", true],
  ["keywords:exclude_word_harder", {"keyword": "sea"}, "I love the sea and sky", false],
  ["keywords:exclude_word_harder", {"keyword": "sea"}, "sea is blue", true],
  ["keywords:exclude_word_harder", {"keyword": "sea"}, "the SEA is blue", true],
  ["keywords:exclude_word_harder", {"keyword": " sea ", "instruction": "Write about the sea"}, "I love the sea and sky", false],
  ["keywords:palindrome", {}, "I saw it", true],
  ["keywords:palindrome", {}, "racecar driver", true],
  ["keywords:palindrome", {}, "hello world", false],
  ["keywords:palindrome", {}, "", false],
  ["keywords:palindrome", {}, "Noon", false],
  ["keywords:keyword_specific_position", {"keyword": "blue", "n": 2, "m": 3}, "Hi there. The sky blue is.", true],
  ["keywords:keyword_specific_position", {"keyword": "blue", "n": 2, "m": 3}, "Hi there. The sky, blue is.", false],
  ["keywords:keyword_specific_position", {"keyword": "blue", "n": 2, "m": 3}, "Hi. The sky Blue.", false],
  ["keywords:keyword_specific_position", {"keyword": "blue", "n": 2, "m": 3}, "Only one sentence blue here.", false],
  ["keywords:keyword_specific_position", {"keyword": ["blue"], "n": 1, "m": 1}, "blue sky.", true],
  ["keywords:keyword_specific_position", {"keyword": ["blue"], "n": 1, "m": 1}, "Blue sky.", false],
  ["keywords:start_end", {}, "Hello there hello", true],
  ["keywords:start_end", {}, "Hello there hello.", false],
  ["keywords:start_end", {}, "Hi", false],
  ["keywords:start_end", {}, "Yes no yes", true],
  ["keywords:start_end", {}, "", false],
];

describe('IFTrain keywords checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});

describe('keywords:keyword_specific_position corrected', () => {
  it('does not count punctuation tokens as words', () => {
    const c = byId.get('keywords:keyword_specific_position')!;
    const kwargs = { keyword: 'blue', n: 2, m: 3 };
    expect(c.prepare(kwargs)('Hi there. The sky, blue is.')).toBe(false);
    expect(c.prepare(kwargs, 'corrected')('Hi there. The sky, blue is.')).toBe(true);
    expect(c.prepare(kwargs, 'corrected')('Hi there. The sky is blue.')).toBe(false);
  });
});

describe('keyword kwargs', () => {
  // Upstream uses these keywords as raw regexes; `(a+)+$` hung `ifkit eval` and cost the server a worker per request.
  it.each<[string, Record<string, unknown>, string]>([
    ['keywords:word_once', { keyword: '(a+)+$' }, 'keyword'],
    ['keywords:word_count_different_numbers', { keyword: '\\w*\\w*\\w*x', frequency: 1, relation: 'at least' }, 'keyword'],
    ['count:count_increment_word', { keyword1: 'apple', keyword2: '(x|xx)+y' }, 'keyword2'],
  ])('%s refuses a catastrophic regex kwarg, naming the field', (id, kwargs, field) => {
    expect(() => byId.get(id)!.prepare(kwargs)).toThrow(new RegExp(`kwargs\\.${field}: pattern .* could hang the checker`));
  });

  it('takes the first element of a keyword list, as upstream does', () => {
    expect(byId.get('keywords:keyword_specific_position')!.prepare({ keyword: [' sky ', 'x'], n: 1, m: 2 })('The sky.')).toBe(true);
  });
});
