import { describe, expect, it } from 'vitest';
import { bootstrapCI, mean, quantileSorted } from './bootstrap';

describe('bootstrapCI', () => {
  it('interpolates quantiles like numpy', () => {
    // numpy.quantile([1,2,3,4], 0.25) = 1.75
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([5], 0.9)).toBe(5);
  });

  it('is seeded and brackets the estimate', () => {
    const xs = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 1)); // mean 0.75
    const a = bootstrapCI(xs, mean, { seed: 1 });
    expect(bootstrapCI(xs, mean, { seed: 1 })).toEqual(a);
    expect(a.estimate).toBe(0.75);
    // normal approximation: se = sqrt(.75*.25/400) = 0.02165, 95% half-width ≈ 0.0424
    expect(a.lo).toBeGreaterThan(0.75 - 0.06);
    expect(a.lo).toBeLessThan(0.75 - 0.025);
    expect(a.hi).toBeGreaterThan(0.75 + 0.025);
    expect(a.hi).toBeLessThan(0.75 + 0.06);
  });

  it('gives a degenerate interval for constant data and NaN for none', () => {
    expect(bootstrapCI([1, 1, 1], mean, { seed: 0 })).toEqual({ estimate: 1, lo: 1, hi: 1 });
    const empty = bootstrapCI([], mean, { seed: 0 });
    expect(Number.isNaN(empty.lo) && Number.isNaN(empty.estimate)).toBe(true);
  });
});
