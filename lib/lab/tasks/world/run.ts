import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../data/atomic';
import { readJsonlSync } from '../../../data/jsonl';
import type { AuditRow } from '../../../judge/audit';
import { auditJudge, type AuditReport } from '../../../judge/audit-ci';
import type { Judge } from '../../../judge/types';
import { loadPolicy, type Policy } from '../../../model/policy';
import type { SftStep } from '../../../model/sft';
import type { Tokenizer } from '../../../model/tokenizer';
import { trainGrpo, type GrpoMetrics } from '../../../rl/grpo';
import { createRng } from '../../../stats/rng';
import { warmStart, type WarmStartSpec } from '../../warm-start';
import type { WorldConfig } from './config';
import { sftPrompts, worldData, type WorldData } from './data';
import { evaluateWorld, type EvalRecord } from './evaluate';
import { worldGrpoTask } from './grpo-task';
import { promptOf } from './instance';
import { refineWithPilot, type LabHppt } from './hppt';
import { createWorldJudge } from './judge';
import { teacherResponse } from './teacher';
import { worldTokenizer } from './vocabulary';

/*
 * One run in the world of hard and soft constraints: warm start (cached) → GRPO on the training pool with the
 * configured reward (rules for hard constraints, the configured judge for soft ones) → held-out evaluation with TRUE
 * verdicts every evalEvery steps → at the end, an audit of the judge on held-out responses. Files in the run
 * directory: config.json, metrics.jsonl (each row's `extra` holds the step's proxy and true rates per type),
 * eval.jsonl, checkpoints/, judge-audit.json and final.json (written last: its presence marks a finished run).
 */

export interface WorldHooks {
  onSftStep?(s: SftStep): void;
  onWarmStart?(info: { cached: boolean; dir?: string }): void;
  /** Another process trains the warm start this job needs: the job waits for it. */
  onWait?(message: string): void;
  onStep?(row: GrpoMetrics): void;
  onEval?(step: number, metrics: Record<string, number>): void;
}

export interface WorldRunOptions {
  readonly sftCacheDir?: string;
  readonly hooks?: WorldHooks;
  /** Return after this many finished GRPO steps (to test stop-and-resume). */
  readonly stopAfter?: number;
}

/** What final.json holds. */
export interface WorldRunSummary {
  readonly judge: string;
  /** Held-out metrics before GRPO (the warm start) and after the last step. */
  readonly before: Record<string, number>;
  readonly after: Record<string, number>;
  /** The judge's audit on the final held-out responses (soft constraints, oracle as truth); undefined without soft constraints. */
  readonly audit?: AuditReport['overall'];
  readonly auditByConstraint?: AuditReport['byConstraint'];
  /** HPPT runs: the pilot's cost and what refinement kept (details in hppt-report.json). */
  readonly hppt?: HpptSummary;
}

export interface HpptSummary {
  readonly pilotSteps: number;
  readonly pilotSeconds: number;
  readonly promptsBefore: number;
  readonly promptsAfter: number;
  readonly droppedNeverRewarded: number;
  readonly droppedNotPiloted: number;
  readonly softBefore: number;
  readonly softAfter: number;
}

function hpptSummary(h: LabHppt): HpptSummary {
  return {
    pilotSteps: h.pilot.steps,
    pilotSeconds: h.pilot.seconds,
    promptsBefore: h.report.before.prompts,
    promptsAfter: h.report.after.prompts,
    droppedNeverRewarded: h.report.dropped['never-rewarded'],
    droppedNotPiloted: h.report.dropped['not-piloted'],
    softBefore: h.report.before.soft,
    softAfter: h.report.after.soft,
  };
}

/** The warm start of a world config: every field that shapes it is in the key (the prompts are drawn only if it is trained). */
export function worldWarmStart(config: WorldConfig, tok: Tokenizer): WarmStartSpec {
  const { examples, ...sft } = config.sft;
  return {
    key: { task: 'world', teacher: config.teacher, examples, sftData: config.data.sft },
    model: config.model,
    sft,
    seed: config.seed,
    examples: () => {
      const rng = createRng(config.seed + 1);
      const prompts = sftPrompts(config);
      return Array.from({ length: examples }, () => {
        const inst = prompts[rng.int(0, prompts.length - 1)]!;
        return { prompt: [tok.bos, ...tok.encode(promptOf(inst))], response: [...tok.encode(teacherResponse(inst, rng, config.teacher)), tok.eos] };
      });
    },
  };
}

