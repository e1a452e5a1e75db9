import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLabConfig } from './config';
import { labTask } from './run';
import type { RewardFn } from '../../../rl/rollout';
import { splitInstances, type LabMeta } from './world';

describe('parseLabConfig', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rejects non-object sections and unknown nested fields', () => {
    expect(() => parseLabConfig({ sft: 800 })).toThrow('lab config: "sft" must be an object like');
    expect(() => parseLabConfig({ model: { width: 64 } })).toThrow(/model: .*width/);
    expect(() => parseLabConfig({ grpo: { lr: 'fast' } })).toThrow('"lr" must be an object');
    expect(() => parseLabConfig([1])).toThrow('lab config must be a JSON object, got [1]; see LAB_DEFAULTS');
    expect(parseLabConfig({ seed: 3, sft: { steps: 10 } })).toMatchObject({ seed: 3, sft: { steps: 10, batchSize: 64 } });
  });

  it('reads the old reward name "mean" as "fraction", with a deprecation warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(parseLabConfig({ reward: 'mean' }).reward).toBe('fraction');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toBe('lab config: reward "mean" is deprecated; it is read as "fraction" (the same reward): write "reward": "fraction"');
    expect(warn.mock.calls[0]![1]).toMatchObject({ type: 'DeprecationWarning', code: 'IFKIT_LAB_REWARD_MEAN' });
    expect(parseLabConfig({ reward: 'fraction' }).reward).toBe('fraction');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(() => parseLabConfig({ reward: 'weighted' })).toThrow(/reward/);
  });
});

describe('labTask reward', () => {
  const meta = { topic: 'ocean', numWords: 4, keyword: 'coral' };
  const split = splitInstances(128, 1);
  // labTask's reward is a plain per-completion function (not the batch form GrpoTask also allows).
  const reward = (kind: 'all' | 'fraction') => labTask(parseLabConfig({ reward: kind }), split).reward as RewardFn<LabMeta>;
  // "the coral reef glows": 4 words, lowercase, has the keyword; the others break one or two of the three checks.
  it.each([
    ['the coral reef glows', 1, 1],
    ['the coral reef glows bright', 0, 2 / 3],
    ['The reef glows bright', 0, 1 / 3],
  ])('%j: all %f, fraction %f', (completion, all, fraction) => {
    expect(reward('all')('', completion, meta)).toBe(all);
    expect(reward('fraction')('', completion, meta)).toBeCloseTo(fraction, 12);
  });
});
