import { readResponseRows } from '../data/benchmark';
import type { ConstraintLookup } from '../verifiers/define';
import { DEFAULT_CHECK_TIMEOUT_MS } from '../verifiers/time-bound';
import type { CheckerVariant } from '../verifiers/types';
import { scorePromptsWithin, type CheckTimeout } from './bounded-score';
import { readPrompts, type PreparedPrompt } from './input';
import { joinResponses, type Joined } from './join';
import { summarize, type EvalSummary } from './metrics';
import { responseCoverage, type ResponseCoverage } from './response-coverage';
import type { ScoredPrompt } from './score';

export interface EvaluateOptions {
  readonly seed?: number;
  readonly resamples?: number;
  readonly lookup?: ConstraintLookup;
  readonly variant?: CheckerVariant;
  /** Budget of one check in ms (default 2000, as the reward server); an overrun is scored as failed and reported. */
  readonly checkTimeoutMs?: number;
}

export interface Evaluation {
  readonly prompts: readonly PreparedPrompt[];
  readonly joined: Joined;
  readonly scored: readonly ScoredPrompt[];
  readonly summary: EvalSummary;
  /** Checks stopped at the time bound (scored as failed). */
  readonly timeouts: readonly CheckTimeout[];
  /** Responses that answer no prompt, and responses repeating a prompt. */
  readonly coverage: ResponseCoverage;
}

/**
 * Reads a prompts file and a responses file, scores both modes (no check running longer than checkTimeoutMs) and
 * summarises; bad rows throw `file:line: reason`.
 * @example evaluateFiles(dataPath('ifeval/input_data.jsonl'), 'responses.jsonl').summary.promptLevelStrict
 */
export function evaluateFiles(inputFile: string, responsesFile: string, opts: EvaluateOptions = {}): Evaluation {
  const prompts = readPrompts(inputFile, opts);
  const responses = readResponseRows(responsesFile);
  const joined = joinResponses(prompts, responses);
  const { scored, timeouts } = scorePromptsWithin(prompts, joined.responses, opts.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
  const summary = summarize(scored, { seed: opts.seed ?? 0, resamples: opts.resamples ?? 1000 }, joined.missing);
  return { prompts, joined, scored, summary, timeouts, coverage: responseCoverage(prompts, responses) };
}
