import * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeDeadPartials, writeFileAtomic } from '../data/atomic';
import { toJsonl } from '../data/jsonl';
import type { Policy } from '../model/policy';
import { createRng, type Rng } from '../stats/rng';
import { groupAdvantages, nanMean, nanStd } from './advantages';
import { saveTrainerCheckpoint } from './checkpoint';
import type { GrpoConfig } from './config';
import { createAdam, type TensorAdam } from './optimizer';
import { rollout, trainingBatch, type Reward, type TaskPrompt } from './rollout';
import { keepRowsUpTo, referencePolicy, restoreRun } from './resume';
import { learningRate } from './schedule';
import { grpoUpdate } from './update';

/*
 * The GRPO loop: sample prompts → G completions each → rewards → group advantages → μ clipped-ratio updates.
 * Seeded end to end by one Rng (prompts and sampling) whose state is checkpointed with the model and the Adam
 * moments, so a run stopped after a checkpoint and resumed writes the same metrics as an unbroken run (timings aside).
 */

/** What the trainer needs from a task. */
export interface GrpoTask<M> {
  /** `n` training prompts drawn from `rng`. */
  samplePrompts(rng: Rng, n: number): TaskPrompt<M>[];
  readonly reward: Reward<M>;
  /** The ground-truth pass (when the reward is a proxy, e.g. a judge); logged as truePassRate. */
  truePass?(prompt: string, completion: string, meta: M): boolean;
  /** Stop tokens of completions (usually [tokenizer.eos]). */
  readonly stopTokens: readonly number[];
  /** Task metrics of the step just scored (e.g. per-constraint proxy and true rates), logged in the row's `extra`. */
  stepMetrics?(): Record<string, number>;
}

/** One row of metrics.jsonl. */
export interface GrpoMetrics {
  step: number;
  rewardMean: number;
  rewardStd: number;
  truePassRate: number | null;
  kl: number;
  entropy: number;
  clipFraction: number;
  loss: number;
  gradNorm: number;
  /** Learning rate of the step's first optimiser update. */
  lr: number;
  responseTokens: number;
  zeroVarianceFraction: number;
  tokensPerSecond: number;
  stepSeconds: number;
  sampleSeconds: number;
  rewardSeconds: number;
  updateSeconds: number;
  /** Process CPU time of the step: on a shared machine this, not wall time, says what an idle core would take. */
  stepCpuSeconds: number;
  /** CPU time of sampling + reward. */
  rolloutCpuSeconds: number;
  updateCpuSeconds: number;
  /** The task's own metrics of the step (GrpoTask.stepMetrics). */
  extra?: Record<string, number>;
}

const cpuSecondsSince = (c: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
};

export interface GrpoRunOptions<M> {
  /** Trained in place. */
  readonly policy: Policy;
  readonly config: GrpoConfig;
  readonly task: GrpoTask<M>;
  /** Where config.json, metrics.jsonl, eval.jsonl and checkpoints go; resumes from its newest checkpoint. */
  readonly outDir?: string;
  /** Written as config.json instead of `config` (e.g. a task config that embeds it). */
  readonly recordedConfig?: unknown;
  /** Return after this many finished steps (to test stop-and-resume); defaults to config.steps. */
  readonly stopAfter?: number;
  onStep?(row: GrpoMetrics): void;
  /** Called when the run continues from a checkpoint of `outDir`, with the step it resumes at. */
  onResume?(step: number): void;
  /** Held-out evaluation; called before training, every config.evalEvery steps and at the end. */
  evaluate?(policy: Policy, step: number): Promise<Record<string, number>>;
  onEval?(step: number, result: Record<string, number>): void;
}

