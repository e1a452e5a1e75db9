import type { AttentionRecord, Span } from './maps';
import { visibleRow, type SinkMode } from './row-metrics';

/** One prompt's attention at token level: rows are query positions, columns every key position. */
export interface TokenView {
  readonly id: string;
  readonly tokens: readonly string[];
  /** Query position of each row. */
  readonly queries: readonly number[];
  /** weights[row][key]; NaN where the key is not visible (after the query, or a dropped sink). */
  readonly weights: readonly (readonly number[])[];
  readonly spans: readonly Span[];
  readonly layer: number;
  readonly head: number | 'mean';
}

/**
 * The rows of one layer and head (or the mean over heads), each renormalised over its visible keys as the
 * metrics see it (so with `sink: 'drop'` the other keys are not washed out by the sink's weight).
 * @example tokenView(record, { layer: 0, head: 'mean', sink: 'drop' })
 */
export function tokenView(record: AttentionRecord, opts: { layer: number; head: number | 'mean'; sink: SinkMode; rows?: readonly [number, number] }): TokenView {
  const { heads: H, queries: Q, length: T, queryStart } = record.maps;
  const heads = opts.head === 'mean' ? Array.from({ length: H }, (_, h) => h) : [opts.head];
  if (heads.some((h) => !Number.isInteger(h) || h < 0 || h >= H)) throw new Error(`tokenView: head ${opts.head} is outside [0, ${H - 1}]`);
  const [from, to] = opts.rows ?? [queryStart, T];
  if (from < queryStart || to > T || from >= to) throw new Error(`tokenView: rows [${from}, ${to}) are not inside the stored rows [${queryStart}, ${T})`);
  const data = record.maps.layer(opts.layer); // (H, Q, T)
  const queries = Array.from({ length: to - from }, (_, i) => from + i);
  const weights = queries.map((t) => {
    const out = new Array<number>(T).fill(NaN);
    let used = 0;
    for (const h of heads) {
      const offset = (h * Q + (t - queryStart)) * T;
      const row = visibleRow(data.subarray(offset, offset + T), t, opts.sink);
      if (row === null) continue;
      used++;
      row.p.forEach((v, i) => (out[row.first + i] = (Number.isNaN(out[row.first + i]!) ? 0 : out[row.first + i]!) + v));
    }
    return out.map((v) => v / used);
  });
  return { id: record.id, tokens: record.tokens, queries, weights, spans: record.spans, layer: opts.layer, head: opts.head };
}
