/**
 * HPPT step (a), the learnability filter: keep a prompt only if at least one pilot rollout earned a reward above
 * `minReward` (0: "reward > 0 at least once", arXiv 2601.04954). Pure: items and pilot results in, kept and dropped out.
 */
import type { PilotResult } from './pilot-results';
import type { HpptItem } from './types';

export type DropReason = 'never-rewarded' | 'not-piloted';

export interface FilterOptions {
  /** A rollout counts when its reward is strictly above this (default 0). */
  readonly minReward?: number;
  /** Keep prompts the pilot never saw (default false: without evidence they are dropped, as 'not-piloted'). */
  readonly keepUnpiloted?: boolean;
}

export interface FilterResult {
  readonly kept: HpptItem[];
  readonly dropped: { readonly item: HpptItem; readonly reason: DropReason }[];
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * @example learnabilityFilter(items, new Map([['p1', { key: 'p1', rewards: [0, 1] }]])).kept // p1 only
 */
export function learnabilityFilter(items: readonly HpptItem[], pilot: ReadonlyMap<string, PilotResult>, opts: FilterOptions = {}): FilterResult {
  const minReward = opts.minReward ?? 0;
  const kept: HpptItem[] = [];
  const dropped: FilterResult['dropped'] = [];
  for (const item of items) {
    const r = pilot.get(item.key);
    if (r === undefined || r.rewards.length === 0) {
      if (opts.keepUnpiloted) kept.push(item);
      else dropped.push({ item, reason: 'not-piloted' });
      continue;
    }
    const withPilot: HpptItem = {
      ...item,
      hppt: { ...item.hppt, pilot: { rollouts: r.rewards.length, maxReward: Math.max(...r.rewards), meanReward: mean(r.rewards) } },
    };
    if (r.rewards.some((x) => x > minReward)) kept.push(withPilot);
    else dropped.push({ item: withPilot, reason: 'never-rewarded' });
  }
  return { kept, dropped };
}