export async function trainGrpo<M>(o: GrpoRunOptions<M>): Promise<GrpoMetrics[]> {
  const { policy, config, task } = o;
  const optimizer = createAdam(policy.variables, config.adam);
  let reference: Policy | undefined;
  let rng = createRng(config.seed);
  let start = 0;
  const rows: GrpoMetrics[] = [];
  try {
    if (o.outDir) {
      await mkdir(o.outDir, { recursive: true });
      await writeFileAtomic(join(o.outDir, 'config.json'), JSON.stringify(o.recordedConfig ?? config, null, 2) + '\n');
      await removeDeadPartials(join(o.outDir, 'checkpoints'));
      const resumed = await restoreRun(policy, optimizer, o.outDir);
      if (resumed) ({ step: start, rng } = resumed);
      if (resumed) o.onResume?.(start);
      await keepRowsUpTo(join(o.outDir, 'metrics.jsonl'), start);
      // the evaluation at a checkpoint's step is written before the checkpoint; step 0 has none and is evaluated again
      await keepRowsUpTo(join(o.outDir, 'eval.jsonl'), start === 0 ? -1 : start);
    }
    reference = await referencePolicy(policy, config, o.outDir, start > 0);
    const runEval = async (step: number): Promise<void> => {
      if (!o.evaluate) return;
      const result = await o.evaluate(policy, step);
      o.onEval?.(step, result);
      if (o.outDir) await writeFile(join(o.outDir, 'eval.jsonl'), toJsonl([{ step, ...result }]), { flag: 'a' });
    };
    if (start === 0) await runEval(0);
    const end = Math.min(o.stopAfter ?? config.steps, config.steps);
    for (let step = start; step < end; step++) {
      const row = await grpoStep(policy, reference, optimizer, task, config, rng, step);
      rows.push(row);
      if (o.outDir) await writeFile(join(o.outDir, 'metrics.jsonl'), toJsonl([row]), { flag: 'a' });
      o.onStep?.(row);
      const done = step + 1;
      const last = done === config.steps;
      // evaluate first: a run killed between the two resumes from the checkpoint before and evaluates again
      if (last || (config.evalEvery > 0 && done % config.evalEvery === 0)) await runEval(done);
      if (o.outDir && (last || (config.checkpointEvery > 0 && done % config.checkpointEvery === 0))) {
        await saveTrainerCheckpoint(o.outDir, policy, { step: done, rngState: rng.state(), adam: optimizer.exportState() });
      }
    }
  } finally {
    optimizer.dispose();
    reference?.dispose();
  }
  return rows;
}

/**
 * One GRPO step (rollout, advantages, update) on the live policy and optimiser; trainGrpo's loop body, exported for
 * bench/step-vs-torch.ts, which times the real step against a PyTorch twin.
 */
export async function grpoStep<M>(
  policy: Policy,
  reference: Policy | undefined,
  optimizer: TensorAdam,
  task: GrpoTask<M>,
  config: GrpoConfig,
  rng: Rng,
  step: number,
): Promise<GrpoMetrics> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const G = config.groupSize;
  const prompts = task.samplePrompts(rng, config.promptsPerStep);
  const sample = {
    maxNewTokens: config.maxNewTokens,
    temperature: config.temperature,
    topK: config.topK,
    topP: config.topP,
    stopTokens: task.stopTokens,
    rng,
    // one pass over one micro-batch scores exactly the sampled rows with the sampling's weights: the policy can keep
    // the sampling's activations and skip that forward pass (lib/model/fused-record.ts)
    keepForScoring: config.microBatches === 1,
  };
  const { rollout: r, sampleSeconds, rewardSeconds } = await rollout(policy, prompts, G, sample, task.reward);
  const extra = task.stepMetrics?.();
  const groups = prompts.map((_, i) => r.rewards.slice(i * G, (i + 1) * G));
  const adv = groupAdvantages(groups, config.advantage);
  const keep = r.completionIds.map((_, k) => !adv.dropped[Math.floor(k / G)]);
  const t1 = performance.now();
  const rolloutCpuSeconds = cpuSecondsSince(c0);
  const c1 = process.cpuUsage();
  const lrAt = (k: number): number => learningRate(k, { ...config.lr, totalSteps: config.steps * config.innerIterations });
  const lr = lrAt(optimizer.steps);
  const tb = trainingBatch(prompts.flatMap((p) => Array.from({ length: G }, () => p.ids)), r.completionIds, policy.tokenizer.pad, keep);
  let stats;
  try {
    stats = grpoUpdate(policy, reference, optimizer, tb, adv.advantages.flat(), config, lrAt);
  } finally {
    tf.dispose([tb.batch.ids, tb.batch.mask, tb.completionMask]);
  }
  const t2 = performance.now();
  const updateCpuSeconds = cpuSecondsSince(c1);
  const stepCpuSeconds = cpuSecondsSince(c0);
  const generated = r.completionIds.reduce((n, c) => n + c.length, 0);
  const truePass = task.truePass
    ? r.completions.map((c, k) => {
        const p = prompts[Math.floor(k / G)]!;
        return task.truePass!(p.text, c, p.meta) ? 1 : 0;
      })
    : null;
  return {
    step: step + 1,
    rewardMean: nanMean(r.rewards),
    rewardStd: nanStd(r.rewards, 'sample'),
    truePassRate: truePass ? nanMean(truePass) : null,
    kl: stats.kl,
    entropy: stats.entropy,
    clipFraction: stats.clipFraction,
    loss: stats.loss,
    gradNorm: stats.gradNorm,
    lr,
    responseTokens: generated / r.completionIds.length,
    zeroVarianceFraction: adv.zeroVariance.filter(Boolean).length / groups.length,
    tokensPerSecond: generated / sampleSeconds,
    stepSeconds: (t2 - t0) / 1000,
    sampleSeconds,
    rewardSeconds,
    updateSeconds: (t2 - t1) / 1000,
    stepCpuSeconds,
    rolloutCpuSeconds,
    updateCpuSeconds,
    ...(extra ? { extra } : {}),
  };
}
