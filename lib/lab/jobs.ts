import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Experiment, Size } from './experiments/define';

/*
 * The jobs of an experiment: one per arm × seed, each a directory `<root>/<experiment>/<arm>/seed-<s>/` holding its
 * config.json, results and checkpoints. A job is finished when final.json exists; it is resumable when it has a
 * checkpoint. A directory whose config.json differs from the job's config is refused, never overwritten: it holds
 * another experiment's results.
 */

export interface Job {
  readonly experiment: string;
  readonly arm: string;
  readonly seed: number;
  readonly size: Size;
  readonly dir: string;
  readonly config: unknown;
}

/** The directory of one job. */
export function jobDir(root: string, experiment: string, arm: string, seed: number): string {
  return join(root, experiment, arm, `seed-${seed}`);
}

export interface JobSelection {
  /** Arms to run (default all). */
  readonly arms?: readonly string[];
  /** Seeds to run (default the experiment's seeds of the size). */
  readonly seeds?: readonly number[];
}

/**
 * Every job of an experiment at a size, in a fixed order (arm order, then seed).
 * @example expandJobs(getExperiment('world-check'), 'quick', 'runs/quick')
 */
export function expandJobs(e: Experiment, size: Size, root: string, sel: JobSelection = {}): Job[] {
  const known = e.arms.map((a) => a.name);
  const unknown = (sel.arms ?? []).filter((a) => !known.includes(a));
  if (unknown.length > 0) throw new Error(`experiment ${e.name} has no arm ${unknown.join(', ')}; its arms are ${known.join(', ')}`);
  const arms = sel.arms ?? known;
  const seeds = sel.seeds ?? e.seeds[size];
  return known
    .filter((a) => arms.includes(a))
    .flatMap((arm) => seeds.map((seed) => ({ experiment: e.name, arm, seed, size, dir: jobDir(root, e.name, arm, seed), config: e.jobConfig(arm, seed, size) })));
}

export type JobState = 'finished' | 'started' | 'new';

/** Where a job stands, refusing a directory that holds a different config. */
export function jobState(job: Job): JobState {
  const configFile = join(job.dir, 'config.json');
  if (!existsSync(configFile)) return 'new';
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch (e) {
    throw new Error(`${configFile} is not valid JSON (${e instanceof Error ? e.message : String(e)}); move or delete that directory to rerun ${job.experiment}/${job.arm}/seed-${job.seed}`);
  }
  if (JSON.stringify(stored) !== JSON.stringify(job.config)) {
    throw new Error(
      `${configFile} holds a different config than ${job.experiment}/${job.arm}/seed-${job.seed} at size ${job.size} now asks for ` +
        '(the experiment or its named config changed since it ran); move or delete that directory, or run with another --out',
    );
  }
  return existsSync(join(job.dir, 'final.json')) ? 'finished' : 'started';
}
