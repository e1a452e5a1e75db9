import { describe, expect, it } from 'vitest';
import { expectedJudgeReward, judgeRewardCurve } from './reward-curve';

describe('expectedJudgeReward', () => {
  it.each([
    // all: rc^(k-v) (1-rv)^v
    [3, 1, 0.3, 1, 'all', 0.7],
    [3, 2, 0.3, 0.95, 'all', 0.95 * 0.7 * 0.7], // 0.46550
    [3, 0, 0.3, 0.95, 'all', 0.95 ** 3], // 0.857375
    [2, 2, 1, 0.9, 'all', 0],
    [2, 1, 0, 1, 'all', 1],
    // fraction: ((k-v) rc + v (1-rv)) / k
    [4, 1, 0.3, 0.9, 'fraction', (3 * 0.9 + 0.7) / 4], // 0.85
    [4, 4, 0.6, 1, 'fraction', 0.4],
    // weighted, unit weights: (k-v) rc + v (1-rv)
    [4, 1, 0.3, 0.9, 'weighted', 3 * 0.9 + 0.7], // 3.4
  ] as const)('k=%i v=%i rv=%f rc=%f %s -> %f', (constraints, violated, recallViolation, recallCompliant, aggregate, expected) => {
    expect(expectedJudgeReward({ constraints, violated, recallViolation, recallCompliant, aggregate })).toBeCloseTo(expected, 12);
  });

  it('rejects impossible shapes', () => {
    expect(() => expectedJudgeReward({ constraints: 2, violated: 3, recallViolation: 0.5, recallCompliant: 1, aggregate: 'all' })).toThrow(/violated=3/);
  });
});

describe('judgeRewardCurve', () => {
  it('spans recall 0..1 and falls with recall for violating responses, flat for compliant ones', () => {
    const curve = judgeRewardCurve({ constraints: 3, violated: [0, 1], recallCompliant: 0.95, aggregate: 'all', points: 11 });
    expect(curve.recall).toHaveLength(11);
    expect(curve.recall[0]).toBe(0);
    expect(curve.recall[10]).toBe(1);
    const [compliant, one] = curve.series;
    expect(new Set(compliant!.reward).size).toBe(1);
    expect(one!.reward[0]).toBeCloseTo(0.95 ** 2, 12); // recall 0: a violation is free
    expect(one!.reward[3]).toBeCloseTo(0.95 ** 2 * 0.7, 12);
    expect(one!.reward[10]).toBe(0);
  });
});
