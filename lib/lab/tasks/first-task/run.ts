import { join } from 'node:path';
import { writeFileAtomic } from '../../../data/atomic';
import { readJsonlSync } from '../../../data/jsonl';
import type { SftStep } from '../../../model/sft';
import type { Policy } from '../../../model/policy';
import { aggregateReward } from '../../../rewards/aggregate';
import { trainGrpo, type GrpoMetrics, type GrpoTask } from '../../../rl/grpo';
import { allPass, labVerdicts } from './checks';
import type { LabConfig } from './config';
import { evaluateLab, type LabEval } from './evaluate';
import { createRng } from '../../../stats/rng';
import type { Tokenizer } from '../../../model/tokenizer';
import { warmStart, type WarmStartSpec } from '../../warm-start';
import { teacherResponse } from './teacher';
import { drawInstances, labTokenizer, promptIds, promptText, splitInstances, type LabMeta, type LabSplit } from './world';

/*
 * The first learning task end to end: warm start (cached) → held-out evaluation → GRPO with the rule reward,
 * evaluated on the held-out prompts along the way → a final evaluation written next to the metrics.
 */

export interface LabHooks {
  onSftStep?(s: SftStep): void;
  onWarmStart?(info: { cached: boolean; dir?: string }): void;
  /** Another process trains the warm start this job needs: the job waits for it. */
  onWait?(message: string): void;
  onStep?(row: GrpoMetrics): void;
  /** The run continues from a checkpoint at this step. */
  onResume?(step: number): void;
  onEval?(step: number, result: LabEval): void;
}

export interface LabResult {
  readonly before: LabEval;
  readonly after: LabEval;
  /** (step, held-out evaluation) every evalEvery steps, step 0 being the warm start. */
  readonly curve: { step: number; eval: LabEval }[];
  readonly metrics: GrpoMetrics[];
}

/** The held-out curve of a run directory (a resumed run holds the rows of every call). */
function readCurve(file: string): { step: number; eval: LabEval }[] {
  return readJsonlSync(file).map(({ value }) => {
    const { step, ...e } = value as { step: number } & LabEval;
    return { step, eval: e };
  });
}

/** The GRPO task of the lab: training prompts from the split, the rule reward, the true all-pass. */
export function labTask(config: LabConfig, split: LabSplit, tok = labTokenizer()): GrpoTask<LabMeta> {
  return {
    samplePrompts: (rng, n) => drawInstances(split, rng, n).map((m) => ({ text: promptText(m), ids: promptIds(tok, m), meta: m })),
    reward: (_prompt, completion, meta) => {
      const v = labVerdicts(completion, meta, config.checks);
      return aggregateReward([v.length, v.keyword, v.lowercase], config.reward);
    },
    truePass: (_prompt, completion, meta) => allPass(labVerdicts(completion, meta, config.checks)),
    stopTokens: [tok.eos],
  };
}

/** Teacher (prompt, response) pairs over training instances only. */
export function teacherExamples(config: LabConfig, tok: Tokenizer, split: LabSplit) {
  const rng = createRng(config.seed + 1);
  return drawInstances(split, rng, config.sft.examples).map((m) => ({
    prompt: promptIds(tok, m),
    response: [...tok.encode(teacherResponse(m, rng, config.teacher)), tok.eos],
  }));
}

/** The first task's warm start: the teacher on training instances (the held-out split is part of the key). */
export function firstTaskWarmStart(config: LabConfig, tok: Tokenizer, split: LabSplit): WarmStartSpec {
  const { examples, ...sft } = config.sft;
  return {
    key: { task: 'first-task', teacher: config.teacher, examples, heldOut: config.heldOut },
    model: config.model,
    sft,
    seed: config.seed,
    examples: () => teacherExamples(config, tok, split),
  };
}

/** Warm start then GRPO on the first task; writes config.json, metrics.jsonl, eval.jsonl, checkpoints and final.json into `outDir`. */
export async function runLab(
  config: LabConfig,
  outDir: string | undefined,
  opts: { sftCacheDir?: string; hooks?: LabHooks; stopAfter?: number } = {},
): Promise<LabResult & { policy: Policy }> {
  const tok = labTokenizer();
  const split = splitInstances(config.heldOut, config.seed);
  const hooks = opts.hooks ?? {};
  const ws = await warmStart(firstTaskWarmStart(config, tok, split), tok, { cacheDir: opts.sftCacheDir, onStep: hooks.onSftStep, onWait: hooks.onWait });
  hooks.onWarmStart?.({ cached: ws.cached, ...(ws.dir ? { dir: ws.dir } : {}) });
  const policy = ws.policy;
  const evalOpts = { maxNewTokens: config.grpo.maxNewTokens, seed: config.evalSeed, checks: config.checks };
  const curve: { step: number; eval: LabEval }[] = [];
  const metrics = await trainGrpo({
    policy,
    config: config.grpo,
    task: labTask(config, split, tok),
    recordedConfig: config,
    ...(outDir ? { outDir } : {}),
    ...(opts.stopAfter !== undefined ? { stopAfter: opts.stopAfter } : {}),
    ...(hooks.onStep ? { onStep: hooks.onStep } : {}),
    ...(hooks.onResume ? { onResume: hooks.onResume } : {}),
    evaluate: async (p, step) => {
      const e = await evaluateLab(p, split.heldOut, evalOpts);
      curve.push({ step, eval: e });
      hooks.onEval?.(step, e);
      return { ...e };
    },
  });
  if (outDir) curve.splice(0, curve.length, ...readCurve(join(outDir, 'eval.jsonl')));
  const before = curve[0]?.eval ?? (await evaluateLab(policy, split.heldOut, evalOpts));
  const after = curve[curve.length - 1]?.eval ?? before;
  const finished = opts.stopAfter === undefined || opts.stopAfter >= config.grpo.steps;
  if (outDir && finished) await writeFileAtomic(join(outDir, 'final.json'), JSON.stringify({ before, after, curve }, null, 2) + '\n');
  return { before, after, curve, metrics, policy };
}
