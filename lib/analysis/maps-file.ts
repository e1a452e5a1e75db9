import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { z } from 'zod';
import { decodeFloat16, encodeFloat16 } from './float16';
import { checkRecord, SPAN_ROLES, type AttentionMaps, type AttentionRecord, type Span } from './maps';

/*
 * One prompt's attention maps on disk: a safetensors file (docs/attention-maps-format.md). An 8-byte little-endian
 * header length, a JSON header padded with spaces to a multiple of 8, then `token_ids` (I32 [T]) and `attention`
 * (F16 or F32 [L, H, Q, T]). Metadata values are strings, as safetensors requires; spans and tokens are JSON text.
 * Layer l is one contiguous block, so a reader holds one layer at a time and the writer streams layer by layer.
 */

export const MAPS_FORMAT = 'ifkit-attention';
export const MAPS_VERSION = '1';
export type MapsDtype = 'float16' | 'float32';

const DTYPES = { float16: { name: 'F16', bytes: 2 }, float32: { name: 'F32', bytes: 4 } } as const;
/** Largest row-sum error accepted: float16 storage (2^-11) and bf16 models (2^-9 per weight) stay far below it. */
const ROW_SUM_TOLERANCE = 0.02;
/** Largest weight accepted on a key after the query (eager attention writes exact zeros there). */
const FUTURE_TOLERANCE = 1e-3;

const tensorSchema = z.object({ dtype: z.string(), shape: z.array(z.number().int().nonnegative()), data_offsets: z.tuple([z.number().int(), z.number().int()]) });
const spanSchema = z.object({ role: z.enum(SPAN_ROLES as [Span['role'], ...Span['role'][]]), start: z.number().int(), end: z.number().int(), id: z.string().optional() });
const metadataSchema = z
  .object({
    format: z.literal(MAPS_FORMAT),
    version: z.literal(MAPS_VERSION),
    id: z.string().min(1),
    query_start: z.string().regex(/^\d+$/),
    spans: z.string(),
    tokens: z.string(),
  })
  .catchall(z.string());
const headerSchema = z.object({ __metadata__: metadataSchema, token_ids: tensorSchema, attention: tensorSchema });

function assertLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('maps-file: attention files are little-endian and this host is big-endian; not supported');
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const out = new Uint8Array(length); // fresh buffer: offset 0, so typed views over it are aligned
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error(`unexpected end of file at byte ${position + done}`);
    done += n;
  }
  return out;
}