/** The training pool after an HPPT pilot (lib/lab/tasks/world/hppt.ts), run on a fresh copy of the warm start. */
async function hpptPool(config: WorldConfig, data: WorldData, judge: Judge, tok: Tokenizer, ws: { policy: Policy; dir?: string }, outDir: string | undefined): Promise<LabHppt> {
  if (!outDir) throw new Error('world config: hppt.pilotEpochs > 0 needs a run directory (the pilot keeps its checkpoints and rollouts there)');
  let from = ws.dir;
  if (from === undefined) {
    from = join(outDir, 'pilot', 'warm-start');
    await ws.policy.save(from);
  }
  const pilotPolicy = await loadPolicy(from);
  try {
    return await refineWithPilot(config, data, judge, tok, pilotPolicy, outDir);
  } finally {
    pilotPolicy.dispose();
  }
}

/** The metrics of one step from an eval.jsonl (undefined if the file or the step is missing). */
function readEvalRow(file: string, step: number): Record<string, number> | undefined {
  if (!existsSync(file)) return undefined;
  const row = readJsonlSync(file).find(({ value }) => (value as { step: number }).step === step);
  if (row === undefined) return undefined;
  const { step: _step, ...metrics } = row.value as Record<string, number>;
  return metrics;
}

/** Audit rows of the judge on held-out responses: one per soft constraint, the oracle as truth. */
export function auditRows(records: readonly EvalRecord[]): AuditRow[] {
  return records.flatMap((r, k) =>
    r.constraints.flatMap((c, i) =>
      c.kind === 'soft' ? [{ key: String(k), constraintId: c.id, category: c.type, truth: r.scored.truth[i]!, verdict: r.scored.judged[i]! }] : [],
    ),
  );
}

/**
 * Run one configuration; resumes from the newest checkpoint in `outDir`.
 * @example const { summary, policy } = await runWorld(WORLD_QUICK, 'runs/x/arm/seed-1', { sftCacheDir: 'runs/sft-cache' })
 */
export async function runWorld(config: WorldConfig, outDir: string | undefined, opts: WorldRunOptions = {}): Promise<{ summary: WorldRunSummary; policy: Policy; metrics: GrpoMetrics[] }> {
  const tok = worldTokenizer();
  const data = worldData(config);
  const hooks = opts.hooks ?? {};
  const ws = await warmStart(worldWarmStart(config, tok), tok, { cacheDir: opts.sftCacheDir, onStep: hooks.onSftStep, onWait: hooks.onWait });
  hooks.onWarmStart?.({ cached: ws.cached, ...(ws.dir ? { dir: ws.dir } : {}) });
  const policy = ws.policy;
  const judge = createWorldJudge(config.reward.judge, {
    train: data.train,
    teacher: config.teacher,
    learnedExamples: config.reward.learnedExamples,
    seed: config.seed,
    ...(outDir ? { outDir } : {}),
  });
  const hppt = config.hppt.pilotEpochs > 0 ? await hpptPool(config, data, judge, tok, ws, outDir) : undefined;
  const train = hppt?.refined ?? data.train;
  const evalOpts = { maxNewTokens: config.grpo.maxNewTokens, seed: config.evalSeed, judge, aggregate: config.reward.aggregate };
  const evals = new Map<number, { metrics: Record<string, number>; records: EvalRecord[] }>();
  const metrics = await trainGrpo({
    policy,
    config: config.grpo,
    task: worldGrpoTask(config, { ...data, train }, judge, tok),
    recordedConfig: config,
    ...(outDir ? { outDir } : {}),
    ...(opts.stopAfter !== undefined ? { stopAfter: opts.stopAfter } : {}),
    ...(hooks.onStep ? { onStep: hooks.onStep } : {}),
    evaluate: async (p, step) => {
      const e = await evaluateWorld(p, data.eval, evalOpts);
      evals.set(step, e);
      hooks.onEval?.(step, e.metrics);
      return e.metrics;
    },
  });
  // a resumed run evaluated its start in an earlier process: the warm start's row is in eval.jsonl
  const lastEval = evals.get(config.grpo.steps) ?? (await evaluateWorld(policy, data.eval, evalOpts));
  const before = evals.get(0)?.metrics ?? (outDir ? readEvalRow(join(outDir, 'eval.jsonl'), 0) : undefined) ?? lastEval.metrics;
  const rows = auditRows(lastEval.records);
  const report = rows.length > 0 ? auditJudge(rows, { seed: config.seed, resamples: 500 }) : undefined;
  const summary: WorldRunSummary = {
    judge: judge.name,
    before,
    after: lastEval.metrics,
    ...(report ? { audit: report.overall, auditByConstraint: report.byConstraint } : {}),
    ...(hppt ? { hppt: hpptSummary(hppt) } : {}),
  };
  if (outDir && (opts.stopAfter === undefined || opts.stopAfter >= config.grpo.steps)) {
    if (report) await writeFileAtomic(join(outDir, 'judge-audit.json'), JSON.stringify(report, null, 2) + '\n');
    await writeFileAtomic(join(outDir, 'final.json'), JSON.stringify(summary, null, 2) + '\n');
  }
  return { summary, policy, metrics };
}
