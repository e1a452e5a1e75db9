/**
 * The instruction-following reward of IF-RLVR as pure functions: open-instruct's partial credit (fraction of
 * constraints passed), the paper's all-pass reward, and the weighted sum of IFBench Eq. 1.
 */
import { getConstraint } from '../verifiers/registry';
import type { CheckerVariant } from '../verifiers/types';
import { passes } from '../verifiers/types';
import { parseIfLabel } from './if-label';
import { removeThinkingSection } from './thinking';

/** 'fraction': open-instruct's IFEvalVerifier; 'all': 1 only if every constraint passes; 'weighted': Eq. 1. */
export type IfRewardKind = 'fraction' | 'all' | 'weighted';

export interface IfRewardOptions {
  readonly kind?: IfRewardKind;
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

/** IFBench Eq. 1: Σ verifiable_i · multiplier_i · weight_i (a sum, not a mean). @example weightedReward([true, false, true], [2, 1, 0.5]) // 2.5 */
export function weightedReward(passed: readonly boolean[], weights?: readonly number[], multipliers?: readonly number[]): number {
  const w = checkWeights('weights', weights, passed.length);
  const m = checkWeights('multipliers', multipliers, passed.length);
  return passed.reduce((sum, p, i) => sum + (p ? 1 : 0) * m[i]! * w[i]!, 0);
}

function score(passed: readonly boolean[], opts: IfRewardOptions): number {
  const kind = opts.kind ?? 'fraction';
  switch (kind) {
    case 'fraction':
      return fractionReward(passed);
    case 'all':
      return allPassReward(passed);
    case 'weighted':
      return weightedReward(passed, opts.weights, opts.multipliers);
    default: {
      const never: never = kind;
      throw new Error(`ifReward: unknown kind ${JSON.stringify(never)}; use 'fraction', 'all' or 'weighted'`);
    }
  }
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
