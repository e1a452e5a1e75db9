/*
 * Metrics of ONE attention row (one layer, head and query position). Pure functions over plain arrays; the
 * definitions, their sources and the conventions for edge cases are in docs/attention-metrics.md.
 */

/** Whether key 0 (where most models park spare attention: the "sink") counts, or is dropped and the row renormalised. */
export type SinkMode = 'keep' | 'drop';

/** Key ranges [start, end), sorted and disjoint: the keys of one span target. */
export type KeyRanges = readonly (readonly [number, number])[];

/** A row over its visible keys first .. first + p.length - 1, divided by its sum. */
export interface VisibleRow {
  readonly first: number;
  readonly p: Float64Array;
}

/**
 * The row of query position t over its visible keys (0..t, or 1..t with the sink dropped), renormalised to sum 1.
 * Dividing by the visible sum (not by 1 − a[0]) also removes the rounding of float16 storage.
 * Null when no key is visible or the visible weights sum to 0 (e.g. all attention on a dropped sink).
 * @example visibleRow([0.5, 0.3, 0.2], 2, 'drop') // { first: 1, p: [0.6, 0.4] }
 */
export function visibleRow(row: ArrayLike<number>, t: number, sink: SinkMode): VisibleRow | null {
  const first = sink === 'drop' ? 1 : 0;
  const n = t - first + 1;
  if (n < 1) return null;
  let sum = 0;
  for (let k = first; k <= t; k++) sum += row[k]!;
  if (!(sum > 0)) return null;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = row[first + i]! / sum;
  return { first, p };
}

/**
 * Shannon entropy of a distribution divided by log n (1 = uniform, 0 = one key); NaN for fewer than 2 keys.
 * @example normalisedEntropy([0.5, 0.5]) // 1
 */
export function normalisedEntropy(p: ArrayLike<number>): number {
  const n = p.length;
  if (n < 2) return NaN;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const v = p[i]!;
    if (v > 0) h -= v * Math.log(v);
  }
  return h / Math.log(n);
}

/**
 * Gini coefficient of non-negative weights, Σᵢ (2i − n − 1) x₍ᵢ₎ / (n Σ x) over the ascending order: 0 when all are
 * equal, 1 − 1/n when one key holds everything. NaN for fewer than 2 keys or a zero sum.
 * @example gini([0, 0, 1]) // 2/3
 */
export function gini(x: ArrayLike<number>): number {
  return x.length < 2 ? NaN : giniOfSorted(Float64Array.from(x).sort());
}

function giniOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  let num = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    num += (2 * (i + 1) - n - 1) * sorted[i]!;
    sum += sorted[i]!;
  }
  return sum > 0 ? num / (n * sum) : NaN;
}

/** What one row does on one span target. */
export interface SpanRowMetrics {
  /** Share of the row's (visible, renormalised) attention on the span's visible keys. */
  readonly mass: number;
  /** mass over the share a uniform row would give the span (its visible keys / all visible keys). */
  readonly lift: number;
  /** normalisedEntropy of the row restricted to the span and renormalised. */
  readonly entropy: number;
  /** gini of the row restricted to the span. */
  readonly gini: number;
}

const UNDEFINED: SpanRowMetrics = { mass: NaN, lift: NaN, entropy: NaN, gini: NaN };

// Reused across calls: this runs once per row, layer, head and span (millions of times for a real model).
let scratch = new Float64Array(1024);

/**
 * Mass, lift and concentration of a visible row on a span; all NaN when none of the span's keys is visible yet.
 * Inside the span q = p / mass, so its entropy is ln(mass) − Σ p ln p / mass, without building q.
 * @example spanRowMetrics({ first: 0, p: Float64Array.of(0.1, 0.6, 0.3) }, [[1, 2]]) // mass 0.6, lift 1.8
 */
export function spanRowMetrics(row: VisibleRow, ranges: KeyRanges): SpanRowMetrics {
  const { first, p } = row;
  const last = first + p.length - 1;
  let n = 0;
  let mass = 0;
  let pLogP = 0;
  for (const [start, end] of ranges) {
    for (let k = Math.max(start, first); k < end && k <= last; k++) {
      const v = p[k - first]!;
      if (n === scratch.length) {
        const grown = new Float64Array(2 * n);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[n++] = v;
      mass += v;
      if (v > 0) pLogP += v * Math.log(v);
    }
  }
  if (n === 0) return UNDEFINED;
  const lift = mass / (n / p.length);
  if (n < 2 || !(mass > 0)) return { mass, lift, entropy: NaN, gini: NaN };
  return { mass, lift, entropy: (Math.log(mass) - pLogP / mass) / Math.log(n), gini: giniOfSorted(scratch.subarray(0, n).sort()) };
}
