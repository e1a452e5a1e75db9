import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonlSync } from '../../data/jsonl';
import { getConstraint } from '../registry';

interface Row {
  id: string;
  kwargs: Record<string, unknown>;
  response: string;
  expected?: boolean;
  raises?: string;
}

// Kwargs beyond build_description's ranges, which real training data with widened ranges contains: negative
// positions (Python's negative indexing), blank keywords (truthy upstream, '' after strip), the Kelvin sign as a
// letter, negative counts and unknown relations. Each verdict was produced by running open-instruct's IFEvalG
// (e6c3044) build_description + check_following on the row under Debian's python3 3.11 with NLTK 3.8, in a scratch
// folder outside this repository; `raises` marks rows where upstream's check raised instead of answering.
const ROWS = readJsonlSync<Row>(join(__dirname, 'fixtures', 'oracle-edges.jsonl')).map((r) => r.value);

describe('IFTrain kwargs at the edges, against upstream verdicts', () => {
  it('scores every row upstream answers exactly as upstream', () => {
    const answered = ROWS.filter((r) => r.expected !== undefined);
    expect(answered.length).toBe(173);
    const wrong = answered.filter((r) => getConstraint(r.id).prepare(r.kwargs)(r.response) !== r.expected);
    expect(wrong).toEqual([]);
  });

  it('fails the check where upstream raises IndexError (a negative position out of range)', () => {
    const raised = ROWS.filter((r) => r.raises !== undefined);
    expect(new Set(raised.map((r) => `${r.id}:${r.raises}`))).toEqual(new Set(['keywords:keyword_specific_position:IndexError']));
    for (const r of raised) expect(getConstraint(r.id).prepare(r.kwargs)(r.response), JSON.stringify(r.kwargs)).toBe(false);
  });

  it('refuses what upstream draws at random or crashes on, saying so', () => {
    expect(() => getConstraint('keywords:keyword_specific_position').prepare({ keyword: 'a', n: 0, m: 1 })).toThrow(/kwargs\.n: is 0, and upstream replaces 0 by a random draw/);
    expect(() => getConstraint('letters:letter_counting2').prepare({ letter: 'İ', let_frequency: 1, let_relation: 'at least' })).toThrow(/upstream's ord\(\) raises TypeError/);
    expect(() => getConstraint('letters:letter_counting2').prepare({ letter: 'ſ', let_frequency: 1, let_relation: 'at least' })).toThrow(/draws a random letter/);
    expect(() => getConstraint('count:count_increment_word').prepare({ keyword1: '', keyword2: 'b' })).toThrow(/re\.findall raises TypeError/);
    expect(() => getConstraint('keywords:word_count_different_numbers').prepare({ keyword: 'a', frequency: -1, relation: 'at least' })).toThrow(/negative frequency by a random draw/);
    expect(() => getConstraint('keywords:word_count_different_numbers').prepare({ keyword: 'a', frequency: 1, relation: 'more than' })).toThrow(/raises ValueError/);
  });
});
