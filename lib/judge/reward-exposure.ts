import type { VerdictRecord } from './run-audit';
import { passes } from '../verifiers/types';

/** How often a judge hands the full reward to prompts that truly pass, and to prompts that truly fail. */
export interface RewardExposure {
  readonly compliantPrompts: number;
  /** Share of truly compliant prompts the judge passes entirely (reward 1 under the product rule). */
  readonly compliantRewarded: number;
  readonly nonCompliantPrompts: number;
  /** Share of prompts with at least one true violation the judge still passes entirely: the reward a hack collects. */
  readonly nonCompliantRewarded: number;
}

/**
 * The product-rule reward (1 iff every constraint is judged followed; an invalid verdict is a fail) on real
 * responses, split by whether the prompt truly passes. Unverifiable truths count as followed, as upstream scores them.
 * @example rewardExposure(result.verdicts).nonCompliantRewarded // 0.55 for a judge with recall 0.3
 */
export function rewardExposure(verdicts: readonly VerdictRecord[]): RewardExposure {
  const byPrompt = new Map<string, { truth: boolean; judged: boolean }>();
  for (const v of verdicts) {
    const p = byPrompt.get(v.key) ?? { truth: true, judged: true };
    p.truth &&= passes(v.truth);
    p.judged &&= v.verdict === true;
    byPrompt.set(v.key, p);
  }
  const all = [...byPrompt.values()];
  const good = all.filter((p) => p.truth);
  const bad = all.filter((p) => !p.truth);
  const share = (ps: typeof all): number => (ps.length === 0 ? NaN : ps.filter((p) => p.judged).length / ps.length);
  return { compliantPrompts: good.length, compliantRewarded: share(good), nonCompliantPrompts: bad.length, nonCompliantRewarded: share(bad) };
}
