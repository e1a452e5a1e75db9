import { describe, expect, it } from 'vitest';
import { ADVANTAGE_PRESETS, groupAdvantages, nanStd } from './advantages';

const adv = (rewards: number[][], preset: keyof typeof ADVANTAGE_PRESETS, diff = {}) =>
  groupAdvantages(rewards, { ...ADVANTAGE_PRESETS[preset], ...diff });

describe('groupAdvantages', () => {
  it('TRL: sample std + 1e-4', () => {
    // [1,0,0,1]: mean .5, sample std sqrt((4 · .25)/3) = .57735; .5 / (.57735 + 1e-4) = .865875
    const a = adv([[1, 0, 0, 1]], 'trl').advantages[0]!;
    expect(a[0]).toBeCloseTo(0.8658754, 6);
    expect(a[1]).toBeCloseTo(-0.8658754, 6);
  });

  it('verl: unbiased std + 1e-6', () => {
    // .5 / (.577350 + 1e-6) = .866024 (population std would give ±0.99999)
    expect(adv([[1, 0, 0, 1]], 'verl').advantages[0]![0]).toBeCloseTo(0.8660239, 6);
  });

  it('open-instruct centered: r - mean, no std', () => {
    expect(adv([[1, 0, 0, 1]], 'open_instruct').advantages[0]).toEqual([0.5, -0.5, -0.5, 0.5]);
  });

  it('open-instruct standard: population std (np.std) + 1e-8', () => {
    // population std .5: .5 / (.5 + 1e-8) = .99999998
    expect(adv([[1, 0, 0, 1]], 'open_instruct_standard').advantages[0]![0]).toBeCloseTo(0.99999998, 8);
  });

  it("scale 'none' centres on the group mean (Dr.GRPO)", () => {
    expect(adv([[1, 0, 0, 0]], 'dr_grpo').advantages[0]).toEqual([0.75, -0.25, -0.25, -0.25]);
  });

  it("scale 'batch' centres per group but divides by the batch std", () => {
    // batch [1,0,1,1]: mean .75, sample std sqrt((3 · .0625 + .5625)/3) = .5; group means .5 and 1
    // → [.5/.5001, -.5/.5001, 0, 0] = [.99980, -.99980, 0, 0]
    const a = adv([[1, 0], [1, 1]], 'trl', { scale: 'batch' }).advantages;
    expect(a[0]![0]).toBeCloseTo(0.99980004, 7);
    expect(a[0]![1]).toBeCloseTo(-0.99980004, 7);
    expect(a[1]).toEqual([0, 0]);
  });

  it("zero-variance groups: 'zero' keeps them with advantage 0, 'drop' marks them dropped", () => {
    const kept = adv([[1, 1, 1, 1], [1, 0, 0, 1]], 'trl');
    expect(kept.advantages[0]).toEqual([0, 0, 0, 0]);
    expect(kept.zeroVariance).toEqual([true, false]);
    expect(kept.dropped).toEqual([false, false]);
    const dropped = adv([[0, 0, 0, 0], [1, 0, 0, 1]], 'trl', { zeroVariance: 'drop' });
    expect(dropped.dropped).toEqual([true, false]);
    expect(dropped.advantages[0]).toEqual([0, 0, 0, 0]);
  });

  it('a group of one: TRL gives 0 (nanstd is NaN), verl uses mean 0 std 1', () => {
    expect(adv([[1]], 'trl').advantages[0]).toEqual([0]);
    // verl: (1 - 0) / (1 + 1e-6) = .999999
    expect(adv([[1]], 'verl').advantages[0]![0]).toBeCloseTo(0.999999, 6);
  });

  it('a NaN (unscorable) reward is left out of mean and std and gets advantage 0 (TRL)', () => {
    // [1, NaN, 0]: mean .5, sample std sqrt(.5) = .70711; .5 / .70721 = .70701
    const a = adv([[1, NaN, 0]], 'trl').advantages[0]!;
    expect(a[0]).toBeCloseTo(0.7070068, 6);
    expect(a[1]).toBe(0);
    expect(a[2]).toBeCloseTo(-0.7070068, 6);
  });

  it('a std floor keeps residue-level spread from being blown up (NeMo-RL #4161)', () => {
    // [.35, .35, .35+2e-7, .35]: population std 8.66e-8; with eps 1e-8 the odd one gets 1.5e-7/9.66e-8 = 1.55
    const g = [[0.35, 0.35, 0.35 + 2e-7, 0.35]];
    expect(adv(g, 'open_instruct_standard').advantages[0]![2]).toBeCloseTo(1.5527, 3);
    // below the floor the advantage stays r - mean = 1.5e-7
    expect(adv(g, 'open_instruct_standard', { stdFloor: 1e-3 }).advantages[0]![2]).toBeCloseTo(1.5e-7, 12);
  });

  it('rejects a negative eps', () => {
    expect(() => adv([[1, 0]], 'trl', { eps: -1 })).toThrow(/eps \(-1\)/);
  });
});

describe('nanStd', () => {
  it('sample vs population', () => {
    expect(nanStd([1, 0, 0, 1], 'sample')).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(nanStd([1, 0, 0, 1], 'population')).toBe(0.5);
    expect(nanStd([1], 'sample')).toBeNaN();
  });
});
