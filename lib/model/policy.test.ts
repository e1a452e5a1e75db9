import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../tensor/backend';
import type { ModelConfig } from './config';
import { batchFromSequences, createPolicy, loadPolicy, parameterCount, type Policy } from './policy';
import { createTokenizer } from './tokenizer';

const tok = createTokenizer(['a', 'b', 'c', 'd', 'e']);
const config: ModelConfig = { vocabSize: tok.vocabSize, dModel: 32, nLayers: 2, nHeads: 4, contextLength: 16, mlpRatio: 4 };
let policy: Policy;
let sharp: Policy;

beforeAll(async () => {
  await initBackend('wasm');
  policy = createPolicy(config, tok, 1);
  sharp = createPolicy(config, tok, 2);
  // larger weights make the untrained model far from uniform, so a wrong position or mask shows up clearly
  for (const v of sharp.variables) if (v.rank === 2) v.assign(tf.tidy(() => v.mul(12)));
});
afterAll(() => {
  policy.dispose();
  sharp.dispose();
});

const logProbsOf = (p: Policy, seqs: number[][]): number[][] =>
  tf.tidy(() => p.tokenLogProbs(batchFromSequences(seqs, tok.pad)).logProbs.arraySync());

describe('policy', () => {
  it('counts parameters: V D + C D + L (12 D² + 4 D) + 2 D with MLP ratio 4', () => {
    const D = 32;
    expect(parameterCount(policy)).toBe(config.vocabSize * D + 16 * D + 2 * (12 * D * D + 4 * D) + 2 * D);
  });

  it('left-pads batches with a mask', () => {
    const b = batchFromSequences([[1, 5], [1, 6, 7]], 0);
    expect(b.ids.arraySync()).toEqual([[0, 1, 5], [1, 6, 7]]);
    expect(b.mask.arraySync()).toEqual([[0, 1, 1], [1, 1, 1]]);
    tf.dispose([b.ids, b.mask]);
  });

  it('gives a sequence the same log-probs alone and inside a left-padded batch', () => {
    const short = [tok.bos, 259, 260, 261];
    const long = [tok.bos, 262, 263, 259, 260, 261, 262, 263];
    const alone = logProbsOf(sharp, [short])[0]!;
    const [padded, longInBatch] = logProbsOf(sharp, [short, long]);
    const offset = long.length - short.length;
    alone.forEach((lp, t) => expect(padded![offset + t]).toBeCloseTo(lp, 4));
    logProbsOf(sharp, [long])[0]!.forEach((lp, t) => expect(longInBatch![t]).toBeCloseTo(lp, 4));
    // the check has teeth: the log-probs are far from uniform and differ between positions
    expect(Math.max(...alone) - Math.min(...alone)).toBeGreaterThan(1);
    // the plain untrained model is near uniform: log p ≈ -log V
    logProbsOf(policy, [short])[0]!.forEach((lp) => expect(lp).toBeCloseTo(-Math.log(config.vocabSize), 0));
  });

  it('returns entropies between 0 and log V, near log V untrained', () => {
    const ent = tf.tidy(() => policy.tokenLogProbs(batchFromSequences([[1, 259, 260]], 0), { withEntropy: true }).entropy!.arraySync());
    ent[0]!.forEach((h) => {
      expect(h).toBeLessThanOrEqual(Math.log(config.vocabSize) + 1e-4);
      expect(h).toBeGreaterThan(Math.log(config.vocabSize) - 0.05);
    });
  });

  it('has a gradient for every weight, embeddings included, on wasm', () => {
    const grads = tf.tidy(() => {
      const batch = batchFromSequences([[1, 259, 260, 261]], 0);
      const { grads } = tf.variableGrads(() => policy.tokenLogProbs(batch).logProbs.sum().neg() as tf.Scalar, policy.variables as tf.Variable[]);
      return Object.values(grads).map((g) => g.abs().sum().dataSync()[0]!);
    });
    expect(grads).toHaveLength(policy.variables.length);
    grads.forEach((g) => expect(g).toBeGreaterThan(0));
  });

  it('returns causal attention rows that sum to one, [layer][head][query][key]', async () => {
    const att = await policy.attention([1, 259, 260, 261]);
    expect([att.length, att[0]!.length, att[0]![0]!.length, att[0]![0]![0]!.length]).toEqual([2, 4, 4, 4]);
    for (const row of att[1]![3]!) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
    expect(att[0]![0]![1]![2]).toBe(0);
    expect(att[0]![0]![0]![0]).toBeCloseTo(1, 6);
  });

  it('round-trips through save/load with the same log-probs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ifkit-policy-'));
    try {
      await policy.save(dir);
      const back = await loadPolicy(dir);
      const seqs = [[1, 259, 260, 261, 262], [1, 263]];
      expect(logProbsOf(back, seqs)).toEqual(logProbsOf(policy, seqs));
      expect(back.tokenizer.encode('a b 1')).toEqual(tok.encode('a b 1'));
      back.dispose();
      await expect(loadPolicy(join(dir, 'missing'))).rejects.toThrow(/cannot read .*config\.json.*policy\.save\(\)/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('clones a frozen copy that outlives changes to the original', () => {
    const ref = policy.clone();
    const seqs = [[1, 259, 260]];
    const before = logProbsOf(policy, seqs);
    expect(logProbsOf(ref, seqs)).toEqual(before);
    expect(ref.variables.every((v) => !v.trainable)).toBe(true);
    const saved = policy.variables[2]!.clone();
    policy.variables[2]!.assign(tf.zerosLike(saved));
    expect(logProbsOf(ref, seqs)).toEqual(before);
    expect(logProbsOf(policy, seqs)).not.toEqual(before);
    policy.variables[2]!.assign(saved);
    saved.dispose();
    ref.dispose();
    expect(() => ref.tokenLogProbs(batchFromSequences(seqs, 0))).toThrow('was disposed');
  });

  it('rejects a config that does not match the tokenizer', () => {
    expect(() => createPolicy({ ...config, vocabSize: 10 }, tok, 0)).toThrow('config.vocabSize=10 but the tokenizer has 264 tokens');
    expect(() => createPolicy({ ...config, nHeads: 5 }, tok, 0)).toThrow('multiple of nHeads');
  });
});
