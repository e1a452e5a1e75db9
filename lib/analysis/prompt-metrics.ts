import type { AttentionRecord, Span } from './maps';
import { gini, normalisedEntropy, spanRowMetrics, visibleRow, type KeyRanges, type SinkMode } from './row-metrics';

/*
 * Per-prompt metrics: every row metric averaged over the query rows (the response by default), for each layer and
 * head. Definitions: docs/attention-metrics.md.
 */

/** A value per layer and head: grid[layer][head]. NaN where undefined (see docs/attention-metrics.md). */
export type Grid = readonly (readonly number[])[];

export interface MetricOptions {
  /** Drop key 0 (the attention sink) and renormalise each row over the other visible keys. */
  readonly sink: SinkMode;
  /** Query positions [start, end) to average over; default: from the first to the end of the last response span. */
  readonly rows?: readonly [number, number];
}

/** Sinks dropped, rows = the response: the setting the analysis reports unless told otherwise. */
export const ATTENTION_METRIC_DEFAULTS: MetricOptions = { sink: 'drop' };

/** Span metrics of one target, each a mean over the query rows. */
export interface SpanGrids {
  readonly mass: Grid;
  readonly lift: Grid;
  readonly entropy: Grid;
  readonly gini: Grid;
}

/** Everything measured on one prompt. */
export interface PromptMetrics {
  readonly id: string;
  readonly layers: number;
  readonly heads: number;
  /** The query positions [start, end) averaged over. */
  readonly rows: readonly [number, number];
  /** Normalised entropy of the whole visible row. */
  readonly entropy: Grid;
  /** Gini of the whole visible row. */
  readonly gini: Grid;
  /** Per span target (see spanTargets): 'query', 'constraint', 'constraint:<id>', ... */
  readonly spans: Readonly<Record<string, SpanGrids>>;
}

function merge(ranges: (readonly [number, number])[]): KeyRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The span targets of a prompt: each role present (the union of its spans) and each span with an id as
 * `<role>:<id>` (a constraint on its own).
 * @example spanTargets([{ role: 'constraint', start: 3, end: 5, id: 'a' }]) // { constraint: [[3,5]], 'constraint:a': [[3,5]] }
 */
export function spanTargets(spans: readonly Span[]): Record<string, KeyRanges> {
  const groups = new Map<string, (readonly [number, number])[]>();
  const add = (name: string, s: Span) => groups.set(name, [...(groups.get(name) ?? []), [s.start, s.end]]);
  for (const s of spans) {
    add(s.role, s);
    if (s.id !== undefined) add(`${s.role}:${s.id}`, s);
  }
  return Object.fromEntries([...groups].map(([name, r]) => [name, merge(r)]));
}

function defaultRows(record: AttentionRecord): readonly [number, number] {
  const response = record.spans.filter((s) => s.role === 'response');
  if (response.length === 0) throw new Error(`promptMetrics: prompt ${record.id} has no response span; label one or pass rows`);
  return [Math.min(...response.map((s) => s.start)), Math.max(...response.map((s) => s.end))];
}

/** A running NaN-skipping mean per layer × head. */
class MeanGrid {
  private readonly sum: Float64Array;
  private readonly n: Uint32Array;
  constructor(private readonly L: number, private readonly H: number) {
    this.sum = new Float64Array(L * H);
    this.n = new Uint32Array(L * H);
  }
  add(l: number, h: number, v: number): void {
    if (Number.isNaN(v)) return;
    this.sum[l * this.H + h]! += v;
    this.n[l * this.H + h]! += 1;
  }
  grid(): number[][] {
    return Array.from({ length: this.L }, (_, l) =>
      Array.from({ length: this.H }, (_, h) => (this.n[l * this.H + h]! > 0 ? this.sum[l * this.H + h]! / this.n[l * this.H + h]! : NaN)),
    );
  }
}

/**
 * Metrics of one prompt per layer and head, reading the maps one layer at a time.
 * @example promptMetrics(record, { sink: 'drop' }).spans.constraint.mass[0][1] // layer 0, head 1
 */
export function promptMetrics(record: AttentionRecord, opts: MetricOptions = ATTENTION_METRIC_DEFAULTS): PromptMetrics {
  const { maps } = record;
  const { layers: L, heads: H, length: T, queryStart, queries: Q } = maps;
  const rows = opts.rows ?? defaultRows(record);
  if (rows[0] < queryStart || rows[1] > T || rows[0] >= rows[1]) {
    throw new Error(`promptMetrics: prompt ${record.id}: rows [${rows[0]}, ${rows[1]}) are not inside the stored query rows [${queryStart}, ${T})`);
  }
  const targets = Object.entries(spanTargets(record.spans));
  const entropy = new MeanGrid(L, H);
  const giniGrid = new MeanGrid(L, H);
  const span = targets.map(() => ({ mass: new MeanGrid(L, H), lift: new MeanGrid(L, H), entropy: new MeanGrid(L, H), gini: new MeanGrid(L, H) }));
  for (let l = 0; l < L; l++) {
    const data = maps.layer(l); // (H, Q, T)
    for (let h = 0; h < H; h++) {
      for (let t = rows[0]; t < rows[1]; t++) {
        const offset = (h * Q + (t - queryStart)) * T;
        const row = visibleRow(data.subarray(offset, offset + T), t, opts.sink);
        if (row === null) continue;
        entropy.add(l, h, normalisedEntropy(row.p));
        giniGrid.add(l, h, gini(row.p));
        targets.forEach(([, ranges], i) => {
          const m = spanRowMetrics(row, ranges);
          const acc = span[i]!;
          acc.mass.add(l, h, m.mass);
          acc.lift.add(l, h, m.lift);
          acc.entropy.add(l, h, m.entropy);
          acc.gini.add(l, h, m.gini);
        });
      }
    }
  }
  return {
    id: record.id,
    layers: L,
    heads: H,
    rows: [rows[0], rows[1]],
    entropy: entropy.grid(),
    gini: giniGrid.grid(),
    spans: Object.fromEntries(
      targets.map(([name], i) => {
        const acc = span[i]!;
        return [name, { mass: acc.mass.grid(), lift: acc.lift.grid(), entropy: acc.entropy.grid(), gini: acc.gini.grid() }];
      }),
    ),
  };
}
