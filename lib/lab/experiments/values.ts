import { judgeClaim, seedInterval, type Claim, type ClaimSpec } from '../../stats/claims';
import type { ExperimentResults, RunResult } from './define';

/*
 * Per-seed values for reports. A run is one seed of one arm; a value is a number read from its results (a held-out
 * metric after training, a gain over the warm start, a training-curve statistic). Arms are compared seed by seed:
 * the same seed gives both arms the same warm start and evaluation prompts, so the paired difference removes that
 * share of the variance.
 */

export type RunValue = (run: RunResult) => number;

const metricsOf = (run: RunResult, which: 'before' | 'after'): Record<string, number> => (run.final[which] ?? {}) as Record<string, number>;

/** A held-out metric after training (NaN if the run lacks it). @example after('mixed/allPass') */
export const after = (key: string): RunValue => (run) => metricsOf(run, 'after')[key] ?? NaN;
/** A held-out metric of the warm start. */
export const before = (key: string): RunValue => (run) => metricsOf(run, 'before')[key] ?? NaN;
/** After − before: what GRPO changed. */
export const gain = (key: string): RunValue => (run) => after(key)(run) - before(key)(run);
/** The mean of several values of a run (NaN ones left out). */
export const meanOf = (fs: readonly RunValue[]): RunValue => (run) => {
  const xs = fs.map((f) => f(run)).filter(Number.isFinite);
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
};

/** The runs of one arm, by seed. */
export function armRuns(r: ExperimentResults, arm: string): RunResult[] {
  return r.runs.filter((x) => x.arm === arm).sort((a, b) => a.seed - b.seed);
}

/** One value per seed of an arm. */
export function seedValues(r: ExperimentResults, arm: string, f: RunValue): number[] {
  return armRuns(r, arm).map(f);
}

/** f(A) − f(B) for every seed both arms ran. */
export function pairedValues(r: ExperimentResults, armA: string, armB: string, f: RunValue): number[] {
  const b = new Map(armRuns(r, armB).map((x) => [x.seed, x]));
  return armRuns(r, armA).flatMap((a) => (b.has(a.seed) ? [f(a) - f(b.get(a.seed)!)] : []));
}

/** A claim on paired differences of two arms. */
export function pairedClaim(spec: ClaimSpec, r: ExperimentResults, armA: string, armB: string, f: RunValue): Claim {
  return judgeClaim(spec, pairedValues(r, armA, armB, f));
}

/** Table rows: for every arm and every named value, the mean over seeds with its 95% interval. */
export function armTable(r: ExperimentResults, arms: readonly string[], values: Readonly<Record<string, RunValue>>): Record<string, string | number>[] {
  return arms.flatMap((arm) =>
    Object.entries(values).map(([metric, f]) => {
      const xs = seedValues(r, arm, f).filter(Number.isFinite);
      const i = seedInterval(xs);
      return { arm, metric, estimate: i.estimate, lo: i.lo, hi: i.hi, seeds: xs.length };
    }),
  );
}

/**
 * The TRUE pass rate of one constraint type over every evaluation set that holds it (weighted by how often), after
 * or before training. @example typeRate('cheerful', 'after')
 */
export const typeRate = (type: string, which: 'before' | 'after'): RunValue => (run) => {
  const m = metricsOf(run, which);
  let pass = 0;
  let n = 0;
  for (const [key, count] of Object.entries(m)) {
    const at = key.indexOf(`/n/${type}`);
    if (at < 0 || key.length !== at + 3 + type.length) continue;
    const set = key.slice(0, at);
    pass += (m[`${set}/true/${type}`] ?? 0) * count;
    n += count;
  }
  return n === 0 ? NaN : pass / n;
};

/** What GRPO changed in one type's TRUE pass rate. */
export const typeGain = (type: string): RunValue => (run) => typeRate(type, 'after')(run) - typeRate(type, 'before')(run);
