import { describe, expect, it } from 'vitest';
import { CONFLICTS, conflicts, findConflict, IFEVAL_CONFLICTS, IFEVAL_IDS, IFEVALG_CONFLICTS, IFTRAIN_NEW_IDS } from './conflicts';
import { IFTRAIN_CONSTRAINTS } from './iftrain/index';

describe('constraint conflicts', () => {
  it('covers the 25 IFEval and 29 IFEvalG ids, the latter matching the iftrain registry', () => {
    expect(IFEVAL_IDS).toHaveLength(25);
    expect(IFTRAIN_NEW_IDS).toEqual(IFTRAIN_CONSTRAINTS.map((c) => c.id));
    expect(CONFLICTS.size).toBe(54);
  });

  it('is symmetric and reflexive, as conflict_make leaves it', () => {
    for (const [a, set] of CONFLICTS) {
      expect(set.has(a)).toBe(true);
      for (const b of set) expect(CONFLICTS.get(b)!.has(a)).toBe(true);
    }
  });

  it("contains google's table, whose 'every id' means the 25 IFEval ids", () => {
    for (const [a, set] of IFEVAL_CONFLICTS) for (const b of set) expect(CONFLICTS.get(a)!.has(b)).toBe(true);
    expect(IFEVAL_CONFLICTS.get('detectable_format:constrained_response')!.size).toBe(25);
  });

  // Sizes counted by hand from the upstream rows after closure.
  it.each([
    ['detectable_format:constrained_response', 54],
    ['copy:copy', 54],
    ['count:palindrome', undefined],
    // Listed: 49 (54 minus forbidden_words, existence, response_language, title, no_comma); no row adds more.
    ['combination:two_responses', 49],
    // 52 listed (all but forbidden_words, existence); two_responses and repeat_prompt already in.
    ['detectable_format:json_format', 52],
  ])('%s conflicts with %s ids', (id, size) => {
    expect(IFEVALG_CONFLICTS.get(id)?.size).toBe(size);
  });

  it('answers pair questions, including ids outside the table', () => {
    expect(conflicts('paragraphs:paragraphs', 'paragraphs:paragraphs2')).toBe(true);
    expect(conflicts('keywords:frequency', 'count:counting_composition')).toBe(true);
    expect(conflicts('count:counting_composition', 'keywords:frequency')).toBe(true);
    expect(conflicts('punctuation:no_comma', 'startend:quotation')).toBe(false);
    // json_format conflicts with every IFEvalG id but existence and forbidden_words.
    expect(conflicts('detectable_format:json_format', 'keywords:palindrome')).toBe(true);
    expect(conflicts('detectable_format:json_format', 'keywords:existence')).toBe(false);
    expect(conflicts('count:numbers', 'count:numbers')).toBe(true);
    expect(conflicts('count:numbers', 'punctuation:no_comma')).toBe(false);
    expect(findConflict(['punctuation:no_comma', 'keywords:palindrome', 'keywords:start_end'])).toBeNull();
    expect(findConflict(['punctuation:no_comma', 'first_word:first_word_answer', 'first_word:first_word_sent'])).toEqual([
      'first_word:first_word_answer',
      'first_word:first_word_sent',
    ]);
  });
});
