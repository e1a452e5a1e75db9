import type { Policy } from '../model/policy';
import { checkRecord, mapsFromNested, type AttentionRecord, type Span } from './maps';

/** A prompt + response of the lab, with the caller's labels of its token positions (prompt ids start at 0). */
export interface LabelledSequence {
  readonly id: string;
  readonly promptIds: readonly number[];
  readonly responseIds: readonly number[];
  /** Spans over prompt + response positions; a response span [P, T) is added if none is given. */
  readonly spans: readonly Span[];
}

/**
 * The attention maps of an ifkit policy on one prompt + response, in the structure the metrics (and the file
 * writer) take. Keeps the response's query rows only, unless `rows: 'all'`.
 * @example await policyAttentionRecord(policy, { id: 'p1', promptIds, responseIds, spans: [{ role: 'query', start: 1, end: 4 }] })
 */
export async function policyAttentionRecord(
  policy: Policy,
  seq: LabelledSequence,
  opts: { rows?: 'response' | 'all'; meta?: Record<string, string> } = {},
): Promise<AttentionRecord> {
  const P = seq.promptIds.length;
  const ids = [...seq.promptIds, ...seq.responseIds];
  if (seq.responseIds.length === 0 && opts.rows !== 'all') {
    throw new Error(`policyAttentionRecord: ${seq.id} has an empty response; pass rows: 'all' to keep the prompt's rows`);
  }
  const spans = seq.spans.some((s) => s.role === 'response') || seq.responseIds.length === 0 ? seq.spans : [...seq.spans, { role: 'response' as const, start: P, end: ids.length }];
  const weights = await policy.attention(ids); // [layer][head][query][key]
  const record: AttentionRecord = {
    id: seq.id,
    tokenIds: ids,
    tokens: ids.map((id) => policy.tokenizer.label(id)),
    spans,
    maps: mapsFromNested(weights, opts.rows === 'all' ? 0 : P),
    ...(opts.meta ? { meta: opts.meta } : {}),
  };
  checkRecord(record, `policyAttentionRecord(${seq.id})`);
  return record;
}
