import { quantileSorted } from '../stats/bootstrap';
import { createRng } from '../stats/rng';

/**
 * One group of instructions (all, an id, a category, or the prompts themselves) per prompt: how many it holds and
 * how many of those passed strict and loose. Strict and loose share the denominator.
 */
export interface PairCounts {
  readonly total: Float64Array;
  readonly strict: Float64Array;
  readonly loose: Float64Array;
}

/** A percentile interval's bounds (NaN when there were no resamples). */
export interface Bounds {
  readonly lo: number;
  readonly hi: number;
}

export interface ResampleOptions {
  readonly seed: number;
  readonly resamples: number;
  readonly level: number;
}

/** The prompts where a group occurs, packed (index, total, strict, loose): a resample only reads those. */
interface Support {
  readonly idx: Int32Array;
  readonly total: Float64Array;
  readonly strict: Float64Array;
  readonly loose: Float64Array;
}

function supportOf(c: PairCounts): Support {
  let size = 0;
  for (let i = 0; i < c.total.length; i++) if (c.total[i]! > 0) size++;
  const support = { idx: new Int32Array(size), total: new Float64Array(size), strict: new Float64Array(size), loose: new Float64Array(size) };
  for (let i = 0, j = 0; i < c.total.length; i++) {
    if (!(c.total[i]! > 0)) continue;
    support.idx[j] = i;
    support.total[j] = c.total[i]!;
    support.strict[j] = c.strict[i]!;
    support.loose[j++] = c.loose[i]!;
  }
  return support;
}

/** Per pair, the sums of the current resample (total, strict, loose): base pairs first, then the derived ones. */
interface ResampleSums {
  readonly total: Float64Array;
  readonly strict: Float64Array;
  readonly loose: Float64Array;
}

function sumBase(supports: readonly Support[], drawn: Int32Array, sums: ResampleSums): void {
  for (let k = 0; k < supports.length; k++) {
    const { idx, total: t, strict: s, loose: l } = supports[k]!;
    let total = 0;
    let strict = 0;
    let loose = 0;
    for (let j = 0; j < idx.length; j++) {
      const d = drawn[idx[j]!]!;
      total += d * t[j]!;
      strict += d * s[j]!;
      loose += d * l[j]!;
    }
    sums.total[k] = total;
    sums.strict[k] = strict;
    sums.loose[k] = loose;
  }
}

function sumDerived(derived: ReadonlyArray<readonly number[]>, offset: number, sums: ResampleSums): void {
  for (let i = 0; i < derived.length; i++) {
    const parts = derived[i]!;
    let total = 0;
    let strict = 0;
    let loose = 0;
    for (let p = 0; p < parts.length; p++) {
      const k = parts[p]!;
      total += sums.total[k]!;
      strict += sums.strict[k]!;
      loose += sums.loose[k]!;
    }
    sums.total[offset + i] = total;
    sums.strict[offset + i] = strict;
    sums.loose[offset + i] = loose;
  }
}

/**
 * Each pair's strict and loose ratio in every resample where the group was drawn. The resampled prompt indices are
 * drawn exactly as `bootstrapCI` draws them (same generator, same order), so each ratio's interval equals
 * `bootstrapCI` on that ratio alone, but the draws are made once for the 70+ ratios of a summary. A resample is
 * summarised by how often each prompt was drawn; a base pair costs its own support, not all prompts, and one pass
 * over it serves both modes; a derived pair (a category, all instructions) adds up its base pairs' sums. The sums
 * are of integers, exact in any order.
 */
function resampledRatios(base: readonly PairCounts[], derived: ReadonlyArray<readonly number[]>, n: number, opts: ResampleOptions): Array<[Float64Array, Float64Array]> {
  const supports = base.map(supportOf);
  const pairs = base.length + derived.length;
  const R = opts.resamples;
  // Pair k's ratios go to [k * R, k * R + drawCount[k]) of one array per mode (no array of arrays to unpack in the
  // loop: this code runs once per process, mostly before V8 has optimised it).
  const strictDraws = new Float64Array(pairs * R);
  const looseDraws = new Float64Array(pairs * R);
  const drawCount = new Int32Array(pairs);
  const sums = { total: new Float64Array(pairs), strict: new Float64Array(pairs), loose: new Float64Array(pairs) };
  const rng = createRng(opts.seed);
  const drawn = new Int32Array(n);
  const picks = new Int32Array(n);
  for (let b = 0; b < R; b++) {
    drawn.fill(0);
    rng.fillInts(picks, 0, n - 1);
    for (let i = 0; i < n; i++) drawn[picks[i]!]!++;
    sumBase(supports, drawn, sums);
    sumDerived(derived, base.length, sums);
    for (let k = 0; k < pairs; k++) {
      const total = sums.total[k]!;
      if (total === 0) continue;
      const at = k * R + drawCount[k]!++;
      strictDraws[at] = sums.strict[k]! / total;
      looseDraws[at] = sums.loose[k]! / total;
    }
  }
  return Array.from(drawCount, (count, k): [Float64Array, Float64Array] => [
    strictDraws.subarray(k * R, k * R + count),
    looseDraws.subarray(k * R, k * R + count),
  ]);
}

function bounds(draws: Float64Array, level: number): Bounds {
  // Typed arrays sort numerically; the values are finite ratios, so the order is that of (a, b) => a - b.
  const sorted = draws.sort();
  return { lo: quantileSorted(sorted, (1 - level) / 2), hi: quantileSorted(sorted, (1 + level) / 2) };
}

/**
 * Seeded percentile-bootstrap bounds of the strict and loose ratio (sum of passed / sum of total) of every base pair,
 * then of every derived pair (the sum of the base pairs it lists), over prompts resampled with replacement; NaN
 * bounds when there are no prompts or no resamples.
 * @example pairIntervals([perId1, perId2], [[0, 1]], 541, { seed: 0, resamples: 1000, level: 0.95 })[2].strict.lo
 */
export function pairIntervals(base: readonly PairCounts[], derived: ReadonlyArray<readonly number[]>, n: number, opts: ResampleOptions): Array<{ strict: Bounds; loose: Bounds }> {
  if (n === 0 || opts.resamples === 0) return [...base, ...derived].map(() => ({ strict: { lo: NaN, hi: NaN }, loose: { lo: NaN, hi: NaN } }));
  return resampledRatios(base, derived, n, opts).map(([s, l]) => ({ strict: bounds(s, opts.level), loose: bounds(l, opts.level) }));
}
