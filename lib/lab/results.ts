import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonlSync } from '../data/jsonl';
import type { Experiment, ExperimentResults, RunResult, Size } from './experiments/define';
import { expandJobs, jobState, type Job, type JobSelection, type JobState } from './jobs';

/*
 * The results of an experiment as its report reads them: every finished job's final.json, eval.jsonl and
 * metrics.jsonl. Jobs not finished are listed, not guessed at: a report on a partial sweep says how partial it is.
 * A job directory holding another config is listed as missing too (with why), not read.
 */

/** One finished run from its directory. */
export function readRun(dir: string, arm: string, seed: number): RunResult {
  // analysis jobs (attention) train nothing: they have no eval.jsonl or metrics.jsonl
  const evals = existsSync(join(dir, 'eval.jsonl')) ? readJsonlSync(join(dir, 'eval.jsonl')).map(({ value }) => value as Record<string, number>) : [];
  const train = existsSync(join(dir, 'metrics.jsonl')) ? readJsonlSync(join(dir, 'metrics.jsonl')).map(({ value }) => value as Record<string, unknown>) : [];
  return { arm, seed, final: JSON.parse(readFileSync(join(dir, 'final.json'), 'utf8')) as Record<string, unknown>, evals, train };
}

/**
 * The finished runs of an experiment under `root`, and the jobs still missing.
 * @example const { results, missing } = loadResults(getExperiment('world-check'), 'quick', 'runs/quick')
 */
export function loadResults(e: Experiment, size: Size, root: string, sel: JobSelection = {}): { results: ExperimentResults; missing: string[] } {
  const jobs = expandJobs(e, size, root, sel);
  // a directory holding another config holds another experiment's results: missing here, never read
  const state = (j: Job): JobState | 'other config' => {
    try {
      return jobState(j);
    } catch {
      return 'other config';
    }
  };
  const states = jobs.map(state);
  const done = jobs.filter((_, i) => states[i] === 'finished');
  return {
    results: { experiment: e.name, size, runs: done.map((j) => readRun(j.dir, j.arm, j.seed)) },
    missing: jobs.flatMap((j, i) => (states[i] === 'finished' ? [] : [`${j.arm}/seed-${j.seed}${states[i] === 'other config' ? ' (its directory holds another config)' : ''}`])),
  };
}
