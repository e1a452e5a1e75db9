import { describe, expect, it } from 'vitest';
import { gini, normalisedEntropy, spanRowMetrics, visibleRow } from './row-metrics';

describe('visibleRow', () => {
  it('keeps keys 0..t and renormalises by their sum', () => {
    // keys after t = 2 are ignored; 0.5 + 0.3 + 0.1 = 0.9
    const row = visibleRow([0.5, 0.3, 0.1, 0.1], 2, 'keep')!;
    expect(row.first).toBe(0);
    [0.5 / 0.9, 0.3 / 0.9, 0.1 / 0.9].forEach((v, i) => expect(row.p[i]).toBeCloseTo(v, 12));
  });

  it('drops the sink and renormalises over keys 1..t', () => {
    // [0.5 | 0.3, 0.2] → [0.6, 0.4]
    const row = visibleRow([0.5, 0.3, 0.2], 2, 'drop')!;
    expect(row.first).toBe(1);
    expect(Array.from(row.p)).toEqual([0.3 / 0.5, 0.2 / 0.5]);
  });

  it('is null when nothing is visible: query 0 without its sink, or every weight on the sink', () => {
    expect(visibleRow([1], 0, 'drop')).toBeNull();
    expect(visibleRow([1, 0, 0], 2, 'drop')).toBeNull();
  });
});

describe('normalisedEntropy', () => {
  it.each([
    // uniform over n keys: log n / log n
    [[0.25, 0.25, 0.25, 0.25], 1],
    // one key holds everything
    [[0, 1, 0], 0],
    // −(½ ln ½ + ¼ ln ¼ + ¼ ln ¼) / ln 3 = 1.0397 / 1.0986
    [[0.5, 0.25, 0.25], 0.946395],
    // the metrics test's row [0.5, 0.1, 0.2, 0.1, 0.1]: 1.35924 / ln 5
    [[0.5, 0.1, 0.2, 0.1, 0.1], 0.844541],
  ])('%j → %f', (p, expected) => {
    expect(normalisedEntropy(p)).toBeCloseTo(expected, 5);
  });

  it('is undefined (NaN) for a single key: there is no spread to measure', () => {
    expect(normalisedEntropy([1])).toBeNaN();
  });
});

describe('gini', () => {
  it.each([
    // equal weights
    [[0.2, 0.2, 0.2, 0.2, 0.2], 0],
    // one of 3 keys holds everything: 1 − 1/3
    [[0, 0, 1], 2 / 3],
    // sorted [.1, .1, .1, .2, .5], coefficients 2i − n − 1 = −4, −2, 0, 2, 4: (−.4 −.2 + 0 + .4 + 2.0) / (5 · 1) = 0.36
    [[0.5, 0.1, 0.2, 0.1, 0.1], 0.36],
    // unnormalised weights give the same value: [1, 3] → (−1·1 + 1·3) / (2 · 4) = 0.25
    [[3, 1], 0.25],
  ])('%j → %f', (x, expected) => {
    expect(gini(x)).toBeCloseTo(expected, 12);
  });

  it('is NaN for fewer than 2 keys or an all-zero row', () => {
    expect(gini([1])).toBeNaN();
    expect(gini([0, 0])).toBeNaN();
  });
});

describe('spanRowMetrics', () => {
  const row = { first: 0, p: Float64Array.of(0.5, 0.1, 0.2, 0.1, 0.1) };

  it('mass on the span, lift over the uniform share, and concentration inside the span', () => {
    // span keys 2, 3: mass .2 + .1 = .3; uniform share 2/5; lift .3 / .4 = .75
    // inside: [2/3, 1/3] → entropy −(⅔ ln ⅔ + ⅓ ln ⅓) / ln 2 = 0.918296; gini (−⅓ + ⅔) / 2 = 1/6
    const m = spanRowMetrics(row, [[2, 4]]);
    expect(m.mass).toBeCloseTo(0.3, 12);
    expect(m.lift).toBeCloseTo(0.75, 12);
    expect(m.entropy).toBeCloseTo(0.918296, 6);
    expect(m.gini).toBeCloseTo(1 / 6, 12);
  });

  it('counts only the visible keys of a span: ranges may run past the query or start at a dropped sink', () => {
    // visible keys 1..4 of a sink-dropped row [.2, .4, .2, .2]; span [0, 2) sees key 1 only: mass .2, share 1/4, lift .8
    const dropped = { first: 1, p: Float64Array.of(0.2, 0.4, 0.2, 0.2) };
    const m = spanRowMetrics(dropped, [[0, 2]]);
    expect(m.mass).toBeCloseTo(0.2, 12);
    expect(m.lift).toBeCloseTo(0.8, 12);
    expect(m.entropy).toBeNaN(); // one key: no spread
    // span [3, 9) sees keys 3, 4 (the row ends at key 4): mass .4, share 2/4, lift .8
    expect(spanRowMetrics(dropped, [[3, 9]]).lift).toBeCloseTo(0.8, 12);
  });

  it('sums over several ranges (a role made of several spans)', () => {
    // keys 1 and 4: .1 + .1 = .2; share 2/5; lift .5
    const m = spanRowMetrics(row, [
      [1, 2],
      [4, 5],
    ]);
    expect(m.mass).toBeCloseTo(0.2, 12);
    expect(m.lift).toBeCloseTo(0.5, 12);
  });

  it('handles spans longer than its scratch buffer (1,024 keys)', () => {
    // uniform over 3,000 keys, span of 2,500: mass 5/6, lift 1, uniform inside (entropy 1, gini 0)
    const uniform = { first: 0, p: new Float64Array(3000).fill(1 / 3000) };
    const m = spanRowMetrics(uniform, [[100, 2600]]);
    expect([m.mass, m.lift, m.entropy, m.gini].map((v) => +v.toFixed(9))).toEqual([+(5 / 6).toFixed(9), 1, 1, 0]);
  });

  it('is undefined when no key of the span is visible yet', () => {
    const m = spanRowMetrics(row, [[5, 7]]);
    expect([m.mass, m.lift, m.entropy, m.gini].every(Number.isNaN)).toBe(true);
  });
});
