import { describe, expect, it } from 'vitest';
import { createRng } from '../../stats/rng';
import { IFTRAIN_CONSTRAINTS } from './index';

describe('IFTRAIN_CONSTRAINTS', () => {
  it('holds the 29 ids IFEvalG adds to IFEval, once each, all hard and in suite iftrain', () => {
    const ids = IFTRAIN_CONSTRAINTS.map((c) => c.id);
    expect(ids).toHaveLength(29);
    expect(new Set(ids).size).toBe(29);
    expect(ids[0]).toBe('copy:repeat_phrase');
    expect(ids[28]).toBe('keywords:start_end');
    for (const c of IFTRAIN_CONSTRAINTS) {
      expect(c.suites).toEqual(['iftrain']);
      expect(c.kind).toBe('hard');
      expect(c.id.startsWith(`${c.category}:`)).toBe(true);
    }
  });

  it('samples kwargs that validate and describe, for every id with a generator', () => {
    const rng = createRng(7);
    const withSampler = IFTRAIN_CONSTRAINTS.filter((c) => c.sampleKwargs);
    // The four copy ids need the prompt; the synthesiser fills them in.
    expect(withSampler).toHaveLength(25);
    for (const c of withSampler) {
      for (let i = 0; i < 20; i++) {
        const kwargs = c.sampleKwargs!(rng);
        expect(() => c.prepare(kwargs)).not.toThrow();
        expect(c.describe(kwargs).length).toBeGreaterThan(10);
      }
    }
  });

  it('marks the ids with a corrected checker', () => {
    expect(IFTRAIN_CONSTRAINTS.filter((c) => c.hasCorrected).map((c) => c.id).sort()).toEqual([
      'count:count_unique',
      'count:counting_composition',
      'keywords:keyword_specific_position',
      'new:copy_span_idx',
    ]);
  });
});
