import { describe, expect, it } from 'vitest';
import { IFTRAIN_CONSTRAINTS } from './index';

const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

// Expected verdicts confirmed by running open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 on each row.
const UPSTREAM: Array<[string, Record<string, unknown>, string, boolean]> = [
  ["detectable_format:sentence_hyphens", {}, "I like cats.-They are cute.-Dogs too.", true],
  ["detectable_format:sentence_hyphens", {}, "I like cats. -They are cute.", false],
  ["detectable_format:sentence_hyphens", {}, "I like cats.-They are cute. Dogs too.", false],
  ["detectable_format:sentence_hyphens", {}, "Hello world", true],
  ["detectable_format:sentence_hyphens", {}, "A well-known fact.", false],
  ["detectable_format:sentence_hyphens", {}, "I like cats.- They are cute.", false],
  ["detectable_format:sentence_hyphens", {}, "Mr. Smith came.-He left.", true],
  ["detectable_format:square_brackets", {}, "[Hello] [world]", true],
  ["detectable_format:square_brackets", {}, "[Hello] world", false],
  ["detectable_format:square_brackets", {}, "[Hello world]", false],
  ["detectable_format:square_brackets", {}, "", true],
  ["detectable_format:square_brackets", {}, "[a]\n[b]", true],
  ["detectable_format:bigram_wrapping", {}, "<<I am>> <<at home>>", true],
  ["detectable_format:bigram_wrapping", {}, "<<I am>> <<at home>> now", true],
  ["detectable_format:bigram_wrapping", {}, "<<I am at>> home", false],
  ["detectable_format:bigram_wrapping", {}, "I am", false],
  ["detectable_format:bigram_wrapping", {}, "<<I>> <<am>>", true],
  ["detectable_format:bigram_wrapping", {}, "", true],
];

describe('IFTrain format checkers (upstream semantics)', () => {
  it.each(UPSTREAM)('%s %j on %j is %s', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});
