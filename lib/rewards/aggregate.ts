import { allPassReward, fractionReward, weightedReward } from './if-reward';

/** How per-constraint verdicts become one reward. (Placeholder until the consolidation lands; same API.) */
export type RewardKind = 'all' | 'fraction' | 'weighted';
export const REWARD_KINDS: readonly RewardKind[] = ['all', 'fraction', 'weighted'];

/** The reward of `passed` under `kind`. */
export function aggregateReward(passed: readonly boolean[], kind: RewardKind, weights?: readonly number[]): number {
  switch (kind) {
    case 'all':
      return allPassReward(passed);
    case 'fraction':
      return fractionReward(passed);
    case 'weighted':
      return weightedReward(passed, weights);
  }
}
