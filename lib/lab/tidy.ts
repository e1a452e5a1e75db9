import type { ExperimentResults } from './experiments/define';

/*
 * The tidy (long) results table of an experiment: one row per (arm, seed, step, source, set, metric) and its value.
 * `source` is 'eval' (held-out, TRUE verdicts beside the judge's) or 'train' (the step's rollouts: reward, proxy and
 * true rates, KL, entropy, length). Wall-clock timings are left out: they vary run to run, so two sweeps of the same
 * experiment (sharded or not) give the same table.
 */

export interface TidyRow {
  readonly experiment: string;
  readonly arm: string;
  readonly seed: number;
  readonly step: number;
  readonly source: 'eval' | 'train';
  /** The evaluation set ('hard', 'soft', 'mixed', …) or 'train'; '' for metrics of no set. */
  readonly set: string;
  readonly metric: string;
  readonly value: number;
}

const TIMING = /Seconds$|^tokensPerSecond$/;

function splitKey(key: string): { set: string; metric: string } {
  const at = key.indexOf('/');
  return at < 0 ? { set: '', metric: key } : { set: key.slice(0, at), metric: key.slice(at + 1) };
}

/** The tidy rows of an experiment's results, in a fixed order. */
export function tidyRows(r: ExperimentResults): TidyRow[] {
  const out: TidyRow[] = [];
  const runs = [...r.runs].sort((a, b) => (a.arm < b.arm ? -1 : a.arm > b.arm ? 1 : a.seed - b.seed));
  for (const run of runs) {
    const base = { experiment: r.experiment, arm: run.arm, seed: run.seed };
    for (const row of run.evals) {
      for (const [key, value] of Object.entries(row)) {
        if (key === 'step' || typeof value !== 'number') continue;
        out.push({ ...base, step: row.step!, source: 'eval', ...splitKey(key), value });
      }
    }
    for (const row of run.train) {
      const step = row.step as number;
      const { extra, ...core } = row as { extra?: Record<string, number> } & Record<string, unknown>;
      for (const [key, value] of Object.entries({ ...core, ...(extra ?? {}) })) {
        if (key === 'step' || typeof value !== 'number' || TIMING.test(key)) continue;
        const { set, metric } = splitKey(key);
        out.push({ ...base, step, source: 'train', set: set === '' ? 'train' : set, metric, value });
      }
    }
  }
  return out;
}
