import { describe, expect, it } from 'vitest';
import { metricLabel } from './aggregate';
import { handRecord } from './hand-record';
import { mapsFromArray, mapsToArray } from './maps';
import { promptMetrics } from './prompt-metrics';
import { attentionFigures, compareAttention, metricKeys, summariseAttention } from './report';
import { tokenView } from './token-view';

const OPTS = { seed: 0, resamples: 200 };
const hand = promptMetrics(handRecord(), { sink: 'keep' });
// a second prompt: the hand record with its two heads swapped
const swappedData = (() => {
  const d = mapsToArray(handRecord().maps);
  return Float32Array.from([...d.subarray(12), ...d.subarray(0, 12)]);
})();
const swapped = promptMetrics({ ...handRecord(), id: 'swapped', maps: mapsFromArray(swappedData, { layers: 1, heads: 2, length: 6, queryStart: 4 }) }, { sink: 'keep' });

describe('metricKeys', () => {
  it('lists row metrics, then each role, then single constraints, four metrics each', () => {
    const labels = metricKeys([hand]).map(metricLabel);
    expect(labels.slice(0, 6)).toEqual(['row entropy', 'row gini', 'mass on query', 'lift on query', 'entropy on query', 'gini on query']);
    expect(labels.filter((l) => l.startsWith('mass'))).toEqual(['mass on query', 'mass on constraint', 'mass on response', 'mass on constraint:a', 'mass on constraint:b']);
  });
});

describe('summariseAttention', () => {
  const summary = summariseAttention([hand, swapped], OPTS);
  const find = (label: string) => summary.find((s) => s.label === label)!;

  it('averages each prompt over layers and heads, then over prompts', () => {
    // each prompt has head means .25 (head 0) and (.4 + ⅓)/2 (uniform head 1): every pooled value is the same
    const constraintMass = (0.25 + (0.4 + 1 / 3) / 2) / 2;
    expect(find('mass on constraint').model.estimate).toBeCloseTo(constraintMass, 6);
    expect(find('mass on constraint').layers[0]!.estimate).toBeCloseTo(constraintMass, 6);
    expect(find('mass on constraint').prompts).toBe(2);
    // per head, the two prompts differ (heads swapped), so each head's mean is the same average too
    expect(find('mass on constraint').heads![0]!.map((c) => +c.estimate.toFixed(6))).toEqual([+constraintMass.toFixed(6), +constraintMass.toFixed(6)]);
  });

  it('keeps per-head grids only for heatmap metrics', () => {
    expect(find('row entropy').heads).toBeDefined();
    expect(find('lift on query').heads).toBeDefined();
    expect(find('entropy on constraint').heads).toBeUndefined();
    expect(find('mass on constraint:a').heads).toBeUndefined();
  });

  it('counts prompts where a metric is undefined as absent', () => {
    // within-span entropy of a one-token constraint has no spread: undefined on every prompt
    expect(find('entropy on constraint:a').prompts).toBe(0);
    expect(find('entropy on constraint:a').model.estimate).toBeNaN();
  });
});

describe('compareAttention', () => {
  it('gives after − before per metric, paired by prompt', () => {
    // before: the hand record; after: the same prompt with heads swapped. Pooled over heads nothing changes;
    // per head, head 0 gains (.4 + ⅓)/2 − .25 = .116667 of constraint mass and head 1 loses as much.
    const diff = compareAttention([hand], [{ ...swapped, id: 'hand' }], OPTS);
    const mass = diff.find((s) => s.label === 'Δ mass on constraint')!;
    expect(mass.model.estimate).toBeCloseTo(0, 12);
    expect(mass.heads![0]!.map((c) => +c.estimate.toFixed(6))).toEqual([0.116667, -0.116667]);
  });
});

describe('attentionFigures', () => {
  it('names one heatmap per heatmap metric, three span bar charts and the token heatmap', () => {
    const summary = summariseAttention([hand, swapped], OPTS);
    const figs = attentionFigures([{ name: 'hand', summary }], { kind: 'level', title: 'hand', tokens: tokenView(handRecord(), { layer: 0, head: 'mean', sink: 'drop' }) });
    expect(figs.map((f) => f.name)).toEqual([
      'heads-row-entropy',
      'heads-row-gini',
      'heads-mass-on-query',
      'heads-lift-on-query',
      'heads-mass-on-constraint',
      'heads-lift-on-constraint',
      'spans-mass',
      'spans-lift',
      'spans-entropy',
      'tokens-hand',
    ]);
    const bars = figs.find((f) => f.name === 'spans-mass')!.figure.data[0]!;
    expect(bars.x).toEqual(['query', 'constraint', 'response', 'constraint:a', 'constraint:b']);
    const diff = attentionFigures([{ name: 'Δ', summary: compareAttention([hand], [hand], OPTS) }], { kind: 'difference', title: 'hand' });
    expect(diff[0]!.name).toBe('diff-heads-row-entropy');
  });
});
