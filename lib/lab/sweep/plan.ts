import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Experiment, Size } from '../experiments/define';
import { expandJobs, jobState, type Job, type JobSelection } from '../jobs';
import { warmStartDir } from '../warm-start';

/*
 * What a sweep has to do: the jobs of one or more experiments (arm × seed), minus the finished ones, restricted to a
 * deterministic shard, plus the warm starts those jobs need that are not cached yet. A warm start shared by several
 * jobs is trained once, by one worker, before any of them starts. A job whose directory holds another config is
 * refused (with the reason) and left untouched; the other jobs still run.
 */

/** A slice of the jobs: shard k of n takes jobs k−1, k−1+n, k−1+2n, … of the fixed job order. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** Reads "k/n" (1 ≤ k ≤ n). @example parseShard('2/4') // { k: 2, n: 4 } */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || !(n >= 1) || !(k >= 1 && k <= n)) throw new Error(`--shard ${JSON.stringify(text)}: expected k/n with 1 <= k <= n, e.g. 1/4`);
  return { k, n };
}

export interface PlannedJob extends Job {
  readonly state: 'started' | 'new';
  /** The warm start it needs. */
  readonly warmStart: string;
  /** Jobs of other experiments it reads (`<experiment>/<arm>/seed-<s>`), to finish first when the sweep runs them. */
  readonly dependsOn: readonly string[];
}

export interface WarmStartJob {
  readonly key: string;
  /** A job whose config trains it. */
  readonly job: Job;
}

export interface SweepPlan {
  readonly jobs: readonly PlannedJob[];
  readonly finished: readonly Job[];
  /** Jobs not run, and why (their directory holds a different config). */
  readonly refused: readonly { readonly job: Job; readonly message: string }[];
  readonly warmStarts: readonly WarmStartJob[];
}

const idOf = (j: Job): string => `${j.experiment}/${j.arm}/seed-${j.seed}`;

/**
 * The shard (0-based) of job i: its index modulo n, except that a job reading another job's run (an attention job
 * reads a reward-mix run) goes where that run goes, so a shard never waits for another shard's work.
 */
function shardOf(all: readonly { e: Experiment; job: Job }[], i: number, n: number): number {
  const { e, job } = all[i]!;
  const dep = e.after(job.arm).map((d) => `${d.experiment}/${d.arm}/seed-${job.seed}`)[0];
  const at = dep === undefined ? -1 : all.findIndex((x) => idOf(x.job) === dep);
  return at < 0 || at === i ? i % n : shardOf(all, at, n);
}

/**
 * Plan a sweep over experiments at one size.
 * @example planSweep([getExperiment('world-check')], 'quick', { root: 'runs/quick', sftCacheDir: 'runs/sft-cache' })
 */
export function planSweep(
  experiments: readonly Experiment[],
  size: Size,
  o: { readonly root: string; readonly sftCacheDir: string; readonly shard?: Shard; readonly selection?: JobSelection },
): SweepPlan {
  const all = experiments.flatMap((e) => expandJobs(e, size, o.root, o.selection ?? {}).map((job) => ({ e, job })));
  const mine = o.shard ? all.filter((_, i) => shardOf(all, i, o.shard!.n) === o.shard!.k - 1) : all;
  const finished: Job[] = [];
  const jobs: PlannedJob[] = [];
  const refused: { job: Job; message: string }[] = [];
  for (const { e, job } of mine) {
    let state;
    try {
      state = jobState(job);
    } catch (err) {
      refused.push({ job, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    if (state === 'finished') finished.push(job);
    else jobs.push({ ...job, state, warmStart: e.task.warmStartKey(job.config), dependsOn: e.after(job.arm).map((d) => idOf({ ...job, experiment: d.experiment, arm: d.arm })) });
  }
  const warmStarts = new Map<string, Job>();
  for (const j of jobs) {
    if (!warmStarts.has(j.warmStart) && !existsSync(join(warmStartDir(o.sftCacheDir, j.warmStart), 'config.json'))) warmStarts.set(j.warmStart, j);
  }
  return { jobs, finished, refused, warmStarts: [...warmStarts].map(([key, job]) => ({ key, job })) };
}
