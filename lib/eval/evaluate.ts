import { readResponseRows } from '../data/benchmark';
import type { ConstraintLookup } from '../verifiers/define';
import type { CheckerVariant } from '../verifiers/types';
import { readPrompts, type PreparedPrompt } from './input';
import { joinResponses, type Joined } from './join';
import { summarize, type EvalSummary } from './metrics';
import { scorePrompts, type ScoredPrompt } from './score';

export interface EvaluateOptions {
  readonly seed?: number;
  readonly resamples?: number;
  readonly lookup?: ConstraintLookup;
  readonly variant?: CheckerVariant;
}

export interface Evaluation {
  readonly prompts: readonly PreparedPrompt[];
  readonly joined: Joined;
  readonly scored: readonly ScoredPrompt[];
  readonly summary: EvalSummary;
}

/**
 * Reads a prompts file and a responses file, scores both modes and summarises; bad rows throw `file:line: reason`.
 * @example evaluateFiles(dataPath('ifeval/input_data.jsonl'), 'responses.jsonl').summary.promptLevelStrict
 */
export function evaluateFiles(inputFile: string, responsesFile: string, opts: EvaluateOptions = {}): Evaluation {
  const prompts = readPrompts(inputFile, opts);
  const joined = joinResponses(prompts, readResponseRows(responsesFile));
  const scored = scorePrompts(prompts, joined.responses);
  const summary = summarize(scored, { seed: opts.seed ?? 0, resamples: opts.resamples ?? 1000 }, joined.missing);
  return { prompts, joined, scored, summary };
}
