import type { IntervalSeries, IntervalValue } from '../../plots/interval';
import { seedInterval } from '../../stats/claims';
import type { ExperimentResults, RunResult } from '../experiments/define';
import { seedValues, type RunValue } from '../experiments/values';

/*
 * The figures' numbers: means over seeds with Student-t 95% intervals (the same seedInterval the claims use), for a
 * value of each arm and for curves along the steps of a run. Missing values (NaN, a run without the metric) are left
 * out, so a point's interval is over the seeds that have it.
 */

/** An arm's value: mean over seeds and its 95% interval (NaN bounds with one seed, NaN everything with none). */
export function armInterval(r: ExperimentResults, arm: string, f: RunValue): IntervalValue {
  return seedInterval(seedValues(r, arm, f).filter(Number.isFinite));
}

/** A curve of one run: x (steps) and y. */
export interface RunCurve {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/**
 * A centred moving mean with `half` points either side (fewer at the ends). Per-step training rates come from a
 * few dozen rollouts each, so a curve without it is mostly sampling noise.
 * @example smoothCurve([0, 1, 0, 1], 1) // [0.5, 1/3, 2/3, 0.5]
 */
export function smoothCurve(y: readonly number[], half: number): number[] {
  if (half <= 0) return [...y];
  return y.map((_, i) => {
    const w = y.slice(Math.max(0, i - half), i + half + 1).filter(Number.isFinite);
    return w.length === 0 ? NaN : w.reduce((a, b) => a + b, 0) / w.length;
  });
}

/**
 * The mean over runs (seeds) of a curve, at every x any run has, with its 95% interval.
 * @example meanCurve(armRuns(r, 'recall-1'), trainCurve('train/reward', 2))
 */
export function meanCurve(runs: readonly RunResult[], curveOf: (run: RunResult) => RunCurve): IntervalSeries {
  const byX = new Map<number, number[]>();
  for (const run of runs) {
    const c = curveOf(run);
    c.x.forEach((x, i) => {
      const y = c.y[i]!;
      if (!Number.isFinite(y)) return;
      byX.set(x, [...(byX.get(x) ?? []), y]);
    });
  }
  const x = [...byX.keys()].sort((a, b) => a - b);
  return { x, values: x.map((v) => seedInterval(byX.get(v)!)) };
}

/** A metric of the trainer's per-step rows (`extra`), smoothed with `half` steps either side. */
export const trainCurve =
  (key: string, half: number) =>
  (run: RunResult): RunCurve => {
    const rows = run.train.map((row) => ({ step: row.step as number, value: (row.extra as Record<string, number> | undefined)?.[key] ?? NaN }));
    return { x: rows.map((r) => r.step), y: smoothCurve(rows.map((r) => r.value), half) };
  };

/** A held-out metric along the run's evaluations (step 0 is the warm start). */
export const evalCurve =
  (key: string) =>
  (run: RunResult): RunCurve => ({ x: run.evals.map((e) => e.step ?? NaN), y: run.evals.map((e) => e[key] ?? NaN) });

/** The arms of the results, in the order their runs were loaded (the experiment's arm order). */
export const armsOf = (r: ExperimentResults): string[] => r.runs.map((x) => x.arm).filter((a, i, xs) => xs.indexOf(a) === i);

/** How many seeds stand behind each point. @example seedsNote(r) // 'full size, mean of 3 seeds, 95% intervals' */
export function seedsNote(r: ExperimentResults): string {
  const seeds = new Set(r.runs.map((x) => x.seed)).size;
  return seeds > 1 ? `${r.size} size, mean of ${seeds} seeds, 95% intervals` : `${r.size} size, 1 seed: no intervals`;
}

/** A figure title with the seeds note as a smaller second line. */
export const titleWithSeeds = (title: string, r: ExperimentResults): string => `${title}<br><sub>${seedsNote(r)}</sub>`;
