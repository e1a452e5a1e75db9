import { describe, expect, it } from 'vitest';
import { REWARD_KINDS, aggregateReward, allPassReward, fractionReward, isRewardKind, weightedReward } from './aggregate';

describe('reward arithmetic', () => {
  it('fraction: passed / count, 0 for no constraints', () => {
    expect(fractionReward([true, false, true])).toBeCloseTo(2 / 3, 12);
    expect(fractionReward([])).toBe(0);
  });

  it('all-pass: 1 only when every constraint passes', () => {
    expect(allPassReward([true, true])).toBe(1);
    expect(allPassReward([true, false])).toBe(0);
    expect(allPassReward([])).toBe(0);
  });

  it('weighted (Eq. 1): a sum of passed × multiplier × weight', () => {
    expect(weightedReward([true, false, true])).toBe(2);
    // 1·2·1 + 0 + 1·0.5·3 = 3.5
    expect(weightedReward([true, false, true], [2, 1, 0.5], [1, 1, 3])).toBe(3.5);
    expect(() => weightedReward([true], [1, 2])).toThrow(/weights must be 1 finite numbers/);
    expect(() => weightedReward([true], [1], [Number.NaN])).toThrow(/multipliers must be 1 finite numbers/);
  });
});

describe('aggregateReward', () => {
  it.each<[readonly boolean[], number, number, number]>([
    // passed, all, fraction, weighted with weights [2, 1, 0.5] (or unit weights for other lengths)
    [[true, false, true], 0, 2 / 3, 2.5],
    [[true, true, true], 1, 1, 3.5],
    [[false, false, false], 0, 0, 0],
  ])('%j: all %f, fraction %f, weighted %f', (passed, all, fraction, weighted) => {
    expect(aggregateReward(passed, 'all')).toBe(all);
    expect(aggregateReward(passed, 'fraction')).toBeCloseTo(fraction, 12);
    expect(aggregateReward(passed, 'weighted', [2, 1, 0.5])).toBe(weighted);
  });

  it('weights count only for weighted; without them every constraint weighs 1', () => {
    expect(aggregateReward([true, false], 'fraction', [5, 5])).toBe(0.5);
    expect(aggregateReward([true, false, true], 'weighted')).toBe(2);
  });

  it('names the kinds it accepts when given another', () => {
    expect(() => aggregateReward([true], 'mean' as never)).toThrow(/unknown reward kind "mean"; use all, fraction, weighted/);
    expect(REWARD_KINDS).toEqual(['all', 'fraction', 'weighted']);
    expect(isRewardKind('fraction')).toBe(true);
    expect(isRewardKind('mean')).toBe(false);
  });
});
