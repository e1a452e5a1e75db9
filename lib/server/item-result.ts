/** Turns a job's verdicts into the reward and the per-constraint report the HTTP API returns. */
import { aggregateReward, allPassReward, fractionReward, type RewardKind } from '../rewards/aggregate';
import { passes, type Verdict } from '../verifiers/types';
import type { JobOutcome } from './types';

/** One constraint in a response: the verdict, whether it counts as followed, and who decided it. */
export interface InstructionReport {
  readonly id: string;
  readonly verdict: Verdict;
  readonly passed: boolean;
  readonly by: 'rule' | 'judge';
}

/** The API's answer for one response. `status` is 'timeout' or 'failed' when a check overran or threw (reward 0). */
export interface ItemResult {
  readonly reward: number;
  readonly follow_all_instructions: boolean;
  readonly fraction: number;
  readonly instructions: readonly InstructionReport[];
  readonly status: 'ok' | 'timeout' | 'failed';
  readonly message?: string;
}

/** Final verdicts: the worker's rule verdicts with the judge's filling the soft slots. */
export type CheckedOutcome = Extract<JobOutcome, { kind: 'checked' }>;

/**
 * The item result for a checked job; `judged` holds the judge's verdicts by constraint index.
 * @example itemResult(outcome, new Map(), 'all')
 */
export function itemResult(
  outcome: CheckedOutcome,
  judged: ReadonlyMap<number, boolean>,
  kind: RewardKind,
  weights?: readonly number[],
): ItemResult {
  const instructions = outcome.instructionIds.map((id, i): InstructionReport => {
    const rule = outcome.verdicts[i];
    const verdict: Verdict = rule ?? judged.get(i) ?? false;
    return { id, verdict, passed: passes(verdict), by: rule === null || rule === undefined ? 'judge' : 'rule' };
  });
  const passed = instructions.map((r) => r.passed);
  return {
    reward: aggregateReward(passed, kind, weights),
    follow_all_instructions: allPassReward(passed) === 1,
    fraction: fractionReward(passed),
    instructions,
    status: 'ok',
  };
}

/** A response whose check overran its budget or threw: reward 0, with the reason. */
export function zeroResult(outcome: Extract<JobOutcome, { kind: 'timeout' | 'failed' }>): ItemResult {
  return {
    reward: 0,
    follow_all_instructions: false,
    fraction: 0,
    instructions: [],
    status: outcome.kind === 'timeout' ? 'timeout' : 'failed',
    message: outcome.message,
  };
}
