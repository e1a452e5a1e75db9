import { describe, expect, it } from 'vitest';
import type { CheckerCase } from './fixtures/case';
import { COUNT_CASES } from './fixtures/count';
import { CUSTOM_CASES } from './fixtures/custom';
import { CUSTOM_CSV_CASES } from './fixtures/custom-csv';
import { FORMAT_CASES } from './fixtures/format';
import { FORMAT_MARKUP_CASES } from './fixtures/format-markup';
import { FORMAT_SENTENCES_CASES } from './fixtures/format-sentences';
import { RATIO_CASES } from './fixtures/ratio';
import { REPEAT_CASES } from './fixtures/repeat';
import { SENTENCE_CASES } from './fixtures/sentence';
import { WORDS_CASES } from './fixtures/words';
import { WORDS_TOKENS_CASES } from './fixtures/words-tokens';
import { IFBENCH_CONSTRAINTS } from './index';

const TABLES: Record<string, readonly CheckerCase[]> = {
  count: COUNT_CASES,
  words: WORDS_CASES,
  'words-tokens': WORDS_TOKENS_CASES,
  sentence: SENTENCE_CASES,
  ratio: RATIO_CASES,
  format: FORMAT_CASES,
  'format-markup': FORMAT_MARKUP_CASES,
  'format-sentences': FORMAT_SENTENCES_CASES,
  custom: CUSTOM_CASES,
  'custom-csv': CUSTOM_CSV_CASES,
  repeat: REPEAT_CASES,
};
const byId = new Map(IFBENCH_CONSTRAINTS.map((c) => [c.id, c]));

describe.each(Object.entries(TABLES))('IFBench %s checkers', (_family, cases) => {
  it.each(cases)('%s %j on %j is %s (%s)', (id, kwargs, response, expected) => {
    expect(byId.get(id)!.prepare(kwargs)(response)).toBe(expected);
  });
});

describe('IFBench unit tables', () => {
  it('hold a passing and a failing case for each of the 58 ids', () => {
    const all = Object.values(TABLES).flat();
    const missing = IFBENCH_CONSTRAINTS.map((c) => c.id).filter(
      (id) => !all.some((k) => k[0] === id && k[3]) || !all.some((k) => k[0] === id && !k[3]),
    );
    expect(missing).toEqual([]);
  });
});
