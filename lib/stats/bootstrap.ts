import { createRng } from './rng';

/** A point estimate with a percentile-bootstrap confidence interval. */
export interface Interval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

export interface BootstrapOptions {
  readonly seed: number;
  /** Number of resamples (default 1000). */
  readonly resamples?: number;
  /** Coverage of the interval (default 0.95). */
  readonly level?: number;
}

/** Mean of a list; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Linear-interpolated quantile of sorted values (numpy's default, "linear"). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  const a = sorted[i]!;
  return frac === 0 ? a : a + (sorted[i + 1]! - a) * frac;
}

/**
 * Percentile bootstrap: resample the items with replacement, recompute the statistic, take the
 * (1-level)/2 and (1+level)/2 quantiles. Items can be anything (rows, pairs) so paired metrics resample together.
 * Resamples whose statistic is NaN (e.g. recall with no positives drawn) are left out of the quantiles.
 * @example bootstrapCI([1, 0, 1, 1], mean, { seed: 0 }) // { estimate: 0.75, lo: ..., hi: ... }
 */
export function bootstrapCI<T>(items: readonly T[], statistic: (sample: readonly T[]) => number, opts: BootstrapOptions): Interval {
  const estimate = statistic(items);
  const n = items.length;
  if (n === 0) return { estimate, lo: NaN, hi: NaN };
  const rng = createRng(opts.seed);
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  const stats: number[] = [];
  const sample = new Array<T>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = items[rng.int(0, n - 1)]!;
    const s = statistic(sample);
    if (!Number.isNaN(s)) stats.push(s);
  }
  stats.sort((x, y) => x - y);
  return { estimate, lo: quantileSorted(stats, (1 - level) / 2), hi: quantileSorted(stats, (1 + level) / 2) };
}
