import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonlSync } from '../../data/jsonl';
import { IFTRAIN_CONSTRAINTS } from './index';

interface Row {
  id: string;
  kwargs: Record<string, unknown>;
  response: string;
  expected: boolean;
}

// 40 seeded random texts per id (punctuation, dividers, brackets, abbreviations, Unicode whitespace and case traps),
// each verdict computed by open-instruct's IFEvalG (e6c3044) under python3 + NLTK 3.8 at development time.
const ROWS = readJsonlSync<Row>(join(__dirname, 'fixtures', 'oracle-random.jsonl')).map((r) => r.value);
const byId = new Map(IFTRAIN_CONSTRAINTS.map((c) => [c.id, c]));

describe('IFTrain checkers against upstream verdicts on random texts', () => {
  it('covers every id with both verdicts', () => {
    expect(ROWS).toHaveLength(1160);
    for (const c of IFTRAIN_CONSTRAINTS) expect(ROWS.filter((r) => r.id === c.id)).toHaveLength(40);
    expect(ROWS.filter((r) => r.expected).length).toBeGreaterThan(200);
  });

  it('agrees on every row', () => {
    const disagreements = ROWS.filter((r) => byId.get(r.id)!.prepare(r.kwargs)(r.response) !== r.expected);
    expect(disagreements).toEqual([]);
  });
});
