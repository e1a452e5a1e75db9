import { describe, expect, it } from 'vitest';
import { bootstrapCI } from '../stats/bootstrap';
import { pairIntervals, type PairCounts } from './pair-bootstrap';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);
// Six prompts; group a occurs in prompts 0-3, group b in 2-5 (twice in prompt 5).
const a: PairCounts = { total: f(1, 1, 1, 1, 0, 0), strict: f(1, 0, 1, 1, 0, 0), loose: f(1, 1, 1, 1, 0, 0) };
const b: PairCounts = { total: f(0, 0, 1, 1, 1, 2), strict: f(0, 0, 0, 1, 1, 1), loose: f(0, 0, 1, 1, 1, 2) };
const opts = { seed: 3, resamples: 400, level: 0.9 };

describe('pairIntervals', () => {
  it('gives each ratio what bootstrapCI gives it alone (same draws)', () => {
    const prompts = [0, 1, 2, 3, 4, 5];
    const ratio = (c: PairCounts, mode: 'strict' | 'loose') => (sample: readonly number[]) =>
      sample.reduce((n, i) => n + c[mode][i]!, 0) / sample.reduce((n, i) => n + c.total[i]!, 0);
    const [ia, ib] = pairIntervals([a, b], [], 6, opts);
    for (const [got, c] of [[ia!, a], [ib!, b]] as const) {
      for (const mode of ['strict', 'loose'] as const) {
        const { lo, hi } = bootstrapCI(prompts, ratio(c, mode), opts);
        expect(got[mode]).toEqual({ lo, hi });
      }
    }
  });

  it('gives a derived pair the interval of the base pair holding the summed counts', () => {
    const sum = (x: Float64Array, y: Float64Array): Float64Array => x.map((v, i) => v + y[i]!);
    const both: PairCounts = { total: sum(a.total, b.total), strict: sum(a.strict, b.strict), loose: sum(a.loose, b.loose) };
    const derived = pairIntervals([a, b], [[0, 1], [1]], 6, opts);
    expect(derived).toHaveLength(4);
    expect(derived[2]).toEqual(pairIntervals([both], [], 6, opts)[0]);
    expect(derived[3]).toEqual(derived[1]);
    expect(derived[2]!.strict.lo).toBeLessThan(derived[2]!.strict.hi);
  });

  it('leaves NaN bounds without prompts or without resamples', () => {
    const none = { strict: { lo: NaN, hi: NaN }, loose: { lo: NaN, hi: NaN } };
    expect(pairIntervals([a], [[0]], 6, { ...opts, resamples: 0 })).toEqual([none, none]);
    expect(pairIntervals([], [], 0, opts)).toEqual([]);
  });
});
