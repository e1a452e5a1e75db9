import type { Experiment, ExperimentReport, Size } from '../experiments/define';
import type { JobSelection } from '../jobs';
import { writeReport } from '../report';
import { loadResults } from '../results';
import { planSweep, type Shard, type SweepPlan } from './plan';
import { runPool, type PoolEvent, type PoolResult, type SweepTask } from './pool';

/*
 * A sweep: plan (which jobs, which warm starts), run (worker processes, `jobs` at a time, warm starts first), then
 * report every experiment from whatever has finished. Rerunning a sweep reruns nothing finished; a job stopped
 * mid-way resumes from its newest checkpoint; a shard runs its slice only and leaves the report to `ifkit lab merge`.
 */

export interface SweepOptions {
  readonly size: Size;
  /** Runs land in <root>/<experiment>/<arm>/seed-<s>/. */
  readonly root: string;
  readonly sftCacheDir: string;
  /** Worker processes at once (one per core is the useful maximum). */
  readonly jobs: number;
  readonly shard?: Shard;
  readonly selection?: JobSelection;
  readonly signal?: AbortSignal;
  onPlan?(plan: SweepPlan, tasks: readonly SweepTask[]): void;
  onEvent?(e: PoolEvent): void;
}

export interface SweepResult {
  readonly plan: SweepPlan;
  readonly pool: PoolResult;
  /** Reports written (none for a shard of several: merge the shards, then report). */
  readonly reports: readonly { readonly experiment: string; readonly report: ExperimentReport; readonly missing: readonly string[] }[];
}

/** The tasks of a plan: warm starts first, each run after the warm start it needs (if it is being trained). */
export function sweepTasks(plan: SweepPlan, o: Pick<SweepOptions, 'size' | 'sftCacheDir'>): SweepTask[] {
  const warm = plan.warmStarts.map((w) => ({
    id: `warm-start ${w.key}`,
    args: { experiment: w.job.experiment, arm: w.job.arm, seed: w.job.seed, size: o.size, dir: w.job.dir, sftCacheDir: o.sftCacheDir, warmStartOnly: true },
    after: [],
  }));
  const trained = new Set(plan.warmStarts.map((w) => w.key));
  const runs = plan.jobs.map((j) => ({
    id: `${j.experiment}/${j.arm}/seed-${j.seed}`,
    args: { experiment: j.experiment, arm: j.arm, seed: j.seed, size: o.size, dir: j.dir, sftCacheDir: o.sftCacheDir },
    after: trained.has(j.warmStart) ? [`warm-start ${j.warmStart}`] : [],
  }));
  return [...warm, ...runs];
}

/**
 * Run experiments at one size; returns the plan, what ran and the reports.
 * @example await runSweep([getExperiment('world-check')], { size: 'quick', root: 'runs/quick', sftCacheDir: 'runs/sft-cache', jobs: 2 })
 */
export async function runSweep(experiments: readonly Experiment[], o: SweepOptions): Promise<SweepResult> {
  const plan = planSweep(experiments, o.size, { root: o.root, sftCacheDir: o.sftCacheDir, ...(o.shard ? { shard: o.shard } : {}), ...(o.selection ? { selection: o.selection } : {}) });
  const tasks = sweepTasks(plan, o);
  o.onPlan?.(plan, tasks);
  const pool = await runPool(tasks, o.jobs, (e) => o.onEvent?.(e), o.signal);
  const reports = [];
  if (!o.shard || o.shard.n === 1) {
    for (const e of experiments) {
      const { results, missing } = loadResults(e, o.size, o.root, o.selection ?? {});
      if (results.runs.length > 0) reports.push({ experiment: e.name, report: await writeReport(e, results, o.root, missing), missing });
    }
  }
  return { plan, pool, reports };
}
