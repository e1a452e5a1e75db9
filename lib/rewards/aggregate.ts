/**
 * How per-constraint verdicts become one reward, the one rule every caller uses (the reward function, the reward
 * server, the lab, the judge's reward curve): 'all' pays 1 only if every constraint passes (the reward of
 * arXiv 2507.02833 and 2601.04954's product), 'fraction' pays the share that pass (open-instruct's IFEvalVerifier),
 * 'weighted' pays Σ passed_i · weight_i (IFBench Eq. 1, a sum, not a mean).
 */

export type RewardKind = 'all' | 'fraction' | 'weighted';

export const REWARD_KINDS: readonly RewardKind[] = ['all', 'fraction', 'weighted'];

/** Fraction of constraints passed; 0 for none (open-instruct's `sum / max(len, 1)`). @example fractionReward([true, false]) // 0.5 */
export function fractionReward(passed: readonly boolean[]): number {
  return passed.filter(Boolean).length / Math.max(passed.length, 1);
}

/** 1 if there is at least one constraint and all pass, else 0. @example allPassReward([true, true]) // 1 */
export function allPassReward(passed: readonly boolean[]): number {
  return passed.length > 0 && passed.every(Boolean) ? 1 : 0;
}

function checkWeights(name: string, values: readonly number[] | undefined, n: number): readonly number[] {
  if (values === undefined) return Array<number>(n).fill(1);
  if (values.length !== n || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`weightedReward: ${name} must be ${n} finite numbers (one per constraint), got ${JSON.stringify(values)}`);
  }
  return values;
}

/**
 * IFBench Eq. 1: Σ verifiable_i · multiplier_i · weight_i (a sum, not a mean); each list defaults to 1s.
 * @example weightedReward([true, false, true], [2, 1, 0.5]) // 2.5
 */
export function weightedReward(passed: readonly boolean[], weights?: readonly number[], multipliers?: readonly number[]): number {
  const w = checkWeights('weights', weights, passed.length);
  const m = checkWeights('multipliers', multipliers, passed.length);
  return passed.reduce((sum, p, i) => sum + (p ? 1 : 0) * m[i]! * w[i]!, 0);
}

/**
 * The reward of one response from its per-constraint results; `weights` (one per constraint, default 1) count only
 * for 'weighted'.
 * @example aggregateReward([true, false, true], 'fraction') // 0.6667
 */
export function aggregateReward(passed: readonly boolean[], kind: RewardKind, weights?: readonly number[]): number {
  switch (kind) {
    case 'all':
      return allPassReward(passed);
    case 'fraction':
      return fractionReward(passed);
    case 'weighted':
      return weightedReward(passed, weights);
    default: {
      const never: never = kind;
      throw new Error(`unknown reward kind ${JSON.stringify(never)}; use ${REWARD_KINDS.join(', ')}`);
    }
  }
}

/** True for 'all', 'fraction' and 'weighted'. @example isRewardKind('mean') // false */
export function isRewardKind(value: unknown): value is RewardKind {
  return typeof value === 'string' && (REWARD_KINDS as readonly string[]).includes(value);
}
