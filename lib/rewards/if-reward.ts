/**
 * The instruction-following reward of IF-RLVR as pure functions: open-instruct's partial credit (fraction of
 * constraints passed), the paper's all-pass reward, and the weighted sum of IFBench Eq. 1.
 */
import { getConstraint } from '../verifiers/registry';
import type { CheckerVariant } from '../verifiers/types';
import { passes } from '../verifiers/types';
import { aggregateReward, weightedReward, type RewardKind } from './aggregate';
import { parseIfLabel } from './if-label';
import { removeThinkingSection } from './thinking';

export interface IfRewardOptions {
  /** Default 'fraction', as open-instruct's IFEvalVerifier. */
  readonly kind?: RewardKind;
  /** Upstream checkers (default) or the corrected ones for known upstream bugs. */
  readonly variant?: CheckerVariant;
  /** Eq. 1's reward_weight_i and reward_multiplier_i, one per constraint; default 1. */
  readonly weights?: readonly number[];
  readonly multipliers?: readonly number[];
}

export interface IfRewardResult {
  readonly score: number;
  /** The text the checkers saw (thinking section and answer tags removed). */
  readonly answer: string;
  readonly instructionIds: readonly string[];
  /** Per constraint, strict check only; all false for an empty answer. */
  readonly passed: readonly boolean[];
}

function score(passed: readonly boolean[], opts: IfRewardOptions): number {
  const kind = opts.kind ?? 'fraction';
  // Eq. 1's multipliers only ever multiply the weights; weightedReward keeps both so each is validated by name.
  if (kind === 'weighted' && opts.multipliers !== undefined) return weightedReward(passed, opts.weights, opts.multipliers);
  return aggregateReward(passed, kind, opts.weights);
}

/**
 * Score a model output against an open-instruct IF label. Throws IfLabelError, UnknownConstraintError or KwargsError
 * for a broken label, so a reward server can report it instead of scoring 0 silently.
 * @example ifReward('<think>…</think>Hello world', "[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]").score // 1
 */
export function ifReward(prediction: string, label: unknown, opts: IfRewardOptions = {}): IfRewardResult {
  const { instructionIds, kwargs } = parseIfLabel(label);
  const checks = instructionIds.map((id, i) => getConstraint(id).prepare(kwargs[i] ?? {}, opts.variant ?? 'upstream'));
  const answer = removeThinkingSection(prediction);
  // Upstream returns 0 before checking anything when the prediction or the cleaned answer is empty.
  const empty = prediction.length === 0 || answer.length === 0;
  const passed = checks.map((check) => !empty && passes(check(answer)));
  return { score: empty ? 0 : score(passed, opts), answer, instructionIds, passed };
}
