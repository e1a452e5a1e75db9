/**
 * Scores pilot rollouts as the reward server would: open-instruct's thinking section removed, hard constraints by
 * the exact registry checkers (strict), soft ones by the judge, Python rules in the sandbox; then the all-pass
 * product (the paper's reward) or open-instruct's fraction.
 */
import { checkStrict } from '../eval/score';
import type { Judge } from '../judge/types';
import { aggregateReward, type RewardKind } from '../rewards/aggregate';
import { removeThinkingSection } from '../rewards/thinking';
import { getConstraint } from '../verifiers/registry';
import { passes } from '../verifiers/types';
import type { SandboxVerdict } from './sandbox';
import { softInstruction } from './simplify';
import { promptText, type HpptItem } from './types';

/** The pilot's reward: the paper's all-pass, or open-instruct's fraction (lib/rewards/aggregate). */
export type PilotReward = Extract<RewardKind, 'all' | 'fraction'>;

export interface ScoreDeps {
  readonly judge?: Judge;
  /** Runs a Python rule over answers; absent unless untrusted code was allowed. */
  readonly runPython?: (source: string, answers: readonly string[]) => Promise<SandboxVerdict[]>;
}

export interface ScoredRollouts {
  /** [rollout][constraint] */
  readonly passed: boolean[][];
  readonly rewards: number[];
  /** Python rules that raised or timed out (scored as failed). */
  readonly failures: { readonly type: string; readonly error: string }[];
}

/** Why an item cannot be scored with these deps, or undefined. */
export function unscorableReason(item: HpptItem, deps: ScoreDeps): string | undefined {
  const python = item.constraints.filter((c) => c.check.by === 'python');
  if (python.length && !deps.runPython) {
    return `has ${python.length} rule(s) given as Python from the dataset (${python.map((c) => c.type).join(', ')}), not run by default; rerun with --run-untrusted-code to run them in the sandbox`;
  }
  if (item.constraints.some((c) => c.kind === 'soft') && !deps.judge) return 'has soft constraints; pass --judge <spec> to score them';
  if (item.constraints.length === 0) return 'has no constraints to score';
  return undefined;
}

/** @example await scoreRollouts(item, ['hello world'], { judge }, 'all') */
export async function scoreRollouts(item: HpptItem, responses: readonly string[], deps: ScoreDeps, reward: PilotReward): Promise<ScoredRollouts> {
  const answers = responses.map(removeThinkingSection);
  const empty = responses.map((r, i) => r.length === 0 || answers[i]!.length === 0);
  const passed = responses.map(() => item.constraints.map(() => false));
  const failures: ScoredRollouts['failures'] = [];
  const soft: number[] = [];
  for (const [j, c] of item.constraints.entries()) {
    if (c.kind === 'soft') {
      soft.push(j);
      continue;
    }
    if (c.check.by === 'registry') {
      const check = getConstraint(c.check.id).prepare(c.check.kwargs ?? {});
      answers.forEach((a, i) => (passed[i]![j] = !empty[i] && passes(checkStrict(check, a))));
    } else if (c.check.by === 'python') {
      const verdicts = await deps.runPython!(c.check.source, answers);
      verdicts.forEach((v, i) => {
        if (typeof v === 'object') failures.push({ type: c.type, error: v.error });
        passed[i]![j] = !empty[i] && v === true;
      });
    }
  }
  if (soft.length) {
    const constraints = soft.map((j) => ({ id: item.constraints[j]!.type, instruction: softInstruction(item.constraints[j]!) }));
    await Promise.all(
      answers.map(async (a, i) => {
        if (empty[i]) return;
        const verdicts = await deps.judge!.judge({ prompt: promptText(item), response: a, constraints });
        soft.forEach((j, k) => (passed[i]![j] = verdicts[k] === true));
      }),
    );
  }
  const rewards = passed.map((p, i) => (empty[i] ? 0 : aggregateReward(p, reward)));
  return { passed, rewards, failures };
}
