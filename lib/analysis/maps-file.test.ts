import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFloat16, encodeFloat16 } from './float16';
import { handRecord } from './hand-record';
import { mapsFromArray, mapsToArray, type AttentionRecord } from './maps';
import { readAttentionFile, writeAttentionFile } from './maps-file';

const dir = mkdtempSync(join(tmpdir(), 'ifkit-maps-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Written by `python3 examples/attention_export.py --synthetic lib/analysis/testdata` (numpy 2.4), i.e. by the
// exporter's own write_attention_file; syn-N.float32.json holds the weights before float16 rounding.
const TESTDATA = join(__dirname, 'testdata');

/** The data section of a safetensors file (everything after the 8-byte length and the header). */
function dataSection(path: string): Buffer {
  const bytes = readFileSync(path);
  return bytes.subarray(8 + Number(bytes.readBigUInt64LE(0)));
}

function headerOf(path: string): Record<string, unknown> {
  const bytes = readFileSync(path);
  return JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8')) as Record<string, unknown>;
}

describe('writeAttentionFile → readAttentionFile', () => {
  it('round-trips a record exactly in float32', () => {
    const record: AttentionRecord = { ...handRecord(), meta: { model: 'hand' } };
    const path = join(dir, 'hand32.safetensors');
    writeAttentionFile(path, record, 'float32');
    const back = readAttentionFile(path);
    expect({ id: back.id, tokenIds: back.tokenIds, tokens: back.tokens, spans: back.spans, meta: back.meta }).toEqual({
      id: record.id,
      tokenIds: record.tokenIds,
      tokens: record.tokens,
      spans: record.spans,
      meta: { model: 'hand' },
    });
    expect([back.maps.layers, back.maps.heads, back.maps.queries, back.maps.length, back.maps.queryStart]).toEqual([1, 2, 2, 6, 4]);
    expect(Array.from(mapsToArray(back.maps))).toEqual(Array.from(mapsToArray(record.maps)));
  });

  it('stores float16 as the nearest half-precision value of each weight', () => {
    const path = join(dir, 'hand16.safetensors');
    writeAttentionFile(path, handRecord(), 'float16');
    const original = mapsToArray(handRecord().maps);
    expect(Array.from(mapsToArray(readAttentionFile(path).maps))).toEqual(Array.from(decodeFloat16(encodeFloat16(original))));
    // a float16 file is the 8-byte length, a header padded to a multiple of 8, 6 int32 ids and 24 halves
    expect(readFileSync(path).length - 8 - Number(readFileSync(path).readBigUInt64LE(0))).toBe(6 * 4 + 24 * 2);
    expect(Number(readFileSync(path).readBigUInt64LE(0)) % 8).toBe(0);
  });

  it('reads one layer at a time from the file', () => {
    // L=2: layer 1 is layer 0 with its heads swapped
    const l0 = mapsToArray(handRecord().maps);
    const data = Float32Array.from([...l0, ...l0.subarray(12), ...l0.subarray(0, 12)]);
    const path = join(dir, 'two-layers.safetensors');
    writeAttentionFile(path, { ...handRecord(), maps: mapsFromArray(data, { layers: 2, heads: 2, length: 6, queryStart: 4 }) }, 'float32');
    const maps = readAttentionFile(path).maps;
    expect(Array.from(maps.layer(1))).toEqual(Array.from(data.subarray(24)));
    expect(() => maps.layer(2)).toThrow(/layer 2 is outside \[0, 1\]/);
  });
});

describe('files written by the Python exporter (examples/attention_export.py)', () => {
  it.each(['syn-0', 'syn-1', 'syn-2'])('%s: header, spans and float16 weights read back exactly', (name) => {
    const path = join(TESTDATA, `${name}.safetensors`);
    const record = readAttentionFile(path);
    const reference = Float32Array.from(JSON.parse(readFileSync(join(TESTDATA, `${name}.float32.json`), 'utf8')) as number[]);
    expect(record.id).toBe(name);
    expect(record.meta).toEqual({ model: 'synthetic' });
    expect(record.tokens[0]).toBe('t0');
    expect(record.tokenIds[0]).toBe(100);
    expect(record.spans.map((s) => s.role)).toEqual(['query', 'constraint', 'constraint', 'response']);
    expect(record.spans[1]).toEqual({ role: 'constraint', start: 3, end: 4, id: 'a' });
    expect(record.maps.queryStart).toBe(record.spans[3]!.start);
    // numpy's float32 → float16 rounding and ours agree on every weight
    expect(Array.from(mapsToArray(record.maps))).toEqual(Array.from(decodeFloat16(encodeFloat16(reference))));
  });

  it.each(['syn-0', 'syn-1', 'syn-2'])('%s: our writer reproduces its data bytes and its header', (name) => {
    const python = join(TESTDATA, `${name}.safetensors`);
    const ours = join(dir, `${name}.safetensors`);
    writeAttentionFile(ours, readAttentionFile(python), 'float16');
    expect(dataSection(ours).equals(dataSection(python))).toBe(true);
    // same fields; only the JSON spacing differs (Python writes ", " and ": ")
    const parse = (h: Record<string, unknown>) => {
      const meta = h.__metadata__ as Record<string, string>;
      return { ...h, __metadata__: { ...meta, spans: JSON.parse(meta.spans!), tokens: JSON.parse(meta.tokens!) } };
    };
    expect(parse(headerOf(ours))).toEqual(parse(headerOf(python)));
  });
});

describe('readAttentionFile errors name the file and the field', () => {
  const write = (name: string, header: unknown, data: Uint8Array = new Uint8Array(0)): string => {
    const json = Buffer.from(JSON.stringify(header));
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(json.length));
    const path = join(dir, name);
    writeFileSync(path, Buffer.concat([len, json, data]));
    return path;
  };
  const good = () => headerOf(join(TESTDATA, 'syn-0.safetensors')) as { __metadata__: Record<string, string> } & Record<string, unknown>;

  it('a header that is not JSON, or not ours', () => {
    const path = join(dir, 'junk.safetensors');
    writeFileSync(path, Buffer.concat([Buffer.from([4, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('nope')]));
    expect(() => readAttentionFile(path)).toThrow(/junk.safetensors: the header is not JSON/);
    const h = good();
    expect(() => readAttentionFile(write('fmt.safetensors', { ...h, __metadata__: { ...h.__metadata__, format: 'other' } }))).toThrow(
      /fmt.safetensors: header field __metadata__.format/,
    );
  });

  it('a span outside the sequence or with an unknown role', () => {
    const h = good();
    const bad = JSON.stringify([{ role: 'query', start: 1, end: 99 }]);
    expect(() => readAttentionFile(write('span.safetensors', { ...h, __metadata__: { ...h.__metadata__, spans: bad } }, dataSection(join(TESTDATA, 'syn-0.safetensors'))))).toThrow(
      /span.safetensors: spans\[0\] \(query\) is \[1, 99\)/,
    );
    const role = JSON.stringify([{ role: 'instruction', start: 1, end: 2 }]);
    expect(() => readAttentionFile(write('role.safetensors', { ...h, __metadata__: { ...h.__metadata__, spans: role } }))).toThrow(/__metadata__.spans.0.role/);
  });

  it('rows that are not causal softmax rows (e.g. stored from the wrong query_start)', () => {
    const record = handRecord();
    const data = mapsToArray(record.maps);
    data[5] = 0.5; // head 0, query 4 puts weight on key 5, after itself
    const path = join(dir, 'future.safetensors');
    writeAttentionFile(path, { ...record, maps: mapsFromArray(data, { layers: 1, heads: 2, length: 6, queryStart: 4 }) }, 'float32');
    expect(() => readAttentionFile(path).maps.layer(0)).toThrow(/future.safetensors: layer 0 head 0 query 4: .*largest after it is 5.00e-1/);
  });
});
