import { join } from 'node:path';
import { memoryReplyCache, openReplyCache } from '../../../judge/cache';
import { trainLearnedJudge } from '../../../judge/learned';
import { createOracleJudge } from '../../../judge/simulated';
import { createJudgeFromSpec, parseJudgeSpec } from '../../../judge/spec';
import type { Judge } from '../../../judge/types';
import { createRng } from '../../../stats/rng';
import { constraintsOf, type WorldInstance } from './instance';
import { teacherResponse, type WorldTeacherOptions } from './teacher';
import { trueVerdicts } from './truth';

/*
 * The judge of a run's soft constraints, from the config's `reward.judge`:
 * - 'oracle': perfect (the lab's precise reward);
 * - 'learned': a bag-of-words classifier per soft constraint trained on `learnedExamples` teacher responses to
 *   training prompts, labelled by the oracle — imprecise by itself, as a small reward model is;
 * - any lib/judge spec: 'sim:noisy:recall_violation=…,recall_compliant=…', 'sim:lenient', or
 *   'openai:<model>@<url>' (a real LLM judge reads the instruction texts; replies cached in the run directory).
 */

export const LAB_JUDGE_FORMS = "'oracle', 'learned', 'sim:noisy:recall_violation=0.306,recall_compliant=0.95', 'sim:lenient' or 'openai:<model>@<url>'";

export interface WorldJudgeContext {
  /** Training prompts (the learned judge's examples come from them). */
  readonly train: readonly WorldInstance[];
  readonly teacher: WorldTeacherOptions;
  readonly learnedExamples: number;
  readonly seed: number;
  /** The run directory (an LLM judge's reply cache goes there); none: an in-memory cache. */
  readonly outDir?: string;
}

/** Oracle-labelled teacher responses for the learned judge: one per prompt with a soft constraint, `n` in all. */
function learnedExamples(ctx: WorldJudgeContext) {
  const rng = createRng(ctx.seed + 7);
  const prompts = ctx.train.filter((inst) => constraintsOf(inst).some((c) => c.kind === 'soft'));
  if (prompts.length === 0) throw new Error("lab judge 'learned': the training data has no soft constraint to learn from; use 'oracle' or train on soft or mixed data");
  return Array.from({ length: ctx.learnedExamples }, () => {
    const inst = prompts[rng.int(0, prompts.length - 1)]!;
    const constraints = constraintsOf(inst);
    const response = teacherResponse(inst, rng, ctx.teacher);
    const truth = trueVerdicts(response, constraints);
    return constraints.flatMap((c, i) => (c.kind === 'soft' ? [{ id: c.id, kwargs: c.kwargs, response, truth: truth[i]! }] : []));
  }).flat();
}

/**
 * The judge named by `spec` for a run.
 * @example createWorldJudge('sim:noisy:recall_violation=0.306,recall_compliant=0.95', ctx)
 */
export function createWorldJudge(spec: string, ctx: WorldJudgeContext): Judge {
  if (spec === 'oracle') return createOracleJudge();
  if (spec === 'learned') return trainLearnedJudge(learnedExamples(ctx));
  let parsed;
  try {
    parsed = parseJudgeSpec(spec);
  } catch (e) {
    throw new Error(`reward.judge ${JSON.stringify(spec)} is not a judge; use ${LAB_JUDGE_FORMS} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (parsed.kind === 'noisy' && parsed.seed === 0) parsed = { ...parsed, seed: ctx.seed };
  const cache = ctx.outDir ? openReplyCache(join(ctx.outDir, 'judge-cache.jsonl')) : memoryReplyCache();
  return createJudgeFromSpec(parsed, { cache, mode: 'per-constraint', onFailure: 'invalid' });
}
