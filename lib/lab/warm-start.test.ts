import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenizer } from '../model/tokenizer';
import { initBackend } from '../tensor/backend';
import { warmStart, warmStartDir, warmStartKey, type WarmStartSpec } from './warm-start';

const tok = createTokenizer(['say', 'a', 'b']);
let drawn = 0;
const spec: WarmStartSpec = {
  key: { task: 'toy' },
  model: { dModel: 8, nLayers: 1, nHeads: 2, contextLength: 8, mlpRatio: 2 },
  sft: { steps: 3, batchSize: 2, learningRate: 1e-2 },
  seed: 1,
  examples: () => {
    drawn++;
    return [{ prompt: [tok.bos, ...tok.encode('say a')], response: [...tok.encode('a'), tok.eos] }];
  },
};

let root: string;
beforeAll(async () => {
  await initBackend('wasm');
  root = await mkdtemp(join(tmpdir(), 'ifkit-warm-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('warmStart', () => {
  it('trains a warm start once when two jobs ask for it at once: the second waits, then loads it', async () => {
    const cacheDir = join(root, 'cache');
    const waits: string[] = [];
    const ask = () => warmStart(spec, tok, { cacheDir, onWait: (m) => waits.push(m) });
    const [a, b] = await Promise.all([ask(), ask()]);
    expect([a.cached, b.cached].sort()).toEqual([false, true]);
    expect(drawn).toBe(1);
    expect(waits).toEqual([expect.stringMatching(new RegExp(`training warm start .* holds .*\\.lock \\(pid ${process.pid} on host`))]);
    expect(Array.from(b.policy.variables[0]!.dataSync())).toEqual(Array.from(a.policy.variables[0]!.dataSync()));
    // no lock and no temporary directory left behind
    expect(await readdir(cacheDir)).toEqual([`sft-${warmStartKey(spec, tok)}`]);
    a.policy.dispose();
    b.policy.dispose();
  });

  it('replaces a partial directory (no config.json) left by a killed writer', async () => {
    const cacheDir = join(root, 'partial');
    const dir = warmStartDir(cacheDir, warmStartKey(spec, tok));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'weights.bin'), 'half');
    const w = await warmStart(spec, tok, { cacheDir });
    expect(w.cached).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'tokenizer.json', 'weights.bin']);
    w.policy.dispose();
  });
});
