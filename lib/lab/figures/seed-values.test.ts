import { describe, expect, it } from 'vitest';
import type { ExperimentResults, RunResult } from '../experiments/define';
import { after } from '../experiments/values';
import { armInterval, armsOf, evalCurve, meanCurve, seedsNote, smoothCurve, titleWithSeeds, trainCurve } from './seed-values';

const run = (arm: string, seed: number, pass: number, rewards: number[]): RunResult => ({
  arm,
  seed,
  final: { after: { 'mixed/allPass': pass } },
  evals: [
    { step: 0, 'mixed/allPass': 0 },
    { step: 2, 'mixed/allPass': pass },
  ],
  train: rewards.map((r, i) => ({ step: i + 1, extra: { 'train/reward': r } })),
});

// t(0.975, 2) = 4.302653; values 0.1, 0.2, 0.3: sd 0.1, half-width 4.302653 · 0.1 / √3 = 0.248414.
const r: ExperimentResults = {
  experiment: 'x',
  size: 'full',
  runs: [run('b', 1, 0.1, [0, 1, 0]), run('b', 2, 0.2, [1, 1, 1]), run('b', 3, 0.3, [0, 0]), run('a', 1, 0.5, [1])],
};

describe('seed values for figures', () => {
  it('an arm: mean over seeds with the Student-t interval', () => {
    const i = armInterval(r, 'b', after('mixed/allPass'));
    expect(i.estimate).toBeCloseTo(0.2, 12);
    expect(i.hi - i.estimate).toBeCloseTo(0.248414, 5);
    expect(armInterval(r, 'a', after('mixed/allPass'))).toMatchObject({ estimate: 0.5, lo: NaN, hi: NaN });
    expect(armInterval(r, 'none', after('mixed/allPass')).estimate).toBeNaN();
  });

  it('smooths with a centred window that shrinks at the ends', () => {
    expect(smoothCurve([0, 1, 0, 1], 1)).toEqual([0.5, 1 / 3, 2 / 3, 0.5]);
    expect(smoothCurve([0, 1], 0)).toEqual([0, 1]);
    expect(smoothCurve([NaN, 1, 3], 1)).toEqual([1, 2, 2]);
  });

  it('a curve: the mean over the seeds that reach each step', () => {
    const c = meanCurve(r.runs.filter((x) => x.arm === 'b'), trainCurve('train/reward', 0));
    expect(c.x).toEqual([1, 2, 3]);
    expect(c.values.map((v) => v.estimate)).toEqual([1 / 3, 2 / 3, 0.5]);
    // Step 3 has two seeds (0 and 1): t(0.975, 1) = 12.7062, sd 0.7071, half 12.7062 · 0.7071 / √2 = 6.3531.
    expect(c.values[2]!.hi).toBeCloseTo(0.5 + 6.3531, 3);
    const held = meanCurve(r.runs.filter((x) => x.arm === 'b'), evalCurve('mixed/allPass'));
    expect(held.x).toEqual([0, 2]);
    expect(held.values[1]!.estimate).toBeCloseTo(0.2, 12);
  });

  it('arms in load order, and the seeds note', () => {
    expect(armsOf(r)).toEqual(['b', 'a']);
    expect(seedsNote(r)).toBe('full size, mean of 3 seeds, 95% intervals');
    expect(titleWithSeeds('T', { ...r, runs: [r.runs[3]!], size: 'quick' })).toBe('T<br><sub>quick size, 1 seed: no intervals</sub>');
  });
});