function parseJsonField(path: string, field: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${path}: __metadata__.${field} is not JSON text (${(e as Error).message})`);
  }
}

function fail(path: string, issues: z.core.$ZodIssue[]): never {
  const first = issues[0]!;
  throw new Error(`${path}: header field ${first.path.join('.') || '(root)'}: ${first.message}; see docs/attention-maps-format.md`);
}

/**
 * Opens one attention file: header, tokens and spans are read now; `maps.layer(l)` reads (and checks) one layer
 * when asked, so memory stays at one layer (H × Q × T floats) however long the prompt.
 * @example const record = readAttentionFile('maps/p0001.safetensors'); promptMetrics(record)
 */
export function readAttentionFile(path: string): AttentionRecord {
  assertLittleEndian();
  const fd = openSync(path, 'r');
  try {
    const n = Number(new DataView(readAt(fd, 0, 8).buffer).getBigUint64(0, true));
    if (n > 100_000_000) throw new Error(`${path}: header length ${n} is implausible; is this a safetensors file?`);
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(readAt(fd, 8, n)));
    } catch (e) {
      throw new Error(`${path}: the header is not JSON (${(e as Error).message}); is this an ifkit attention file?`);
    }
    const parsed = headerSchema.safeParse(raw);
    if (!parsed.success) fail(path, parsed.error.issues);
    const { __metadata__: meta, token_ids: ids, attention } = parsed.data;
    const spans = z.array(spanSchema).safeParse(parseJsonField(path, 'spans', meta.spans));
    if (!spans.success) fail(path, spans.error.issues.map((i) => ({ ...i, path: ['__metadata__', 'spans', ...i.path] })));
    const tokens = z.array(z.string()).safeParse(parseJsonField(path, 'tokens', meta.tokens));
    if (!tokens.success) fail(path, tokens.error.issues.map((i) => ({ ...i, path: ['__metadata__', 'tokens', ...i.path] })));
    const dataStart = 8 + n;
    if (ids.dtype !== 'I32' || ids.shape.length !== 1) throw new Error(`${path}: token_ids must be I32 [T], got ${ids.dtype} [${ids.shape.join(', ')}]`);
    const T = ids.shape[0]!;
    const idBytes = readAt(fd, dataStart + ids.data_offsets[0], 4 * T);
    const { id, query_start, format: _f, version: _v, spans: _s, tokens: _t, ...extra } = meta;
    const record: AttentionRecord = {
      id,
      tokenIds: Array.from(new Int32Array(idBytes.buffer)),
      tokens: tokens.data,
      spans: spans.data.map((s) => (s.id === undefined ? { role: s.role, start: s.start, end: s.end } : s)),
      maps: fileMaps(path, dataStart, attention, T, Number(query_start)),
      meta: extra,
    };
    checkRecord(record, path);
    return record;
  } finally {
    closeSync(fd);
  }
}

function fileMaps(path: string, dataStart: number, t: z.infer<typeof tensorSchema>, T: number, queryStart: number): AttentionMaps {
  const dtype = t.dtype === 'F16' ? 'float16' : t.dtype === 'F32' ? 'float32' : null;
  if (dtype === null) throw new Error(`${path}: attention.dtype is ${t.dtype}; use F16 or F32`);
  const [L, H, Q, keys] = t.shape;
  if (t.shape.length !== 4 || keys !== T || queryStart + Q! !== T || Q! < 1) {
    throw new Error(`${path}: attention.shape [${t.shape.join(', ')}] must be [layers, heads, T - query_start, T] with T = ${T}, query_start = ${queryStart}`);
  }
  const layerBytes = H! * Q! * T * DTYPES[dtype].bytes;
  if (t.data_offsets[1] - t.data_offsets[0] !== L! * layerBytes) throw new Error(`${path}: attention.data_offsets do not match its shape and dtype`);
  const maps: AttentionMaps = {
    layers: L!,
    heads: H!,
    length: T,
    queryStart,
    queries: Q!,
    layer(l) {
      if (!Number.isInteger(l) || l < 0 || l >= L!) throw new Error(`${path}: layer ${l} is outside [0, ${L! - 1}]`);
      const fd = openSync(path, 'r');
      try {
        const bytes = readAt(fd, dataStart + t.data_offsets[0] + l * layerBytes, layerBytes);
        const data = dtype === 'float16' ? decodeFloat16(new Uint16Array(bytes.buffer)) : new Float32Array(bytes.buffer);
        checkLayer(data, maps, l, path);
        return data;
      } finally {
        closeSync(fd);
      }
    },
  };
  return maps;
}

/** Every stored row must be a causal softmax row: sum ≈ 1 over keys ≤ query, ≈ 0 after it. */
export function checkLayer(data: Float32Array, maps: AttentionMaps, l: number, where: string): void {
  const { heads: H, queries: Q, length: T, queryStart } = maps;
  for (let h = 0; h < H; h++) {
    for (let q = 0; q < Q; q++) {
      const t = queryStart + q;
      const row = data.subarray((h * Q + q) * T, (h * Q + q + 1) * T);
      let sum = 0;
      for (let k = 0; k <= t; k++) sum += row[k]!;
      let future = 0;
      for (let k = t + 1; k < T; k++) future = Math.max(future, Math.abs(row[k]!));
      if (!(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE) || future > FUTURE_TOLERANCE) {
        throw new Error(
          `${where}: layer ${l} head ${h} query ${t}: weights on keys ≤ ${t} sum to ${sum.toFixed(4)} and the largest after it is ${future.toExponential(2)}; ` +
            'expected softmax rows of a causal model (sum 1, zeros after the query). Were the rows stored from query_start on?',
        );
      }
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** The safetensors header (padded to a multiple of 8 bytes) for a record. */
function headerBytes(record: AttentionRecord, dtype: MapsDtype): Uint8Array {
  const { layers: L, heads: H, queries: Q, length: T, queryStart } = record.maps;
  const attnBytes = L * H * Q * T * DTYPES[dtype].bytes;
  const header = {
    __metadata__: {
      ...record.meta,
      format: MAPS_FORMAT,
      version: MAPS_VERSION,
      id: record.id,
      query_start: String(queryStart),
      spans: JSON.stringify(record.spans),
      tokens: JSON.stringify(record.tokens),
    },
    token_ids: { dtype: 'I32', shape: [T], data_offsets: [0, 4 * T] },
    attention: { dtype: DTYPES[dtype].name, shape: [L, H, Q, T], data_offsets: [4 * T, 4 * T + attnBytes] },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20);
  padded.set(json);
  return padded;
}

/**
 * Writes one record, streaming one layer at a time, through a temporary file and a rename.
 * @example writeAttentionFile('maps/p0001.safetensors', record, 'float16')
 */
export function writeAttentionFile(path: string, record: AttentionRecord, dtype: MapsDtype = 'float16'): void {
  assertLittleEndian();
  checkRecord(record, path);
  const header = headerBytes(record, dtype);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(header.length), true);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, length);
    writeAll(fd, header);
    writeAll(fd, new Uint8Array(Int32Array.from(record.tokenIds).buffer));
    for (let l = 0; l < record.maps.layers; l++) {
      const data = record.maps.layer(l);
      writeAll(fd, dtype === 'float16' ? new Uint8Array(encodeFloat16(data).buffer) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
