import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import type { ModelConfig } from './config';
import { fusedLogProbs } from './fused-logprobs';
import { causalGeometry, prefixedGeometry } from './fused-geometry';
import { batchFromSequences } from './generate';
import { referenceLogProbs } from './log-probs';
import { disposeWeights, initWeights, namedWeights, type Weights } from './weights';

// The fused wasm path against the tfjs-op reference it replaces: values and every weight's gradient.
const config: ModelConfig = { vocabSize: 40, dModel: 32, nLayers: 2, nHeads: 4, contextLength: 16, mlpRatio: 3 };
let w: Weights;

beforeAll(async () => {
  await initBackend('wasm');
  w = initWeights(config, createRng(3));
  // sharper than at initialisation, and norms away from gain 1 / bias 0, so every term of the gradient matters
  tf.tidy(() => {
    for (const [name, v] of namedWeights(w)) {
      if (v.rank === 2) v.assign(v.mul(8));
      else v.assign(v.add(tf.randomNormal(v.shape, 0, 0.3, 'float32', name.length)));
    }
  });
});
afterAll(() => disposeWeights(w));

const seqs = [
  [1, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  [1, 14, 15],
  [1, 16, 17, 18, 19, 20],
];
const pads = new Int32Array([0, 7, 4]);
const T = 10;

/** Σ over real positions of a·logp + c·entropy, with fixed pseudo-random a and c. */
function lossOf(logp: tf.Tensor2D, entropy: tf.Tensor2D, mask: tf.Tensor2D): tf.Scalar {
  const a = tf.randomNormal(logp.shape, 0, 1, 'float32', 7);
  const c = tf.randomNormal(logp.shape, 0, 1, 'float32', 8);
  return logp.mul(a).add(entropy.mul(c)).mul(mask).sum() as tf.Scalar;
}

describe.each([
  { name: 'all positions', K: T - 1 },
  { name: 'the last 4 positions', K: 4 },
])('fused log-probs ($name)', ({ K }) => {
  it('equal the tfjs-op reference at real positions, entropies included', () => {
    tf.tidy(() => {
      const batch = batchFromSequences(seqs, 0);
      const mask = batch.mask.slice([0, T - 1 - K], [3, K]); // predictions made at real positions
      const ref = referenceLogProbs(w, config, batch, true, K);
      const got = fusedLogProbs(w, config, causalGeometry(batch.ids.dataSync() as Int32Array, 3, T, pads, T - 1 - K, K));
      const diff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b)).mul(mask)).dataSync()[0]!;
      expect(diff(got.logProbs, ref.logProbs)).toBeLessThan(2e-4);
      expect(diff(got.entropy(), ref.entropy!)).toBeLessThan(2e-4);
      expect(tf.min(ref.logProbs.mul(mask)).dataSync()[0]).toBeLessThan(-1); // far from uniform: the check has teeth
      expect(tf.all(tf.isFinite(got.logProbs)).dataSync()[0]).toBe(1); // padded positions too (they get masked by 0·x)
    });
  });

  it('give every weight the gradient of the reference', () => {
    tf.tidy(() => {
      const batch = batchFromSequences(seqs, 0);
      const mask = batch.mask.slice([0, T - 1 - K], [3, K]) as tf.Tensor2D;
      const vars = namedWeights(w).map(([, v]) => v);
      const ref = tf.variableGrads(() => {
        const r = referenceLogProbs(w, config, batch, true, K);
        return lossOf(r.logProbs, r.entropy!, mask);
      }, vars);
      const got = tf.variableGrads(() => {
        const r = fusedLogProbs(w, config, causalGeometry(batch.ids.dataSync() as Int32Array, 3, T, pads, T - 1 - K, K));
        return lossOf(r.logProbs, r.entropy(), mask);
      }, vars);
      expect(got.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 3);
      for (const [name, v] of namedWeights(w)) {
        const [g, want] = [got.grads[v.name]!, ref.grads[v.name]!];
        const scale = tf.max(tf.abs(want)).dataSync()[0]!;
        const err = tf.max(tf.abs(tf.sub(g, want))).dataSync()[0]!;
        expect(err / scale, name).toBeLessThan(2e-3);
        expect(scale, name).toBeGreaterThan(0);
      }
    });
  });
});

describe('fused log-probs of completions after shared prompts (a GRPO group computes its prompt once)', () => {
  const prompts = [[1, 5, 6, 7], [1, 8], [1, 5, 6, 7], [1, 9, 10], [1, 8], [1, 5, 6, 7]];
  const completions = [[11, 12, 13], [14], [15, 16], [17, 18, 19, 20], [21, 22], [23, 24, 25]];
  const K = 5; // more than the longest completion
  const unique = [prompts[0]!, prompts[1]!, prompts[3]!];
  const src = new Int32Array([0, 1, 0, 2, 1, 0]);
  const maskOf = () => tf.tensor2d(completions.map((c) => Array.from({ length: K }, (_, j) => (j >= K - c.length ? 1 : 0))));
  const joined = () => batchFromSequences(prompts.map((p, b) => [...p, ...completions[b]!]), 0);

  it('equal the reference on the joined sequences (right-aligned), entropies included', () => {
    tf.tidy(() => {
      const mask = maskOf();
      const ref = referenceLogProbs(w, config, joined(), true, K);
      const got = fusedLogProbs(w, config, prefixedGeometry(unique, src, completions, K));
      const diff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b)).mul(mask)).dataSync()[0]!;
      expect(diff(got.logProbs, ref.logProbs)).toBeLessThan(2e-4);
      expect(diff(got.entropy(), ref.entropy!)).toBeLessThan(2e-4);
      expect(tf.min(ref.logProbs.mul(mask)).dataSync()[0]).toBeLessThan(-1);
    });
  });

  it('give every weight the gradient of the reference', () => {
    tf.tidy(() => {
      const mask = maskOf() as tf.Tensor2D;
      const vars = namedWeights(w).map(([, v]) => v);
      const ref = tf.variableGrads(() => {
        const r = referenceLogProbs(w, config, joined(), true, K);
        return lossOf(r.logProbs, r.entropy!, mask);
      }, vars);
      const got = tf.variableGrads(() => {
        const r = fusedLogProbs(w, config, prefixedGeometry(unique, src, completions, K));
        return lossOf(r.logProbs, r.entropy(), mask);
      }, vars);
      expect(got.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 3);
      for (const [name, v] of namedWeights(w)) {
        const [g, want] = [got.grads[v.name]!, ref.grads[v.name]!];
        const scale = tf.max(tf.abs(want)).dataSync()[0]!;
        expect(tf.max(tf.abs(tf.sub(g, want))).dataSync()[0]! / scale, name).toBeLessThan(2e-3);
      }
    });
  });
});
