import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicy, type Policy } from '../model/policy';
import { createTokenizer } from '../model/tokenizer';
import { initBackend } from '../tensor/backend';
import { mapsToArray } from './maps';
import { readAttentionFile, writeAttentionFile } from './maps-file';
import { policyAttentionRecord } from './policy-maps';
import { promptMetrics } from './prompt-metrics';

const tok = createTokenizer(['write', 'in', 'five', 'words', 'sea', 'blue']);
let policy: Policy;
const dir = mkdtempSync(join(tmpdir(), 'ifkit-policy-maps-'));

beforeAll(async () => {
  await initBackend('wasm');
  policy = createPolicy({ vocabSize: tok.vocabSize, dModel: 16, nLayers: 2, nHeads: 2, contextLength: 16, mlpRatio: 2 }, tok, 3);
});
afterAll(() => {
  policy.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const promptIds = [tok.bos, ...tok.encode('write in five words')];
const responseIds = tok.encode('sea blue');
const seq = { id: 'lab-1', promptIds, responseIds, spans: [{ role: 'query' as const, start: 1, end: 2 }, { role: 'constraint' as const, start: 2, end: 5, id: 'len' }] };

describe('policyAttentionRecord', () => {
  it("keeps the response rows of the policy's maps, labels tokens and adds the response span", async () => {
    const record = await policyAttentionRecord(policy, seq, { meta: { model: 'tiny' } });
    const full = await policy.attention([...promptIds, ...responseIds]); // [layer][head][query][key]
    const P = promptIds.length;
    expect([record.maps.layers, record.maps.heads, record.maps.queryStart, record.maps.queries, record.maps.length]).toEqual([2, 2, P, 2, P + 2]);
    expect(record.tokens).toEqual(['<bos>', 'write', 'in', 'five', 'words', 'sea', 'blue']);
    expect(record.spans.at(-1)).toEqual({ role: 'response', start: P, end: P + 2 });
    const expected = full.flatMap((layer) => layer.flatMap((head) => head.slice(P).flat()));
    Array.from(mapsToArray(record.maps)).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    // the lab's records go through the same metrics and file format as exported ones
    const m = promptMetrics(record, { sink: 'drop' });
    expect(m.spans['constraint:len']!.mass[1]![0]).toBeGreaterThan(0);
    const path = join(dir, 'lab-1.safetensors');
    writeAttentionFile(path, record, 'float32');
    expect(promptMetrics(readAttentionFile(path), { sink: 'drop' })).toEqual(m);
  });

  it("keeps every row with rows: 'all', and refuses an empty response otherwise", async () => {
    expect((await policyAttentionRecord(policy, seq, { rows: 'all' })).maps.queryStart).toBe(0);
    await expect(policyAttentionRecord(policy, { ...seq, responseIds: [] })).rejects.toThrow(/lab-1 has an empty response/);
  });

  it('leaves no tensors behind', async () => {
    await policyAttentionRecord(policy, seq);
    const before = tf.memory().numTensors;
    await policyAttentionRecord(policy, seq);
    expect(tf.memory().numTensors).toBe(before);
  });
});
