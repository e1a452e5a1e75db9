import { describe, expect, it } from 'vitest';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["punctuation:punctuation_dot", {}, "No dots here!", true],
  ["punctuation:punctuation_dot", {}, "A dot.", false],
  ["punctuation:punctuation_dot", {}, "", true],
  ["punctuation:punctuation_exclamation", {}, "No bangs.", true],
  ["punctuation:punctuation_exclamation", {}, "Wow!", false],
  ["punctuation:punctuation_exclamation", {}, "", true],
  ["count:lowercase_counting", {"N": 2}, "HELLO there world", true],
  ["count:lowercase_counting", {"N": 2}, "HELLO there world now", false],
  ["count:lowercase_counting", {"N": 2}, "café is nice", true],
  ["count:lowercase_counting", {"N": 2}, "a_b c", true],
  ["count:lowercase_counting", {"N": 2}, "ABC", true],
  ["letters:letter_counting", {"N": 5, "relation": "at least"}, "abcde", true],
  ["letters:letter_counting", {"N": 5, "relation": "at least"}, "abcd", false],
  ["letters:letter_counting", {"N": 5, "relation": "at least"}, "ab cd é", false],
  ["letters:letter_counting", {"N": 5, "relation": "less than"}, "abcd", true],
  ["letters:letter_counting", {"N": 5, "relation": "less than"}, "abcde", false],
  ["letters:letter_counting2", {"letter": "A", "let_frequency": 3, "let_relation": "at least"}, "A banana", true],
  ["letters:letter_counting2", {"letter": "A", "let_frequency": 3, "let_relation": "at least"}, "an apple", false],
  ["letters:letter_counting2", {"letter": "A", "let_frequency": 3, "let_relation": "at least"}, "ÀAa", false],
  ["letters:letter_counting2", {"letter": "i", "let_frequency": 1, "let_relation": "less than"}, "hello", true],
  ["letters:letter_counting2", {"letter": "i", "let_frequency": 1, "let_relation": "less than"}, "İ", false],
];

describe('IFTrain punctuation-letters checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});
