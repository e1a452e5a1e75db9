import { describe, expect, it } from 'vitest';
import { bootstrapCI, mean } from '../stats/bootstrap';
import { aggregateGrids, compareMetric, metricGrid, metricLabel, metricValue, pairedDifferences, poolGrid, summariseMetric } from './aggregate';
import type { Grid, PromptMetrics } from './prompt-metrics';

/** A prompt whose only span is 'constraint', with the given mass grid (other metrics zero). */
function prompt(id: string, mass: Grid): PromptMetrics {
  const zeros = mass.map((row) => row.map(() => 0));
  return { id, layers: mass.length, heads: mass[0]!.length, rows: [0, 1], entropy: zeros, gini: zeros, spans: { constraint: { mass, lift: zeros, entropy: zeros, gini: zeros } } };
}
const MASS = { metric: 'mass', span: 'constraint' } as const;
const OPTS = { seed: 7, resamples: 500 };

describe('metricGrid', () => {
  it('reads a span metric or a whole-row metric, and NaN for a span the prompt lacks', () => {
    const p = prompt('a', [[0.1, 0.2]]);
    expect(metricGrid(p, MASS)).toEqual([[0.1, 0.2]]);
    expect(metricGrid(p, { metric: 'entropy' })).toEqual([[0, 0]]);
    expect(metricGrid(p, { metric: 'mass', span: 'constraint:x' })).toEqual([[NaN, NaN]]);
  });

  it('refuses mass or lift without a span', () => {
    expect(() => metricGrid(prompt('a', [[0]]), { metric: 'lift' })).toThrow(/lift needs a span/);
  });

  it('labels keys', () => {
    expect([metricLabel(MASS), metricLabel({ metric: 'gini' })]).toEqual(['mass on constraint', 'row gini']);
  });
});

describe('poolGrid', () => {
  it('averages heads per layer, or everything, leaving NaN cells out', () => {
    const g = [
      [1, 2],
      [3, NaN],
    ];
    expect(poolGrid(g, 'head')).toBe(g);
    expect(poolGrid(g, 'layer')).toEqual([[1.5], [3]]);
    expect(poolGrid(g, 'model')).toEqual([[2]]); // (1 + 2 + 3) / 3
  });
});

describe('metricValue', () => {
  it('is the mean over layers and heads of one prompt, NaN for a span it lacks', () => {
    // (.1 + .2 + .3 + .6) / 4 = .3
    const p = prompt('a', [
      [0.1, 0.2],
      [0.3, 0.6],
    ]);
    expect(metricValue(p, MASS)).toBeCloseTo(0.3, 12);
    expect(metricValue(p, { metric: 'lift', span: 'query' })).toBeNaN();
  });
});

describe('aggregateGrids', () => {
  it('gives the mean over prompts per cell with the bootstrap CI of lib/stats', () => {
    const grids = [[[0.1, 1]], [[0.2, 1]], [[0.6, 1]]];
    const [[a, b]] = aggregateGrids(grids, OPTS) as [[{ estimate: number; lo: number; hi: number }, { estimate: number; lo: number; hi: number }]];
    expect(a.estimate).toBeCloseTo(0.3, 12);
    expect(a).toEqual(bootstrapCI([0.1, 0.2, 0.6], mean, OPTS));
    expect(a.lo).toBeGreaterThanOrEqual(0.1);
    expect(a.hi).toBeLessThanOrEqual(0.6);
    // a constant cell has a zero-width interval
    expect(b).toEqual({ estimate: 1, lo: 1, hi: 1 });
  });

  it('leaves out prompts where a cell is undefined, and gives NaN where no prompt defines it', () => {
    const [cell, none] = aggregateGrids([[[1, NaN]], [[NaN, NaN]], [[3, NaN]]], OPTS)[0]!;
    expect(cell!.estimate).toBe(2);
    expect(cell).toEqual(bootstrapCI([1, 3], mean, OPTS));
    expect(none).toEqual({ estimate: NaN, lo: NaN, hi: NaN });
  });
});

describe('summariseMetric', () => {
  it('pools each prompt, then averages over prompts', () => {
    // prompt means over the model: a (.1 + .3) / 2 = .2, b (.5 + .7) / 2 = .6 → .4
    const ps = [prompt('a', [[0.1, 0.3]]), prompt('b', [[0.5, 0.7]])];
    expect(summariseMetric(ps, MASS, 'model', OPTS)[0]![0]!.estimate).toBeCloseTo(0.4, 12);
    expect(summariseMetric(ps, MASS, 'head', OPTS)[0]!.map((c) => c.estimate)).toEqual([0.3, 0.5]);
  });
});

describe('pairedDifferences and compareMetric', () => {
  const before = [prompt('a', [[0.2]]), prompt('b', [[0.5]])];
  const after = [prompt('b', [[0.7]]), prompt('a', [[0.1]])];

  it('pairs prompts by id, whatever their order', () => {
    // b: .7 − .5 = .2; a: .1 − .2 = −.1
    const d = pairedDifferences(before, after, MASS, 'model');
    expect(d.map((g) => g[0]![0]!)).toEqual([0.7 - 0.5, 0.1 - 0.2]);
    const c = compareMetric(before, after, MASS, 'model', OPTS)[0]![0]!;
    expect(c.estimate).toBeCloseTo(0.05, 12);
    expect(c).toEqual(bootstrapCI([0.7 - 0.5, 0.1 - 0.2], mean, OPTS));
  });

  it('refuses prompt sets that differ or repeat an id', () => {
    expect(() => pairedDifferences(before, [prompt('a', [[0]]), prompt('c', [[0]])], MASS, 'model')).toThrow(/only after: \[c\], only before: \[b\]/);
    expect(() => pairedDifferences(before, [...after, prompt('a', [[0]])], MASS, 'model')).toThrow(/same prompt ids once each/);
  });
});
