import { describe, expect, it } from 'vitest';
import { formatClaim, judgeClaim, seedInterval, verdictOf } from './claims';
import { studentTCdf, studentTQuantile } from './student-t';

describe('Student t', () => {
  it.each([
    // p, df, quantile (scipy.stats.t.ppf)
    [0.975, 1, 12.706204736],
    [0.975, 2, 4.302652730],
    [0.975, 4, 2.776445105],
    [0.975, 9, 2.262157163],
    [0.95, 30, 1.697260887],
    [0.5, 5, 0],
    [0.025, 2, -4.302652730],
  ])('quantile(%s, df=%s) = %s', (p, df, q) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(q, 6);
    expect(studentTCdf(q, df)).toBeCloseTo(p, 9);
  });

  it('refuses impossible arguments', () => {
    expect(() => studentTQuantile(1, 3)).toThrow('need 0 < p < 1 and df > 0, got p=1, df=3');
  });
});

describe('claims over seeds', () => {
  it('the interval is mean ± t(.975, n−1)·sd/√n', () => {
    // [0.1, 0.2, 0.3]: mean .2, sd .1, se .0577, t(.975, 2) = 4.3027 → half-width .2484
    const i = seedInterval([0.1, 0.2, 0.3]);
    expect(i.estimate).toBeCloseTo(0.2, 12);
    expect(i.lo).toBeCloseTo(0.2 - 0.24841, 4);
    expect(i.hi).toBeCloseTo(0.2 + 0.24841, 4);
    expect(seedInterval([0.5])).toEqual({ estimate: 0.5, lo: NaN, hi: NaN });
  });

  it.each([
    ['positive', 0.01, 0.2, 'reproduced'],
    ['positive', -0.01, 0.2, 'not reproduced at this scale'],
    ['positive', -0.3, -0.1, 'contradicted'],
    ['negative', -0.3, -0.1, 'reproduced'],
    ['negative', 0.1, 0.3, 'contradicted'],
    [{ within: 0.1 }, -0.05, 0.08, 'reproduced'],
    [{ within: 0.1 }, -0.05, 0.15, 'not reproduced at this scale'],
    [{ within: 0.1 }, 0.12, 0.3, 'contradicted'],
    ['positive', NaN, NaN, 'no verdict (one seed)'],
  ] as const)('%j on [%s, %s] → %s', (expectation, lo, hi, verdict) => {
    expect(verdictOf(expectation, lo, hi)).toBe(verdict);
  });

  it('judges a claim from per-seed values and prints it', () => {
    const c = judgeClaim({ name: 'x', statement: 'hard-only − mixed, true pass on the mixed set', expect: 'positive' }, [0.08, 0.1, 0.06]);
    // mean .08, sd .02, se .011547, half-width 4.3027 × .011547 = .049683
    expect(c.estimate).toBeCloseTo(0.08, 12);
    expect(c.lo).toBeCloseTo(0.030317, 5);
    expect(c.verdict).toBe('reproduced');
    expect(formatClaim(c)).toBe('hard-only − mixed, true pass on the mixed set: +0.080 [+0.030, +0.130] over 3 seeds → reproduced');
    expect(judgeClaim({ name: 'y', statement: 's', expect: 'positive' }, [0.1, NaN]).values).toEqual([0.1]);
  });
});
