/*
 * Attention maps of one prompt + response and the labelled spans of its tokens: the in-memory structure every
 * function of lib/analysis reads. Definitions and sources: docs/attention-metrics.md.
 *
 * Maps are read one layer at a time (`layer(l)`), so a file on disk never has to be in memory whole
 * (lib/analysis/maps-file.ts reads layer l from the file when asked).
 */

/** What a span of the prompt or response is. */
export type SpanRole = 'system' | 'query' | 'constraint' | 'response';
export const SPAN_ROLES: readonly SpanRole[] = ['system', 'query', 'constraint', 'response'];

/**
 * Token positions [start, end) with a role. Spans of one role may repeat (each constraint has its own span);
 * `id` names one constraint (e.g. 'length_constraints:number_words') so it can be measured on its own.
 */
export interface Span {
  readonly role: SpanRole;
  readonly start: number;
  readonly end: number;
  readonly id?: string;
}

/**
 * Attention weights (layers L, heads H, stored query rows Q, keys T) of one sequence of T tokens.
 * Row q is query position queryStart + q; causal, so keys after the query hold 0.
 */
export interface AttentionMaps {
  readonly layers: number;
  readonly heads: number;
  /** T: tokens in the sequence (= keys). */
  readonly length: number;
  /** Position of the first stored query row (often where the response starts). */
  readonly queryStart: number;
  /** Q: stored query rows, positions queryStart .. queryStart + Q - 1. */
  readonly queries: number;
  /** Weights of layer l: float32 (H, Q, T), row-major. */
  layer(l: number): Float32Array;
}

/** One prompt + response with its maps: what the exporter writes per file and the lab builds in memory. */
export interface AttentionRecord {
  readonly id: string;
  /** Token ids (length T). */
  readonly tokenIds: readonly number[];
  /** Printable token labels (length T), for figures. */
  readonly tokens: readonly string[];
  readonly spans: readonly Span[];
  readonly maps: AttentionMaps;
  /** Free-form provenance (model name, dtype, ...). */
  readonly meta?: Readonly<Record<string, string>>;
}

/**
 * Maps held in memory as one float32 array (L, H, Q, T).
 * @example mapsFromArray(new Float32Array(L * H * Q * T), { layers: L, heads: H, length: T, queryStart: T - Q })
 */
export function mapsFromArray(
  data: Float32Array,
  shape: { layers: number; heads: number; length: number; queryStart: number },
): AttentionMaps {
  const { layers, heads, length, queryStart } = shape;
  const queries = length - queryStart;
  const perLayer = heads * queries * length;
  if (queries < 1 || data.length !== layers * perLayer) {
    throw new Error(
      `mapsFromArray: ${data.length} weights do not fit (layers ${layers}, heads ${heads}, rows ${queryStart}..${length - 1}, keys ${length}); ` +
        `expected ${layers * perLayer}`,
    );
  }
  return { layers, heads, length, queryStart, queries, layer: (l) => data.subarray(l * perLayer, (l + 1) * perLayer) };
}

/**
 * Maps from nested arrays [layer][head][query][key] of full square maps (as `Policy.attention` returns), keeping
 * query rows from `queryStart` on.
 * @example mapsFromNested(await policy.attention(ids), promptIds.length)
 */
export function mapsFromNested(weights: readonly (readonly (readonly (readonly number[])[])[])[], queryStart = 0): AttentionMaps {
  const L = weights.length;
  const H = weights[0]?.length ?? 0;
  const T = weights[0]?.[0]?.length ?? 0;
  if (L === 0 || H === 0 || T === 0) throw new Error('mapsFromNested: empty attention maps; expected [layer][head][query][key]');
  if (queryStart < 0 || queryStart >= T) throw new Error(`mapsFromNested: queryStart ${queryStart} must be in [0, ${T - 1}]`);
  const Q = T - queryStart;
  const data = new Float32Array(L * H * Q * T);
  weights.forEach((layer, l) =>
    layer.forEach((head, h) => {
      if (head.length !== T) throw new Error(`mapsFromNested: layer ${l} head ${h} has ${head.length} query rows, expected ${T}`);
      for (let q = 0; q < Q; q++) {
        const row = head[queryStart + q]!;
        if (row.length !== T) throw new Error(`mapsFromNested: layer ${l} head ${h} row ${queryStart + q} has ${row.length} keys, expected ${T}`);
        data.set(row, ((l * H + h) * Q + q) * T);
      }
    }),
  );
  return mapsFromArray(data, { layers: L, heads: H, length: T, queryStart });
}

/** All stored weights as one float32 array (L, H, Q, T); reads every layer, so only for small maps. */
export function mapsToArray(maps: AttentionMaps): Float32Array {
  const perLayer = maps.heads * maps.queries * maps.length;
  const out = new Float32Array(maps.layers * perLayer);
  for (let l = 0; l < maps.layers; l++) out.set(maps.layer(l), l * perLayer);
  return out;
}

/**
 * Checks that tokens, ids and spans agree with the maps; throws naming `where` (a file, a prompt) and the field.
 * @example checkRecord(record, 'maps/p001.safetensors')
 */
export function checkRecord(record: AttentionRecord, where: string): void {
  const T = record.maps.length;
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}`);
  };
  if (record.tokenIds.length !== T) fail(`token_ids has ${record.tokenIds.length} entries but the maps have ${T} keys`);
  if (record.tokens.length !== T) fail(`tokens has ${record.tokens.length} labels but the maps have ${T} keys`);
  record.spans.forEach((s, i) => {
    if (!SPAN_ROLES.includes(s.role)) fail(`spans[${i}].role is ${JSON.stringify(s.role)}; use one of ${SPAN_ROLES.join(', ')}`);
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > T || s.start >= s.end) {
      fail(`spans[${i}] (${s.role}) is [${s.start}, ${s.end}); a span is a non-empty token range inside [0, ${T})`);
    }
  });
}
