import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import type { ModelConfig } from './config';
import { batchFromSequences, generateTokens } from './generate';
import { samplingRule, sampleToken } from './sampling';
import { forward, logitsOf } from './transformer';
import { disposeWeights, initWeights, namedWeights, type Weights } from './weights';

const config: ModelConfig = { vocabSize: 40, dModel: 32, nLayers: 2, nHeads: 4, contextLength: 24, mlpRatio: 2 };
let w: Weights;

beforeAll(async () => {
  await initBackend('wasm');
  w = initWeights(config, createRng(5));
  // scale the matrices up so the untrained model is far from uniform and every token choice is informative
  for (const [, v] of namedWeights(w)) if (v.rank === 2) v.assign(tf.tidy(() => v.mul(12)));
});
afterAll(() => disposeWeights(w));

/** Cache-free decode: re-runs the full forward pass over prompt + completion at every step. */
function referenceDecode(prompts: number[][], n: number, opts: { temperature?: number; topK?: number; topP?: number; stop?: number[]; rng: Rng }) {
  const rule = samplingRule(opts);
  const out: number[][] = prompts.map(() => []);
  const done = prompts.map(() => false);
  for (let step = 0; step < n && !done.every(Boolean); step++) {
    const seqs = prompts.map((p, b) => [...p, ...out[b]!]);
    const rows = tf.tidy(() => {
      const batch = batchFromSequences(seqs, 0);
      const [B, T] = batch.ids.shape;
      const { hidden } = forward(w, config, batch.ids, batch.mask);
      return logitsOf(w, hidden.slice([0, T - 1, 0], [B, 1, config.dModel]).reshape([B, config.dModel])).arraySync();
    });
    rows.forEach((row, b) => {
      if (done[b]) return;
      const t = sampleToken(row, rule, opts.rng);
      out[b]!.push(t);
      if (opts.stop?.includes(t)) done[b] = true;
    });
  }
  return out;
}

const prompts = [[1, 7, 8, 9, 10, 11], [1, 12], [1, 13, 14]];

describe('generate with a KV cache', () => {
  it.each([
    { name: 'T = 1', opts: {} },
    { name: 'T = 0.7, top-k 5', opts: { temperature: 0.7, topK: 5 } },
    { name: 'top-p 0.9', opts: { topP: 0.9 } },
    { name: 'greedy', opts: { temperature: 0 } },
  ])('gives exactly the tokens of a cache-free decode ($name)', async ({ opts }) => {
    const got = await generateTokens(w, config, prompts, { maxNewTokens: 12, ...opts, rng: createRng(11) });
    const want = referenceDecode(prompts, 12, { ...opts, rng: createRng(11) });
    expect(got).toEqual(want);
    expect(got.map((c) => c.length)).toEqual([12, 12, 12]);
    expect(new Set(got.flat()).size).toBeGreaterThan(3); // not a degenerate constant decode
  });

  it('shares the prefill of repeated prompts (GRPO groups) without changing the tokens', async () => {
    const groups = [prompts[0]!, prompts[0]!, prompts[1]!, prompts[0]!, prompts[1]!];
    const got = await generateTokens(w, config, groups, { maxNewTokens: 10, rng: createRng(8) });
    expect(got).toEqual(referenceDecode(groups, 10, { rng: createRng(8) }));
    expect(got[0]).not.toEqual(got[1]); // same prompt, independent samples
  });

  it('stops a row at its stop token (kept) and leaves the others running', async () => {
    const free = await generateTokens(w, config, prompts, { maxNewTokens: 12, rng: createRng(2) });
    const stop = free[1]![3]!; // a token row 1 emits at step 3
    const got = await generateTokens(w, config, prompts, { maxNewTokens: 12, stopTokens: [stop], rng: createRng(2) });
    const want = referenceDecode(prompts, 12, { stop: [stop], rng: createRng(2) });
    expect(got).toEqual(want);
    expect(got[1]!.indexOf(stop)).toBe(got[1]!.length - 1);
    expect(got[1]!.length).toBeLessThanOrEqual(4);
  });

  it('is seeded by opts.rng alone', async () => {
    const a = await generateTokens(w, config, prompts, { maxNewTokens: 6, rng: createRng(3) });
    const b = await generateTokens(w, config, prompts, { maxNewTokens: 6, rng: createRng(3) });
    const c = await generateTokens(w, config, prompts, { maxNewTokens: 6, rng: createRng(4) });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('refuses prompts that would overflow the context, naming the numbers', async () => {
    await expect(generateTokens(w, config, [[1, 2, 3]], { maxNewTokens: 22, rng: createRng(0) })).rejects.toThrow(
      'the longest prompt (3 tokens) + maxNewTokens (22) exceeds contextLength 24',
    );
    await expect(generateTokens(w, config, [[]], { maxNewTokens: 2, rng: createRng(0) })).rejects.toThrow('prompt 0 is empty');
  });
});
