import type { Verdict } from '../verifiers/types';

/**
 * A judge's answer for one constraint. `'invalid'` is a reply that could not be parsed (or a request that failed
 * for good); it is never a pass: rewards treat it as a fail and the audit counts it separately.
 */
export type JudgeVerdict = boolean | 'invalid';

/** One constraint put to a judge. */
export interface JudgeConstraint {
  /** The registry id, e.g. 'length_constraints:number_words'. */
  readonly id: string;
  /** The instruction text the judge reads. */
  readonly instruction: string;
  /** The raw kwargs (simulated judges read them to find their blind spots). */
  readonly kwargs?: Readonly<Record<string, unknown>>;
  /** The true verdict where known (the rule verdict, or a human label); simulated judges need it, real judges never see it. */
  readonly ruleVerdict?: Verdict;
}

/** One response to judge against its prompt's constraints. */
export interface JudgeRequest {
  readonly prompt: string;
  readonly response: string;
  readonly constraints: readonly JudgeConstraint[];
}

/** The common interface of real and simulated judges: one verdict per constraint, in order. */
export interface Judge {
  /** A label for reports, e.g. 'openai:qwen3-32b/batched' or 'sim:noisy(0.3,0.95)'. */
  readonly name: string;
  judge(request: JudgeRequest, signal?: AbortSignal): Promise<JudgeVerdict[]>;
}

/** How an LLM judge is asked: one call per constraint, one call per prompt with a verdict each, or one verdict for all (VerIF's llm_score). */
export type JudgeMode = 'per-constraint' | 'batched' | 'single-score';

export const JUDGE_MODES: readonly JudgeMode[] = ['per-constraint', 'batched', 'single-score'];
